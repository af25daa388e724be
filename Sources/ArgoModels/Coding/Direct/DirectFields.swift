import PluginJSON

/// A model's `CodingKeys` as a ``JSONFieldTable``, for its direct builder: `field(key)` is the case a key of the
/// parsed document names, so the builder switches over its members exhaustively (the compiler names a member a
/// builder forgot).
struct DirectFields<Field: LosslessCodingKeys & RawRepresentable & Sendable>: Sendable where Field.RawValue == String {
    private let table: JSONFieldTable
    private let cases: [Field]

    init() {
        cases = Array(Field.allCases)
        table = JSONFieldTable(cases.map(\.rawValue))
    }

    /// The member `key` names when written without escapes, or `nil` (unknown, or escaped).
    @inline(__always)
    func field(_ key: JSONMemberKey) -> Field? {
        key.fieldIndex(in: table).map { cases[$0] }
    }
}
