// swift-tools-version:6.1
import PackageDescription

// The SDK a plugin author depends on. Its products need only swift-log, swift-service-lifecycle (with
// swift-async-algorithms and swift-collections) and swift-argument-parser: no SwiftNIO, TLS, crypto, YAML or HTTP
// client reaches an author's package. The examples (Examples/*) and the `argo-plugin` tool (Tools/) are packages of
// their own that depend on this one by path, so their dependencies stay theirs.
let package = Package(
    name: "swift-argo-plugin",
    platforms: [.macOS(.v15)],
    products: [
        // Everything a plugin needs: the Plugin protocols, the runtime, the server and Argo's models.
        .library(name: "PluginSDK", targets: ["PluginSDK"]),
        // The test kit: one client (in process or over a socket), fixtures, Argo's contract as a test suite.
        .library(name: "PluginSDKTesting", targets: ["PluginSDKTesting"]),
        // Argo's contract models and JSONValue alone, without the server: for tools that speak to plugins.
        .library(name: "ArgoModels", targets: ["ArgoModels"]),
        // Opt-in: calling other services (JSON, auth, TLS with an extra CA, deadlines) over libcurl. Only a plugin
        // that names this product builds it and links libcurl; PluginSDK's own dependencies are unchanged.
        .library(name: "PluginHTTP", targets: ["PluginHTTP"]),
        // Opt-in: the Kubernetes API from inside the agent pod (in-cluster config, the Workflow, any resource).
        .library(name: "PluginKubernetes", targets: ["PluginKubernetes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // Non-variadic C wrappers over Debian's libmicrohttpd (libmicrohttpd-dev).
        .target(
            name: "CMicroHTTPD",
            linkerSettings: [.linkedLibrary("microhttpd")]
        ),
        // A pthread mutex behind an opaque handle (PlatformLock): ThreadSanitizer sees it, unlike a contended Mutex.
        .target(name: "CPlatformLock"),
        // Non-variadic wrappers over Debian's libcurl (libcurl4-openssl-dev; libcurl4 at run time).
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        // The outbound HTTP client: PluginSDK plus libcurl, nothing else.
        .target(
            name: "PluginHTTP",
            dependencies: ["CCurl", "PluginSDK", "PluginJSON", .product(name: "Logging", package: "swift-log")]
        ),
        // The Kubernetes client, on PluginHTTP.
        .target(name: "PluginKubernetes", dependencies: ["PluginHTTP", "PluginSDK"]),
        // JSONValue and the fast UTF-8 JSON coder used on the request path. No dependencies.
        .target(name: "PluginJSON"),
        // Codable models of Argo's executor and controller plugin contracts. Pure Swift, no C.
        .target(name: "ArgoModels", dependencies: ["PluginJSON"]),
        // The SDK: Plugin protocol, responder, libmicrohttpd transport, runtime.
        .target(
            name: "PluginSDK",
            dependencies: [
                "CMicroHTTPD",
                "CPlatformLock",
                "PluginJSON",
                "ArgoModels",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Blocking TCP client calls with timeouts in C, so the test kit's wire client has no pointer code.
        .target(name: "CWireSocket"),
        // Test kit for plugin authors: one client (in-process or live), the raw wire client, fixtures, the
        // conformance suite.
        .target(name: "PluginSDKTesting", dependencies: ["PluginSDK", "CWireSocket"]),

        // Development only: none of these is a product, so no author's package builds them.
        // A plugin whose behaviour each request picks, for process-level tests (signals, drain).
        .executableTarget(
            name: "FixturePlugin",
            dependencies: [
                "PluginSDK", .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/Fixtures/FixturePlugin"),
        // A plugin in its author's own ServiceGroup beside another service, for the process test of that form.
        .executableTarget(
            name: "FixtureServiceGroup",
            dependencies: [
                "PluginSDK", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/Fixtures/FixtureServiceGroup"),
        // The libFuzzer harness over the whole request path (`make fuzz`); built normally it replays Fuzz/corpus.
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .executableTarget(
            name: "PluginFuzz", dependencies: ["PluginSDK", "PluginSDKTesting", "PluginJSON", "CFuzzDriver",
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

        // Per-call cost of PluginHTTP's client against URLSession, on one fake service: `swift run -c release
        // ClientCallCost`. The README's "Calling other services" numbers come from it.
        .executableTarget(
            name: "ClientCallCost",
            dependencies: ["PluginHTTP", "PluginSDKTesting"],
            path: "Benchmarks/ClientCallCost"
        ),

        .testTarget(name: "PluginJSONTests", dependencies: ["PluginJSON", "ArgoModels"]),
        .testTarget(
            name: "ArgoModelsTests",
            dependencies: ["ArgoModels", "PluginJSON"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "PluginSDKTests", dependencies: ["PluginSDK", "PluginSDKTesting"]),
        .testTarget(name: "PluginSDKTestingTests", dependencies: ["PluginSDKTesting", "PluginSDK"]),
        .testTarget(name: "PluginHTTPTests", dependencies: ["PluginHTTP", "PluginSDKTesting"], resources: [.copy("Resources")]),
        .testTarget(
            name: "PluginKubernetesTests", dependencies: ["PluginKubernetes", "PluginSDKTesting"],
            resources: [.copy("Resources")]),
    ]
)

// `make docs` builds the DocC catalogs with swift-docc-plugin. It is a build-time plugin only, declared when
// ARGO_PLUGIN_DOCS=1 so that authors' packages never resolve it.
if Context.environment["ARGO_PLUGIN_DOCS"] == "1" {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
