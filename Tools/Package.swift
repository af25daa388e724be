// swift-tools-version:6.1
import PackageDescription

// `argo-plugin`, the plugin author's command-line tool: `init` (a new plugin package), `build` (plugin.yaml to
// Argo's ConfigMap), `simulate` (a workflow through Argo's agent, call for call), `conform` (any plugin server
// checked against Argo's wire contract), `fake` (the test kit's fake services as a process). A package of its own so
// that its dependencies (Yams) never reach the package of a plugin that depends on the SDK.
let package = Package(
    name: "swift-argo-plugin-tools",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "argo-plugin", targets: ["ArgoPluginCLI"]),
    ],
    dependencies: [
        .package(name: "swift-argo-plugin", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // `argo-plugin build`: plugin.yaml -> ConfigMap, as Argo's `argo executor-plugin build`.
        .target(name: "PluginManifest", dependencies: [.product(name: "Yams", package: "Yams")]),
        // `argo-plugin simulate`: Argo's agent, call for call, against local plugin servers.
        .target(
            name: "AgentSimulator",
            dependencies: [
                .product(name: "ArgoModels", package: "swift-argo-plugin"),
                .product(name: "Yams", package: "Yams"),
                // The agent's HTTP calls go through the SDK's own outbound client (libcurl).
                .product(name: "PluginHTTP", package: "swift-argo-plugin"),
            ]
        ),
        // `argo-plugin conform`: a plugin server in any language checked against Argo's wire contract, black box.
        // The SDK's test kit gives it the wire client (WireConnection), Argo's models and the hook fixtures.
        .target(
            name: "PluginConform",
            dependencies: [.product(name: "PluginSDKTesting", package: "swift-argo-plugin")],
            // Swift 6.3.1's optimizer crashes on this module in release builds (CopyPropagation: "Found ownership
            // error", a borrow of `Exchange` used past its end in the async check functions); without that one pass
            // it builds. A root-only package, so the flag never reaches a plugin author's build.
            swiftSettings: [
                .unsafeFlags(["-Xllvm", "-sil-disable-pass=copy-propagation"], .when(configuration: .release))
            ]
        ),
        .executableTarget(
            name: "ArgoPluginCLI",
            dependencies: [
                "AgentSimulator",
                "PluginConform",
                "PluginManifest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                // `argo-plugin fake`: the test kit's fake services as a process.
                .product(name: "PluginSDKTesting", package: "swift-argo-plugin"),
            ]
        ),
        // What the tools' tests share: a hello plugin served in process, the repository's paths.
        .target(
            name: "ToolTestSupport",
            dependencies: [.product(name: "PluginSDK", package: "swift-argo-plugin")],
            path: "Tests/ToolTestSupport"
        ),
        .testTarget(
            name: "PluginManifestTests",
            dependencies: ["PluginManifest", "ArgoPluginCLI", "ToolTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AgentSimulatorTests",
            dependencies: ["AgentSimulator", "ToolTestSupport", .product(name: "PluginSDK", package: "swift-argo-plugin")]
        ),
        // conform against in-process SDK plugins, Argo's Python example and servers that each break one rule.
        .testTarget(
            name: "PluginConformTests",
            dependencies: [
                "PluginConform", "ToolTestSupport",
                .product(name: "PluginSDKTesting", package: "swift-argo-plugin"),
            ]
        ),
        // Runs the built `argo-plugin` binary: simulate's exit codes, and init's package built and tested for real.
        .testTarget(
            name: "ArgoPluginCLITests",
            dependencies: [
                "ArgoPluginCLI", "ToolTestSupport", .product(name: "PluginSDK", package: "swift-argo-plugin"),
                .product(name: "PluginSDKTesting", package: "swift-argo-plugin"),
            ]
        ),
    ]
)
