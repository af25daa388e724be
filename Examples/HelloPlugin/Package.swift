// swift-tools-version:6.1
import Foundation
import PackageDescription

// Linking on Linux (optional for a plugin of your own; it saves memory and start-up time, see README
// "Performance"): lld places the functions a plugin runs together (hot-symbols.txt, made by
// scripts/hot-symbols.sh), so fewer of the executable's pages are read and kept resident, and packs its relative
// relocations (DT_RELR, glibc 2.36 as in Debian bookworm), which leaves 1 MB fewer relocation records to read at
// start-up.
let hotSymbols = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("hot-symbols.txt")
let lean: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            "-Xlinker", "--symbol-ordering-file=\(hotSymbols.path)", "-Xlinker", "--no-warn-symbol-ordering",
        ], .when(platforms: [.linux])),
]

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
        .executableTarget(name: "HelloPlugin", dependencies: ["Hello"], linkerSettings: lean),
        .testTarget(
            name: "HelloTests",
            dependencies: ["Hello", .product(name: "PluginSDKTesting", package: "swift-argo-plugin")]
        ),
    ]
)
