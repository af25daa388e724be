import Foundation

/// Type-checks a small source file against the PluginSDK module this test run was built with, as an author's
/// package would compile it: `swiftc -typecheck -swift-version 6`, the build's `Modules` folder as the import
/// path, and the module maps of the build's C targets (PluginSDK's internal import of CMicroHTTPD is still loaded).
/// Clang's module cache is kept in the build folder, so only the first check of a build pays for it.
///
/// Swift Testing cannot assert that code does not compile; this runs the compiler on the code instead.
enum SwiftTypecheck {
    struct Outcome: Sendable {
        /// The compiler's exit status: 0 when the source type-checks.
        var status: Int32
        /// Everything the compiler printed.
        var diagnostics: String
    }

    struct SetupError: Error, CustomStringConvertible { var description: String }

    /// Type-checks `source` (written to a temporary file named `name`.swift) and returns the compiler's verdict.
    static func check(_ source: String, name: String) throws -> Outcome {
        // One spelling of the folder (`.build/debug` is a symlink): clang's module cache records the paths it saw.
        let products = PluginProcess.productsDirectory.resolvingSymlinksInPath()
        let modules = products.appendingPathComponent("Modules")
        guard FileManager.default.fileExists(atPath: modules.appendingPathComponent("PluginSDK.swiftmodule").path) else {
            throw SetupError(description: "no PluginSDK.swiftmodule in \(modules.path); run `swift build --build-tests`")
        }
        let compiler = try swiftc()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(name).swift")
        try source.write(to: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = compiler
        process.arguments =
            ["-typecheck", "-swift-version", "6", "-I", modules.path,
             "-module-cache-path", products.appendingPathComponent("typecheck-module-cache").path]
            + moduleMaps(in: products).flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] } + [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, diagnostics: String(decoding: data, as: UTF8.self))
    }

    /// The module maps SwiftPM generated for the build's C targets (`<target>.build/module.modulemap`).
    static func moduleMaps(in products: URL) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: products.path)) ?? []
        return entries.filter { $0.hasSuffix(".build") }.sorted()
            .map { products.appendingPathComponent($0).appendingPathComponent("module.modulemap").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// `swiftc` from `SWIFT_EXEC` or the `PATH` (`swift test` runs with the toolchain that built the tests there).
    static func swiftc() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["SWIFT_EXEC"], FileManager.default.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw SetupError(description: "swiftc is not on PATH; the compile checks need the toolchain that built the tests")
    }
}
