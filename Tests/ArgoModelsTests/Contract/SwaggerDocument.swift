import Foundation
import PluginJSON

/// One of Argo's two plugin contracts, loaded from the vendored JSON form of its swagger file.
struct SwaggerDocument: Sendable {
    /// `executor` or `controller`.
    let name: String
    /// Schema definitions by name, after ``SwaggerErrata`` has been applied (unless loaded raw).
    var definitions: [String: JSONValue]
    /// `path → (request definition, response definition)`, after ``SwaggerErrata`` (unless loaded raw).
    var rpcs: [String: (request: String, response: String)]

    /// The executor contract (`template.execute`), Argo v4.1.
    static let executor = try! load("executor")
    /// The controller contract (workflow, node and parameter hooks), Argo v3.3 dev line.
    static let controller = try! load("controller")
    /// Both contracts, errata applied.
    static let all = [executor, controller]

    /// Loads `swagger/<name>-swagger.json`; `applyingErrata: false` gives the file exactly as Argo publishes it.
    static func load(_ name: String, applyingErrata: Bool = true) throws -> SwaggerDocument {
        let root = try Fixtures.tree(try Fixtures.data("swagger/\(name)-swagger.json"))
        var document = SwaggerDocument(
            name: name,
            definitions: root["definitions"]?.objectValue ?? [:],
            rpcs: [:]
        )
        let responses = root["responses"]?.objectValue ?? [:]
        for (path, item) in root["paths"]?.objectValue ?? [:] {
            let post = item["post"]
            let request = post?["parameters"]?.arrayValue?.first?["schema"]?["$ref"]?.stringValue
            let responseName = post?["responses"]?["200"]?["$ref"]?.stringValue.map(lastComponent)
            let response = responseName.flatMap { responses[$0]?["schema"]?["$ref"]?.stringValue }
            document.rpcs[path] = (request.map(lastComponent) ?? "?", response.map(lastComponent) ?? "?")
        }
        if applyingErrata {
            SwaggerErrata.apply(to: &document)
        }
        return document
    }

    /// `Foo` for `#/definitions/Foo`.
    static func lastComponent(_ reference: String) -> String {
        String(reference.split(separator: "/").last ?? "")
    }

    /// The property names of definition `name`, or `nil` when the document does not define it.
    func properties(of name: String) -> Set<String>? {
        guard let definition = definitions[name] else { return nil }
        return Set((definition["properties"]?.objectValue ?? [:]).keys)
    }

    /// The `required` list of definition `name`.
    func required(of name: String) -> Set<String> {
        Set(definitions[name]?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }
}
