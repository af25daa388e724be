// swift-tools-version:6.1
import PackageDescription

// A controller plugin: every controller hook Argo's design describes, in Swift. It depends on the SDK in this
// repository by path; a plugin of your own depends on it by URL and version:
//   .package(url: "https://github.com/swift-argo-plugin/swift-argo-plugin.git", from: "0.2.0")
let package = Package(
    name: "hello-controller-plugin",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "HelloControllerPlugin", targets: ["HelloControllerPlugin"]),
    ],
    dependencies: [
        .package(name: "swift-argo-plugin", path: "../.."),
    ],
    targets: [
        // The plugin's logic, as a library so tests call it directly.
        .target(name: "HelloController", dependencies: [.product(name: "PluginSDK", package: "swift-argo-plugin")]),
        // Wiring only: flags, token, server, signals.
        .executableTarget(name: "HelloControllerPlugin", dependencies: ["HelloController"]),
        .testTarget(
            name: "HelloControllerTests",
            dependencies: ["HelloController", .product(name: "PluginSDKTesting", package: "swift-argo-plugin")]
        ),
    ]
)
