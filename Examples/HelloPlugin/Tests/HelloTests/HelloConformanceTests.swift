import PluginSDKTesting
import Testing
import Hello

@Suite("HelloPlugin with PluginSDKTesting")
struct HelloConformanceTests {
    @Test("follows Argo's plugin contract, in process and over a socket")
    func conformance() async throws {
        let report = try await PluginConformance.check(Hello(), sample: .fixture(plugin: "hello"))
        #expect(report.notes.isEmpty)
    }

    @Test("answers Argo's documented hello call over a live socket", arguments: PluginTestClient.Transport.allCases)
    func hello(transport: PluginTestClient.Transport) async throws {
        try await PluginTestClient.with(Hello(), transport: transport) { client in
            let reply = try await client.execute(.fixture(plugin: "hello", inputs: ["ignored": "yes"]))
            #expect(reply == .succeeded(message: "Hello template!", outputs: Outputs().parameter("foo", "bar")))
            let wire = try await client.call(
                .templateExecute,
                json: #"{"workflow":{"metadata":{"name":"my-wf"}},"template":{"name":"my-tmpl","inputs":{},"outputs":{},"plugin":{"hello":{}}}}"#)
            #expect(
                wire.text
                    == #"{"node":{"message":"Hello template!","outputs":{"parameters":[{"name":"foo","value":"bar"}]},"phase":"Succeeded"}}"#)
        }
    }
}
