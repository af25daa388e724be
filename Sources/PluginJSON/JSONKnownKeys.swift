/// The member names a model types, for setting apart the members it keeps as unknown fields.
///
/// ``JSONMembersDecoder/jsonMembers(excluding:)`` checks every member key of an object against these. Compared as
/// UTF-8 bytes straight from the parsed input, a key that is known (nearly all of them) costs no `String` and no
/// hashing: a length check against a bit set, then a byte comparison with the few names of that length.
package struct JSONKnownKeys: Sendable {
    /// The names, for callers that work with `String`s (the `Encodable` route, other decoders).
    package let names: Set<String>
    /// The names' UTF-8 bytes.
    private let utf8: [[UInt8]]
    /// Bit `n` is set when a name has UTF-8 length `n` (names of 63 bytes or more share bit 63).
    private let lengths: UInt64

    /// Known keys with these names.
    package init(_ names: some Sequence<String>) {
        self.names = Set(names)
        self.utf8 = self.names.map { Array($0.utf8) }
        self.lengths = self.utf8.reduce(0) { $0 | Self.bit($1.count) }
    }

    @inline(__always)
    private static func bit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    /// Whether `key`, given as UTF-8 bytes, is one of the names.
    func contains(utf8 key: ArraySlice<UInt8>) -> Bool {
        guard lengths & Self.bit(key.count) != 0 else { return false }
        for name in utf8 where name.count == key.count {
            if name.elementsEqual(key) { return true }
        }
        return false
    }

    /// Whether `key` is one of the names.
    package func contains(_ key: String) -> Bool { names.contains(key) }
}

extension JSONKnownKeys: ExpressibleByArrayLiteral {
    /// Known keys written as a list of names, e.g. `[]` for a model that keeps every member.
    package init(arrayLiteral names: String...) {
        self.init(names)
    }
}
