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

    /// The logic target's products: the SDK, plus the Kubernetes client for `--kubernetes`.
    var logicDependencies: String {
        let products = kubernetes ? ["PluginSDK", "PluginKubernetes"] : ["PluginSDK"]
        return products.map { ".product(name: \"\($0)\", package: \"\(packageIdentity)\")" }.joined(separator: ", ")
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
                \(dependencyLine),
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
        public struct \(typeName): TemplatePlugin {
            public static let key = "\(name)"

            /// What `plugin.\(name)` holds in the workflow.
            public struct Parameters: Decodable, Sendable {
                /// The greeting; "Hello" when absent.
                public var greeting: String?
            }

            public init() {}

            public func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
                let who = context.template?.inputs?.value(of: "name") ?? "world"
                let text = "\\(parameters.greeting ?? "Hello"), \\(who)!"
                // Argo may send the same call again (timeouts, requeues): side effects should use this key.
                let key = context.idempotencyKey(pluginKey: Self.key)
                context.logger.info("greeting", metadata: ["idempotency-key": "\\(key.prefix(16))"])
                return .succeeded(message: text, outputs: Outputs().parameter("greeting", text))
            }
        }

        """
    }

    var mainSwift: String {
        """
        import \(typeName)
        import PluginSDK

        // Wiring only: the logic lives in \(typeName).swift, where the tests call it.
        var configuration = PluginConfiguration()
        configuration.port = \(port)
        await PluginRuntime.run(\(typeName)(), configuration: configuration)

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

            @Test("follows Argo's plugin contract, in process and over a socket")
            func conformance() async throws {
                try await PluginConformance.check(\(typeName)(), sample: .fixture(plugin: "\(name)"))
            }
        }

        """
    }
}
