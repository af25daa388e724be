// swift-tools-version:6.1
import PackageDescription

// The core SDK (`PluginSDK`) depends only on swift-log, swift-service-lifecycle and swift-argument-parser,
// none of which pulls in SwiftNIO, so plugin images stay small and builds stay fast.
let package = Package(
    name: "swift-argo-plugin",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PluginSDK", targets: ["PluginSDK"]),
        .library(name: "PluginSDKTesting", targets: ["PluginSDKTesting"]),
        .executable(name: "HelloPlugin", targets: ["HelloPlugin"]),
        .executable(name: "HelloControllerPlugin", targets: ["HelloControllerPlugin"]),
        .executable(name: "argo-plugin", targets: ["ArgoPluginCLI"]),
        .executable(name: "SlackPlugin", targets: ["SlackPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // `make docs`: `swift package generate-documentation` for the DocC catalogs. Build-time plugin only.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // SlackPlugin's HTTP client only; the SDK core stays free of SwiftNIO.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // Non-variadic C wrappers over Debian's libmicrohttpd (libmicrohttpd-dev).
        .target(
            name: "CMicroHTTPD",
            linkerSettings: [.linkedLibrary("microhttpd")]
        ),
        // JSONValue and the fast UTF-8 JSON coder used on the request path. No dependencies.
        .target(name: "PluginJSON"),
        // Codable models of Argo's executor and controller plugin contracts. Pure Swift, no C.
        .target(name: "ArgoModels", dependencies: ["PluginJSON"]),
        // The SDK: Plugin protocol, responder, libmicrohttpd transport, runtime.
        .target(
            name: "PluginSDK",
            dependencies: [
                "CMicroHTTPD",
                "PluginJSON",
                "ArgoModels",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test kit for plugin authors: one client (in-process or live), fixtures, the conformance suite.
        .target(name: "PluginSDKTesting", dependencies: ["PluginSDK"]),
        .executableTarget(
            name: "HelloPlugin",
            dependencies: ["PluginSDK"],
            path: "Examples/HelloPlugin",
            exclude: ["README.md", "Dockerfile", "plugin.yaml", "hello-executor-plugin-configmap.yaml", "hello-workflow.yaml"]
        ),
        .executableTarget(
            name: "SlackPlugin",
            dependencies: ["PluginSDK", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Examples/SlackPlugin",
            exclude: ["README.md", "Dockerfile", "plugin.yaml", "slack-executor-plugin-configmap.yaml", "slack-workflow.yaml"]
        ),
        .executableTarget(
            name: "HelloControllerPlugin",
            dependencies: ["PluginSDK"],
            path: "Examples/HelloControllerPlugin",
            exclude: ["README.md", "deploy"]
        ),
        // A plugin whose behaviour each request picks, for process-level tests (signals, drain).
        .executableTarget(name: "FixturePlugin", dependencies: ["PluginSDK"], path: "Tests/Fixtures/FixturePlugin"),
        // The libFuzzer harness over the whole request path (`make fuzz`); built normally it replays Fuzz/corpus.
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .executableTarget(
            name: "PluginFuzz", dependencies: ["PluginSDK", "PluginJSON", "CFuzzDriver",
                                               .product(name: "Logging", package: "swift-log")],
            path: "Fuzz/PluginFuzz"),
        // Decode/encode microbenchmark of the bench bodies, PluginJSON vs Foundation: `swift run -c release CodecBenchmark`.
        .executableTarget(
            name: "CodecBenchmark",
            dependencies: ["PluginJSON", "ArgoModels"],
            path: "Benchmarks/CodecBenchmark",
            exclude: ["bodies", "README.md"]
        ),
        // The plugin server from a synchronous main, for callgrind: `make instructions` (instructions per call).
        .executableTarget(
            name: "CallInstructions",
            dependencies: ["PluginSDK", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/CallInstructions",
            exclude: ["README.md", "baseline.tsv"]
        ),
        .testTarget(name: "PluginJSONTests", dependencies: ["PluginJSON", "ArgoModels"]),
        // `argo-plugin build`: plugin.yaml -> ConfigMap, as Argo's `argo executor-plugin build`. No PluginSDK, no C.
        .target(name: "PluginManifest", dependencies: [.product(name: "Yams", package: "Yams")]),
        // `argo-plugin simulate`: Argo's agent, call for call, against local plugin servers. Not linked into plugins.
        .target(
            name: "AgentSimulator",
            dependencies: [
                "ArgoModels",
                "PluginJSON",
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .executableTarget(
            name: "ArgoPluginCLI",
            dependencies: [
                "AgentSimulator",
                "PluginManifest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SlackPluginTests", dependencies: ["SlackPlugin", "PluginSDK", "PluginSDKTesting"]),
        .testTarget(
            name: "PluginManifestTests",
            dependencies: ["PluginManifest", "ArgoPluginCLI"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ArgoModelsTests",
            dependencies: ["ArgoModels", "PluginJSON"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "PluginSDKTests", dependencies: ["PluginSDK"]),
        .testTarget(name: "AgentSimulatorTests", dependencies: ["AgentSimulator", "PluginSDK", "HelloPlugin"]),
        // Runs the built `argo-plugin` binary: simulate's exit codes, and init's package built and tested for real.
        .testTarget(name: "ArgoPluginCLITests", dependencies: ["ArgoPluginCLI", "PluginSDK", "HelloPlugin"]),
        .testTarget(name: "PluginSDKTestingTests", dependencies: ["PluginSDKTesting", "PluginSDK"]),
        .testTarget(name: "HelloPluginTests", dependencies: ["HelloPlugin", "PluginSDK", "PluginSDKTesting"]),
        .testTarget(
            name: "HelloControllerPluginTests", dependencies: ["HelloControllerPlugin", "PluginSDK", "PluginSDKTesting"]),
    ]
)

// Sanitizer runs cover the SDK and what plugins link. `ARGO_PLUGIN_SDK_ONLY=1` leaves out the author tools and
// SlackPlugin, and with them SwiftNIO, BoringSSL and Yams, which would otherwise take most of each sanitizer
// build (`make test-asan`, `make test-tsan`).
if Context.environment["ARGO_PLUGIN_SDK_ONLY"] == "1" {
    let tools: Set<String> = [
        "SlackPlugin", "SlackPluginTests", "PluginManifest", "PluginManifestTests", "AgentSimulator",
        "AgentSimulatorTests", "ArgoPluginCLI", "ArgoPluginCLITests",
    ]
    package.targets.removeAll { tools.contains($0.name) }
    package.products.removeAll { $0.name == "argo-plugin" || $0.name == "SlackPlugin" }
}
