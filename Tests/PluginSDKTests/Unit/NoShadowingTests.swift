import Foundation
import PluginSDK
import Testing

// This file is what an author's file looks like: Foundation and PluginSDK imported side by side. It compiles only
// while no type of the SDK takes a name of the standard library or Foundation (the models' Go duration was once
// called `Duration` and a node's "N/M" text `Progress`, which made both names below mean the SDK's types).
@Suite("Standard names in a file that imports PluginSDK")
struct NoShadowingTests {
    @Test("Duration is Swift's: it builds from .milliseconds and Task.sleep takes it")
    func durationIsSwifts() async throws {
        let d: Duration = .milliseconds(1)
        let start = ContinuousClock.now
        try await Task.sleep(for: d)
        #expect(ContinuousClock.now - start >= d)
        #expect(type(of: d) == Swift.Duration.self)
    }

    @Test("Progress is Foundation's")
    func progressIsFoundations() {
        let progress = Progress(totalUnitCount: 4)
        progress.completedUnitCount = 1
        #expect(progress.fractionCompleted == 0.25)
        #expect(type(of: progress) == Foundation.Progress.self)
    }

    @Test("the models' own names convert to and from Swift's")
    func modelNames() {
        let requeue: GoDuration = .seconds(90)
        #expect(requeue.swiftDuration == Duration.seconds(90))
        #expect(GoDuration(Duration.milliseconds(1500)).description == "1.5s")
        #expect(NodeProgress(completed: 1, total: 4).rawValue == "1/4")
    }
}
