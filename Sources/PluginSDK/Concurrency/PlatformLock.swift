import CPlatformLock

/// A value guarded by a pthread mutex: the SDK's lock for state that several threads touch at once (the outbound
/// client's queue, the fakes' records, the log line writer).
///
/// It does what `Synchronization.Mutex` does, with one difference that matters to the sanitizer runs: on Linux a
/// contended `Mutex` is handed to its waiter inside the kernel, which ThreadSanitizer cannot see, so every access
/// under it is reported as a race once two threads contend. ThreadSanitizer intercepts a pthread mutex.
// @unchecked Sendable: `state` is read and written only inside `withLock`, between `CPL_lock_acquire` and
// `CPL_lock_release` on this instance's mutex, so no two threads touch it at once; it is Sendable itself, so
// what `withLock` hands out may cross threads.
package final class PlatformLock<State: Sendable>: @unchecked Sendable {
    private let lock: OpaquePointer
    private var state: State

    /// A lock guarding `state`.
    package init(_ state: State) {
        self.lock = CPL_lock_create()
        self.state = state
    }

    deinit { CPL_lock_destroy(lock) }

    /// Runs `body` with the state while holding the lock.
    package func withLock<Result, Failure: Error>(_ body: (inout State) throws(Failure) -> Result)
        throws(Failure) -> Result
    {
        CPL_lock_acquire(lock)
        defer { CPL_lock_release(lock) }
        return try body(&state)
    }
}
