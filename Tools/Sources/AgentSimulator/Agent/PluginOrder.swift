/// The order in which the agent asks its plugins.
///
/// Argo's controller builds the agent's plugin list by ranging over Go maps (namespaces, then plugin names), and
/// Go randomises map iteration: the order is random for every agent pod, that is for every workflow, unless the
/// workflow declares its plugins in `spec.executorPlugins`, whose list order is kept.
public enum PluginOrder: Sendable, Equatable {
    /// A random order from `seed`; the same seed gives the same order on every run and every machine.
    case random(seed: UInt64)
    /// The order the plugins were given in (`--plugin` order), as when the workflow declares them.
    case given

    /// A random order with a fresh seed.
    public static func randomSeed() -> PluginOrder { .random(seed: UInt64.random(in: 0...999_999)) }

    /// `items` in this order.
    func arrange<Element>(_ items: [Element]) -> [Element] {
        guard case .random(let seed) = self else { return items }
        var generator = SplitMix64(seed: seed)
        var result = items
        // Fisher-Yates with our own bounded draw, so a seed replays identically whatever the toolchain.
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            let other = Int(generator.next(below: UInt64(index + 1)))
            result.swapAt(index, other)
        }
        return result
    }
}

/// A small, fast, well-distributed generator (Steele, Lea and Flood's SplitMix64), fixed so seeds replay.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform value in `0..<bound`, by rejection so no value is favoured.
    mutating func next(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return value % bound }
        }
    }
}
