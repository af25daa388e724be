@testable import ArgoModels

/// One model for the field checks: its name and the checks bound to its type, sample and `CodingKeys`.
struct ModelFields: Sendable, CustomStringConvertible {
    /// The model's name.
    let model: String
    /// One line per place a member was forgotten; empty when every place knows every member.
    let failures: @Sendable () -> [String]

    var description: String { model }

    /// A model with its own `CodingKeys`. `writerSample` is for a model that writes itself: the full sample less
    /// the members its writer declines (`declined`, the property names), so that the writer runs on everything
    /// else.
    static func model<T: Codable & Equatable & Sendable, Keys: CodingKey & CaseIterable>(
        _ type: T.Type, keys: Keys.Type, sample: T, writerSample: T? = nil, declined: Set<String> = []
    ) -> ModelFields {
        // A case's name is its JSON key: the models give no case a raw value of its own.
        let jsonKeys = Keys.allCases.map(\.stringValue)
        return checked(type, cases: jsonKeys, jsonKeys: jsonKeys, sample: sample, writerSample, declined)
    }

    /// A model that types no member: everything it receives is kept in `unknownFields`.
    static func keepingEverything<T: Codable & Equatable & Sendable>(_ type: T.Type, sample: T) -> ModelFields {
        checked(type, cases: [], jsonKeys: [], sample: sample, nil, [])
    }

    /// A model whose `Codable` conformance the compiler derives from its stored properties, so `CodingKeys`,
    /// `init(from:)` and `encode(to:)` cannot miss one; its sample is still checked and round-tripped.
    static func derived<T: Codable & Equatable & Sendable>(_ type: T.Type, sample: T) -> ModelFields {
        let names = FieldChecks.properties(of: sample)
        return checked(type, cases: names, jsonKeys: names, sample: sample, nil, [])
    }

    private static func checked<T: Codable & Equatable & Sendable>(
        _ type: T.Type, cases: [String], jsonKeys: [String], sample: T, _ writerSample: T?, _ declined: Set<String>
    ) -> ModelFields {
        let model = String(describing: type)
        return ModelFields(model: model) {
            FieldChecks.codingKeys(model, sample: sample, cases: cases)
                + FieldChecks.fullSample(model, sample: sample)
                + FieldChecks.codableRoundTrip(model, sample: sample, keys: jsonKeys)
                + FieldChecks.directDecoding(model, sample: sample)
                + FieldChecks.directWriting(model, sample: sample, writerSample: writerSample, declined: declined)
        }
    }
}
