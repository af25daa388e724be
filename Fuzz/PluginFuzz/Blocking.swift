import Dispatch

/// Runs async work to completion from libFuzzer's synchronous callback.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// Carries a result from the task to the waiting thread.
// @unchecked Sendable: written once by the task before `signal()`, read only after `wait()` returns; the
// semaphore orders the two accesses.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
