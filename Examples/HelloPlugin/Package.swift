// swift-tools-version:6.1
import PackageDescription

// Argo's hello executor plugin in Swift, laid out as `argo-plugin init` lays out a new plugin. It depends on the SDK
// in this repository by path; a plugin of your own depends on it by URL and version:
//   .package(url: "https://github.com/swift-argo-plugin/swift-argo-plugin.git", from: "0.2.0")
let package = Package(
    name: "hello-plugin",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "HelloPlugin", targets: ["HelloPlugin"]),
    ],
    dependencies: [
        .package(name: "swift-argo-plugin", path: "../.."),
    ],
    targets: [
        // The plugin's logic, as a library so tests call it directly.
        .target(name: "Hello", dependencies: [.product(name: "PluginSDK", package: "swift-argo-plugin")]),
        // Wiring only: flags, token, server, signals.
        .executableTarget(name: "HelloPlugin", dependencies: ["Hello"]),
        .testTarget(
            name: "HelloTests",
            dependencies: ["Hello", .product(name: "PluginSDKTesting", package: "swift-argo-plugin")]
        ),
    ]
)
