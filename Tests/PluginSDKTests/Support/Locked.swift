import Foundation

/// A value behind a lock that ThreadSanitizer understands, for test helpers that many threads touch at once.
///
/// `Synchronization.Mutex` on Linux hands a contended lock to the waiter inside the kernel (a priority-inheritance
/// futex), so ThreadSanitizer sees no release/acquire pair and reports the protected accesses as a race (seen in
/// `make test-tsan` on `ConcurrencyProbe` with 16 handlers entering at once). `NSLock` is a pthread mutex, whose
/// lock and unlock ThreadSanitizer intercepts.
// @unchecked Sendable: `value` is only read or written inside `withLock`, between `lock()` and `unlock()`.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
