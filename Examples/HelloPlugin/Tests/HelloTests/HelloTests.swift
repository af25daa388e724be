import Hello
import PluginSDKTesting
import Testing

@Suite("HelloPlugin")
struct HelloTests {
    @Test("replies Succeeded with 'Hello template!' and output foo=bar for plugin: {hello: {}}")
    func hello() async throws {
        try await PluginTestClient.with(Hello(), transport: .inProcess) { client in
            let reply = try await client.execute(.fixture(plugin: "hello"))
            #expect(reply.node?.phase == .succeeded)
            #expect(reply.node?.message == "Hello template!")
            #expect(reply.node?.outputs?.parameters?.first?.name == "foo")
            #expect(reply.node?.outputs?.parameters?.first?.value?.description == "bar")
            #expect(reply.requeue == nil)
        }
    }

    @Test("replies {} for templates of other plugins")
    func notMine() async throws {
        try await PluginTestClient.with(Hello(), transport: .inProcess) { client in
            let reply = try await client.execute(.fixture(plugin: "slack", config: ["text": "x"]))
            #expect(reply == .notMine)
        }
    }
}
