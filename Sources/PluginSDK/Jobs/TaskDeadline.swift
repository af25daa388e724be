import Synchronization

/// Waiting for unstructured tasks with a time limit that holds even when they ignore cancellation.
///
/// A task group cannot give that: it waits for every child when it ends, and a child awaiting another task's value
/// waits for as long as that task runs. Here a waiter and a timer race to resume one continuation, and the loser
/// resumes nothing.
enum TaskDeadline {
    /// Whether every task in `tasks` finished before `deadline`.
    static func waitForAll(_ tasks: [Task<Void, Never>], until deadline: ContinuousClock.Instant) async -> Bool {
        guard !tasks.isEmpty else { return true }
        let race = Race()
        var timer: Task<Void, Never>?
        let finished = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            Task {
                for task in tasks { await task.value }
                if race.win() { continuation.resume(returning: true) }
            }
            timer = Task {
                try? await Task.sleep(until: deadline, clock: .continuous)
                if race.win() { continuation.resume(returning: false) }
            }
        }
        timer?.cancel()
        return finished
    }

    /// The first caller of ``win()`` wins; every later one loses. An atomic, which ThreadSanitizer understands.
    private final class Race: Sendable {
        private let done = Atomic(false)

        func win() -> Bool {
            done.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        }
    }
}
