import Foundation

/// Time bounds for tests that measure how fast something happens, stretched under sanitizers.
///
/// The bounds state the behaviour (a hostile body is answered within a second, a deadline fires at 0.5 s). Under
/// ThreadSanitizer or AddressSanitizer the same code runs 5-15 times slower, so `make test-asan` and
/// `make test-tsan` set `ARGO_PLUGIN_TEST_TIME_SCALE` and every upper bound and client timeout is multiplied by it.
/// Lower bounds (a deadline must not fire early) are never scaled. `make test` runs with a scale of 1.
enum TimeAllowance {
    /// The multiplier from `ARGO_PLUGIN_TEST_TIME_SCALE`; 1 when unset or not a number ≥ 1.
    static let scale: Double = {
        guard let text = ProcessInfo.processInfo.environment["ARGO_PLUGIN_TEST_TIME_SCALE"],
            let value = Double(text), value >= 1
        else { return 1 }
        return value
    }()

    /// An upper bound in seconds, scaled.
    static func seconds(_ bound: Double) -> Double { bound * scale }

    /// A whole-second socket timeout, scaled.
    static func wholeSeconds(_ bound: Int) -> Int { Int((Double(bound) * scale).rounded(.up)) }

    /// An upper bound as a `Duration`, scaled.
    static func duration(_ bound: Duration) -> Duration { bound * scale }
}
