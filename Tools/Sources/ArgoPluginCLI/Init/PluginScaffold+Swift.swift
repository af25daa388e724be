extension PluginScaffold {
    /// The SDK dependency. A local checkout is named explicitly, since SwiftPM would otherwise name a path
    /// dependency after its folder, and the targets below refer to it as `swift-argo-plugin` either way.
    var dependencyLine: String {
        switch sdk {
        case .path(let path): return ".package(name: \"swift-argo-plugin\", path: \"\(path)\")"
        case .url(let url, let version): return ".package(url: \"\(url)\", from: \"\(version)\")"
        }
    }

    /// What the targets call the SDK package: the repository's name, also for a local checkout.
    var packageIdentity: String { "swift-argo-plugin" }

    /// The logic target's products: the SDK, plus the Kubernetes client for `--kubernetes`, or swift-argument-parser
    /// for the plugin's own options otherwise.
    var logicDependencies: String {
        let sdk = (kubernetes ? ["PluginSDK", "PluginKubernetes"] : ["PluginSDK"])
            .map { ".product(name: \"\($0)\", package: \"\(packageIdentity)\")" }
        let options = kubernetes ? [] : [".product(name: \"ArgumentParser\", package: \"swift-argument-parser\")"]
        return (sdk + options).map { "\n                        \($0)," }.joined() + "\n                    "
    }

    /// The package's dependencies: the SDK, and swift-argument-parser when the plugin declares options.
    var packageDependencies: String {
        guard !kubernetes else { return "\(dependencyLine)," }
        return """
            \(dependencyLine),
                    // The plugin's own flags (\(typeName)Options), declared as the SDK declares its own.
                    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
            """
    }

    var packageSwift: String {
        """
        // swift-tools-version:6.1
        import PackageDescription

        let package = Package(
            name: "\(name)-plugin",
            platforms: [.macOS(.v15)],
            products: [
                .executable(name: "\(typeName)Plugin", targets: ["\(typeName)Plugin"]),
            ],
            dependencies: [
                \(packageDependencies)
            ],
            targets: [
                // The plugin's logic, as a library so tests call it directly.
                .target(
                    name: "\(typeName)",
                    dependencies: [\(logicDependencies)]
                ),
                // Wiring only: flags, token, server, signals.
                .executableTarget(name: "\(typeName)Plugin", dependencies: ["\(typeName)"]),
                .testTarget(
                    name: "\(typeName)Tests",
                    dependencies: ["\(typeName)", .product(name: "PluginSDKTesting", package: "\(packageIdentity)")]
                ),
            ]
        )

        """
    }

    var pluginSwift: String {
        """
        import PluginSDK

        /// The `\(name)` executor plugin: runs templates written `plugin: {\(name): {greeting: "..."}}`.
        ///
        /// It answers `Succeeded` with the greeting addressed to the input parameter `name` (default `world`) and
        /// the output parameter `greeting`. Templates of other plugins get `{}` without reaching this code.
        ///
        /// The protocols this type adopts are the methods it serves: add a controller hook by adopting its protocol
        /// too (e.g. `NodePreExecuteHook`); a handler with a wrong signature is then a compile error.
        public struct \(typeName): TemplatePlugin {
            public static let key = "\(name)"

            /// What `plugin.\(name)` holds in the workflow.
            public struct Parameters: Decodable, Sendable {
                /// The greeting; the plugin's default greeting when absent.
                public var greeting: String?
            }

            /// The greeting of templates that name none.
            public let defaultGreeting: String

            /// A plugin whose templates greet with `defaultGreeting` unless they name a greeting.
            public init(defaultGreeting: String = "Hello") {
                self.defaultGreeting = defaultGreeting
            }

            /// The plugin its options describe (`--default-greeting`).
            public init(options: \(typeName)Options) {
                self.init(defaultGreeting: options.defaultGreeting)
            }

            public func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
                let who = context.template?.inputs?.value(of: "name") ?? "world"
                let text = "\\(parameters.greeting ?? defaultGreeting), \\(who)!"
                // Argo may send the same call again (timeouts, requeues): side effects should use this key.
                let key = context.idempotencyKey(pluginKey: Self.key)
                context.logger.info("greeting", metadata: ["idempotency-key": "\\(key.prefix(16))"])
                return .succeeded(message: text, outputs: Outputs().parameter("greeting", text))
            }
        }

        """
    }

    /// The environment variable of the scaffold's one option: `GREETER_DEFAULT_GREETING` for `greeter`.
    var defaultGreetingVariable: String {
        String(name.uppercased().map { $0 == "-" ? "_" : $0 }) + "_DEFAULT_GREETING"
    }

    var optionsSwift: String {
        """
        import ArgumentParser
        import PluginSDK

        /// The plugin's own options, parsed with the SDK's (`--port`, `--log-level`, ...) and listed in `--help`.
        /// Each flag falls back on an environment variable, which is how a sidecar's `env` (or a Secret) reaches it.
        public struct \(typeName)Options: PluginOptions {
            /// The greeting of templates that name none.
            @Option(help: "The greeting of templates that name none.")
            public var defaultGreeting = "Hello"

            /// The variable each flag falls back on when it is not given.
            public static let environment: [EnvironmentFallback] = [
                .option("--default-greeting", variable: "\(defaultGreetingVariable)"),
            ]

            /// Required by swift-argument-parser; the runtime, or `parse(_:environment:)`, makes the values.
            public init() {}
        }

        """
    }

    var mainSwift: String {
        """
        import \(typeName)
        import PluginSDK

        // Wiring only: the logic lives in \(typeName).swift, where the tests call it. The runtime parses the
        // plugin's options (\(typeName)Options) with its own, then makes the plugin from them.
        var configuration = PluginConfiguration()
        configuration.port = \(port)
        await PluginRuntime.run(options: \(typeName)Options.self, configuration: configuration) { options in
            \(typeName)(options: options)
        }

        """
    }

    var testsSwift: String {
        """
        import PluginSDKTesting
        import Testing
        import \(typeName)

        @Suite("\(typeName)")
        struct \(typeName)Tests {
            @Test("greets the input parameter name with the configured greeting")
            func greets() async throws {
                try await PluginTestClient.with(\(typeName)(), transport: .inProcess) { client async throws in
                    let reply = try await client.execute(
                        .fixture(plugin: "\(name)", config: ["greeting": "Hi"], inputs: ["name": "Ada"]))
                    #expect(reply.node?.phase == .succeeded)
                    #expect(reply.node?.message == "Hi, Ada!")
                    #expect(reply.node?.outputs?.parameters?.first?.value?.string == "Hi, Ada!")
                }
            }

            @Test("the default greeting comes from --default-greeting or \(defaultGreetingVariable)")
            func defaultGreeting() async throws {
                let options = try \(typeName)Options.parse([], environment: ["\(defaultGreetingVariable)": "Howdy"])
                try await PluginTestClient.with(\(typeName)(options: options), transport: .inProcess) { client async throws in
                    let reply = try await client.execute(.fixture(plugin: "\(name)", inputs: ["name": "Ada"]))
                    #expect(reply.node?.message == "Howdy, Ada!")
                }
            }

            @Test("follows Argo's plugin contract, in process and over a socket")
            func conformance() async throws {
                try await PluginConformance.check(\(typeName)(), sample: .fixture(plugin: "\(name)"))
            }
        }

        """
    }
}
