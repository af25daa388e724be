// swift-tools-version:6.1
import PackageDescription

// Argo's Slack executor plugin in Swift: posts a message to a Slack incoming webhook. It depends on the SDK in this
// repository by path; a plugin of your own depends on it by URL and version:
//   .package(url: "https://github.com/swift-argo-plugin/swift-argo-plugin.git", from: "0.2.0")
let package = Package(
    name: "slack-plugin",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "SlackPlugin", targets: ["SlackPlugin"]),
    ],
    dependencies: [
        .package(name: "swift-argo-plugin", path: "../.."),
        // The plugin's own flags (SlackOptions) are declared with swift-argument-parser, as the SDK's are.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // The plugin's logic, as a library so tests call it directly.
        .target(
            name: "Slack",
            dependencies: [
                .product(name: "PluginSDK", package: "swift-argo-plugin"),
                .product(name: "PluginHTTP", package: "swift-argo-plugin"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Wiring only: flags, token, server, signals.
        .executableTarget(name: "SlackPlugin", dependencies: ["Slack"]),
        .testTarget(
            name: "SlackTests",
            dependencies: ["Slack", .product(name: "PluginSDKTesting", package: "swift-argo-plugin")]
        ),
    ]
)
