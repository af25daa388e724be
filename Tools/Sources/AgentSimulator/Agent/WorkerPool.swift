/// The agent's task workers (`ARGO_AGENT_TASK_WORKERS`, 16 by default): at most this many plugin rounds run at
/// once; the others wait in arrival order, as tasks wait on the agent's unbuffered task queue.
///
/// A worker is held for one round (the plugins asked in order, with the RPC client's retries), and given back
/// before a requeue wait, as Argo's worker returns to the queue and re-enqueues the task with `time.AfterFunc`.
actor WorkerPool {
    /// The number of workers.
    let size: Int
    /// The most rounds that ran at once.
    private(set) var peak = 0
    private var busy = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(size: Int) {
        self.size = max(1, size)
    }

    /// Waits for a free worker and takes it.
    func acquire() async {
        if busy < size {
            busy += 1
            peak = max(peak, busy)
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives the worker back, to the longest waiting round if any.
    func release() {
        if waiting.isEmpty {
            busy -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
