import Testing
@testable import PluginSDK

@Suite("Flags and environment")
struct ServerOptionsTests {
    func configuration(_ arguments: [String], _ environment: [String: String] = [:]) throws -> PluginConfiguration {
        try ServerOptions.parse(arguments).apply(to: PluginConfiguration(), environment: environment)
    }

    @Test("defaults match Argo's sidecar contract")
    func defaults() throws {
        let config = try configuration([])
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 4355)
        #expect(config.tokenFile == "/var/run/argo/token")
        #expect(config.development == false)
        #expect(config.maxBodyBytes == 16 * 1024 * 1024)
        #expect(config.callTimeout < .seconds(30))
    }

    @Test("environment variables override defaults")
    func environment() throws {
        let config = try configuration(
            [],
            [
                "ARGO_PLUGIN_PORT": "7000", "ARGO_PLUGIN_HOST": "0.0.0.0", "ARGO_TOKEN_FILE": "/t",
                "ARGO_PLUGIN_DEV": "1", "ARGO_PLUGIN_THREADS": "3", "ARGO_PLUGIN_MAX_BODY_BYTES": "1000",
                "ARGO_PLUGIN_CONNECTION_TIMEOUT": "5", "ARGO_PLUGIN_CALL_TIMEOUT": "1.5",
                "ARGO_PLUGIN_SHUTDOWN_GRACE": "2", "LOG_LEVEL": "DEBUG",
            ])
        #expect(config.port == 7000)
        #expect(config.host == "0.0.0.0")
        #expect(config.tokenFile == "/t")
        #expect(config.development)
        #expect(config.threads == 3)
        #expect(config.maxBodyBytes == 1000)
        #expect(config.connectionTimeoutSeconds == 5)
        #expect(config.callTimeout == .milliseconds(1500))
        #expect(config.shutdownGracePeriod == .seconds(2))
        #expect(config.logLevel == .debug)
    }

    @Test("flags win over environment variables")
    func flagsWin() throws {
        let config = try configuration(
            ["--port", "9000", "--host", "::1", "--token-file", "/flag", "--dev", "--log-level", "error"],
            ["ARGO_PLUGIN_PORT": "7000", "ARGO_PLUGIN_HOST": "0.0.0.0", "ARGO_TOKEN_FILE": "/env", "LOG_LEVEL": "debug"])
        #expect(config.port == 9000)
        #expect(config.host == "::1")
        #expect(config.tokenFile == "/flag")
        #expect(config.development)
        #expect(config.logLevel == .error)
    }

    @Test(
        "bad values are refused with a message naming them",
        arguments: [
            (["--port", "70000"], [:], "port"),
            ([], ["ARGO_PLUGIN_PORT": "http"], "ARGO_PLUGIN_PORT"),
            ([], ["ARGO_PLUGIN_DEV": "maybe"], "ARGO_PLUGIN_DEV"),
            (["--log-level", "loud"], [:], "loud"),
            (["--max-body-bytes", "0"], [:], "max-body-bytes"),
            (["--call-timeout", "-1"], [:], "call-timeout"),
        ] as [([String], [String: String], String)])
    func badValues(arguments: [String], environment: [String: String], mention: String) {
        do {
            _ = try configuration(arguments, environment)
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains(mention))
        }
    }
}
