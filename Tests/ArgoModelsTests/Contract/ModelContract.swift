import Foundation
import PluginJSON

/// What the contract tests know about one model that mirrors a swagger definition.
struct ModelContract: Sendable, CustomStringConvertible {
    /// The Swift type's name.
    let model: String
    /// The swagger definition it mirrors.
    let definition: String
    /// The JSON keys the model types (its `CodingKeys`).
    let knownKeys: Set<String>
    /// A fully populated instance, encoded: every typed member set, with swagger-valid values.
    let sample: JSONValue
    /// Swagger properties the model deliberately does not type; they are kept in `unknownFields`.
    let keptUntyped: Set<String>
    /// Keys the model requires although the swagger does not, with the reason.
    let extraRequired: [String: String]
    /// Whether the model decodes the given JSON.
    let decodes: @Sendable (Data) -> Bool

    var description: String { model }

    /// A contract for `type`, encoding `sample` with the package's deterministic encoder.
    static func make<T: Codable & Sendable>(
        _ type: T.Type, definition: String? = nil, knownKeys: JSONKnownKeys, sample: T,
        keptUntyped: Set<String> = [], extraRequired: [String: String] = [:]
    ) -> ModelContract {
        let encoded = try! Fixtures.tree(try! Fixtures.encoder().encode(sample))
        return ModelContract(
            model: String(describing: type),
            definition: definition ?? String(describing: type),
            knownKeys: knownKeys.names,
            sample: encoded,
            keptUntyped: keptUntyped,
            extraRequired: extraRequired,
            decodes: { data in (try? JSONDecoder().decode(T.self, from: data)) != nil }
        )
    }

    /// This contract with some parts replaced: used by the self-tests to plant mistakes.
    func replacing(
        knownKeys: Set<String>? = nil, sample: JSONValue? = nil, keptUntyped: Set<String>? = nil,
        decodes: (@Sendable (Data) -> Bool)? = nil
    ) -> ModelContract {
        ModelContract(
            model: model, definition: definition, knownKeys: knownKeys ?? self.knownKeys,
            sample: sample ?? self.sample, keptUntyped: keptUntyped ?? self.keptUntyped,
            extraRequired: extraRequired, decodes: decodes ?? self.decodes
        )
    }
}
