import Foundation
import Logging
import Testing
@testable import PluginSDK

/// Jobs across a restart of the sidecar, with a state directory; and what a restart without one does.
@Suite("Job state across restarts")
struct JobRestartTests {
    @Test("a restarted plugin with the same state directory polls the running job instead of starting it again")
    func restartMidJob() async throws {
        let service = FakeJobService()
        let directory = try temporaryDirectory()
        let before = try JobClient(CountingJobs(service: service)) { $0.stateDirectory = directory }
        #expect(try await before.execute(#"{"polls":2}"#).reply["node"]?["phase"] == "Running")
        // The process dies (no shutdown): a new one reads the state file.
        let after = try JobClient(CountingJobs(service: service)) { $0.stateDirectory = directory }
        #expect(try await after.execute(#"{"polls":2}"#).reply["node"]?["phase"] == "Running")
        #expect(try await after.execute(#"{"polls":2}"#).reply["node"]?["message"] == "job-1 done")
        #expect(service.starts == 1)
    }

    @Test("without a state directory a restarted plugin starts the job again (the documented limit)")
    func restartInMemory() async throws {
        let service = FakeJobService()
        _ = try await JobClient(CountingJobs(service: service)).execute(#"{"polls":2}"#)
        _ = try await JobClient(CountingJobs(service: service)).execute(#"{"polls":2}"#)
        #expect(service.starts == 2)
    }

    @Test("a crash while starting is never followed by a second start: the node fails, naming what happened")
    func crashDuringStart() async throws {
        let service = FakeJobService()
        let directory = try temporaryDirectory()
        let before = try JobClient(CountingJobs(service: service)) {
            $0.stateDirectory = directory
            $0.callTimeout = .milliseconds(200)
        }
        // `start` does not return: the call answers 503 at its deadline, the intent stays recorded.
        service.state.withLock { $0.hangingStarts = 1 }
        #expect(try await before.execute(#"{"polls":1}"#).status == 503)
        let file = try String(contentsOfFile: directory + "/job.jobs.json", encoding: .utf8)
        #expect(file.contains(#""state":"starting""#))
        // The process dies there. The next one finds the intent without a handle.
        let after = try JobClient(CountingJobs(service: service)) { $0.stateDirectory = directory }
        let reply = try await after.execute(#"{"polls":1}"#)
        #expect(reply.reply == ["node": ["phase": "Failed", "message": .string(JobMessages.interrupted)]])
        #expect(service.starts == 0)
        // That failure is answered once: a retry of the node (same key, after the duplicate window) starts a new job.
        try await Task.sleep(for: JobStore.duplicateWindow + .milliseconds(100))
        #expect(try await after.execute(#"{"polls":1}"#).reply["node"]?["message"] == "job-1 running")
        #expect(service.starts == 1)
    }

    @Test("the state file holds each job's state and handle, written atomically")
    func stateFile() async throws {
        let directory = try temporaryDirectory()
        let client = try JobClient(CountingJobs(service: FakeJobService())) { $0.stateDirectory = directory }
        _ = try await client.execute(#"{"polls":3}"#)
        let text = try String(contentsOfFile: directory + "/job.jobs.json", encoding: .utf8)
        let contents = try JSONMeaning.parse(text)
        #expect(contents["version"] == 1)
        #expect(contents["plugin"] == "job")
        let jobs = contents["jobs"]?.objectValue ?? [:]
        #expect(jobs.count == 1)
        let record = try #require(jobs.values.first)
        #expect(record["state"] == "running")
        #expect(record["handle"] == ["id": "job-1", "outcome": "succeed"])
        #expect(record["workflow"] == "argo/wf")
        #expect(record["template"] == "build")
        #expect(!FileManager.default.fileExists(atPath: directory + "/job.jobs.json.tmp"))
    }

    @Test("a state directory that cannot be used stops the server at start-up, naming it")
    func unusableDirectory() throws {
        let directory = try temporaryDirectory()
        let file = directory + "/not-a-directory"
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        var configuration = PluginConfiguration()
        configuration.stateDirectory = file + "/state"
        configuration.tokenFile = try TestToken.write("t")
        let error = #expect(throws: ConfigurationError.self) {
            _ = try PluginServer(plugin: CountingJobs(service: FakeJobService()), configuration: configuration)
        }
        #expect(error?.description.contains("the state directory cannot be used: mkdir \(file)/state") == true)
    }

    @Test("a state file that does not read as jobs stops the server at start-up instead of starting jobs again")
    func corruptFile() throws {
        let directory = try temporaryDirectory()
        try "{\"version\":1,\"jobs\":".write(toFile: directory + "/job.jobs.json", atomically: true, encoding: .utf8)
        var configuration = PluginConfiguration()
        configuration.stateDirectory = directory
        configuration.tokenFile = try TestToken.write("t")
        let error = #expect(throws: ConfigurationError.self) {
            _ = try PluginServer(plugin: CountingJobs(service: FakeJobService()), configuration: configuration)
        }
        #expect(error?.description.contains("the job state file \(directory)/job.jobs.json cannot be read as jobs") == true)
    }
}
