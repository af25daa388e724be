import Foundation

/// The files of a new plugin package, named after the plugin.
///
/// `name` is the plugin's key and Argo name (`plugin: {<name>: {...}}`, ConfigMap `<name>-executor-plugin`);
/// `typeName` is its Swift spelling (`slack-notify` becomes `SlackNotify`).
struct PluginScaffold {
    /// How the new package finds the SDK.
    enum SDKSource {
        /// A local checkout, for development: `.package(path:)`.
        case path(String)
        /// The published package, pinned to a release: `.package(url:from:)`.
        case url(String, from: String)
    }

    let name: String
    let sdk: SDKSource
    let port: Int
    /// `--kubernetes`: the plugin reads its Workflow through PluginKubernetes, mounts its token, declares its rules.
    let kubernetes: Bool

    static let defaultSDKURL = "https://github.com/swift-argo-plugin/swift-argo-plugin.git"
    /// The SDK release new packages depend on (`from:`, so later 0.x releases need an edit, as SemVer allows
    /// breaking changes before 1.0). The README shows the same line; a test keeps them together.
    static let sdkVersion = "0.2.0"

    /// Validates `name` as Argo and Kubernetes need it.
    init(name: String, sdk: SDKSource, port: Int? = nil, kubernetes: Bool = false) throws {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
            !name.hasSuffix("-"), name.count <= 40
        else {
            throw ScaffoldError(
                "the plugin name '\(name)' must start with a lower-case letter and hold only lower-case letters, "
                    + "digits and '-' (at most 40, not ending in '-'): it becomes the template key and a Kubernetes name")
        }
        self.name = name
        self.sdk = sdk
        self.port = port ?? Self.defaultPort(for: name)
        self.kubernetes = kubernetes
    }

    /// `slack-notify` → `SlackNotify`.
    var typeName: String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A stable port above 10,000 derived from the name, as Argo advises for unpublished plugins.
    static func defaultPort(for name: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return 10_000 + Int(hash % 20_000)
    }

    /// Relative path → content.
    var files: [(String, String)] {
        [
            ("Package.swift", packageSwift),
            (".gitignore", ".build/\n.build-*/\nPackage.resolved\n.swiftpm/\n"),
            ("Sources/\(typeName)/\(typeName).swift", kubernetes ? kubernetesPluginSwift : pluginSwift),
            ("Sources/\(typeName)Plugin/main.swift", kubernetes ? kubernetesMainSwift : mainSwift),
            ("Tests/\(typeName)Tests/\(typeName)Tests.swift", kubernetes ? kubernetesTestsSwift : testsSwift),
            ("plugin.yaml", pluginYAML),
            ("Dockerfile", dockerfile),
            ("\(name)-workflow.yaml", workflowYAML),
            ("README.md", readme),
        ] + (kubernetes ? [("rbac.yaml", rbacYAML)] : [("Sources/\(typeName)/\(typeName)Options.swift", optionsSwift)])
    }

    /// Writes the files under `directory`, refusing to overwrite any.
    func write(to directory: URL) throws -> [URL] {
        let manager = FileManager.default
        var written: [URL] = []
        for (path, _) in files where manager.fileExists(atPath: directory.appendingPathComponent(path).path) {
            throw ScaffoldError("\(directory.appendingPathComponent(path).path) already exists; nothing was written")
        }
        for (path, content) in files {
            let url = directory.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
            written.append(url)
        }
        return written
    }
}

/// Why `argo-plugin init` wrote nothing.
struct ScaffoldError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
