import Synchronization

/// Remembers the bound port so `start()` binds once, whoever calls it first.
final class ServerStartState: Sendable {
    private let port = Mutex<Int?>(nil)

    /// Runs `start` the first time; later calls return the port it produced.
    func startOnce(_ start: () throws -> Int) throws -> Int {
        try port.withLock { port in
            if let port { return port }
            let bound = try start()
            port = bound
            return bound
        }
    }
}
