/// The member names a model types, for ``JSONDirectDecodable`` builders: a key of the parsed document is found
/// among them with one hash probe and one byte comparison.
///
/// Comparing a key with each name in turn (`key.is("name")`, then `key.is("inputs")`...) cost a call and a length
/// check per name: for `NodeStatus`, whose keys were matched against 25 names, most of the time of building it.
/// The table answers with the name's position, so a model can map it onto its own field enumeration and `switch`
/// over that exhaustively.
///
/// ```swift
/// let table = JSONFieldTable(["name", "inputs", "outputs"])
/// key.fieldIndex(in: table)  // 1 for the key "inputs", nil for "plugin" or an escaped "n\u0061me"
/// ```
package struct JSONFieldTable: Sendable {
    /// Every name's UTF-8, one after the other (one flat array: reading a name retains nothing).
    private let text: [UInt8]
    /// Open addressing over `slot(length:first:last:)`: 0 is empty; otherwise bits 0-7 are the name's position
    /// plus one, 8-15 its length, 16-31 its offset in `text`.
    private let slots: [UInt32]
    private let mask: Int
    /// The position of the empty name, if the table has one.
    private let emptyName: Int?

    /// A table of `names` (fewer than 255, no two alike, each under 256 bytes).
    package init(_ names: [String]) {
        let utf8 = names.map { Array($0.utf8) }
        precondition(names.count < 255, "a field table holds at most 254 names")
        precondition(utf8.allSatisfy { $0.count < 256 }, "a field name is under 256 bytes")
        text = utf8.flatMap { $0 }
        var size = 16
        while size < names.count * 4 { size *= 2 }
        var slots = [UInt32](repeating: 0, count: size)
        var offset = 0
        for (index, name) in utf8.enumerated() {
            var slot = Self.slot(name) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = UInt32(index + 1) | UInt32(name.count) << 8 | UInt32(offset) << 16
            offset += name.count
        }
        self.slots = slots
        mask = size - 1
        emptyName = names.firstIndex(of: "")
    }

    @inline(__always)
    private static func slot(length: Int, first: UInt8, last: UInt8) -> Int {
        length &* 37 &+ Int(first) &* 11 &+ Int(last)
    }

    private static func slot(_ name: [UInt8]) -> Int {
        name.isEmpty ? 0 : slot(length: name.count, first: name[0], last: name[name.count - 1])
    }

    /// The position of the name that is the `length` bytes of `bytes` from `start`, or `nil`.
    ///
    /// Pointer code (with the scanner, `JSONTokens` and `JSONBytes`, the package's only): the key's range is checked
    /// against `bytes` first, slots are masked into `slots`, and a name is compared only after its length matched,
    /// from offsets the initializer computed inside `text`. Reading through the arrays' subscripts (a bounds check
    /// per byte, a retain of each array) made the lookup twice as slow; `ScannerBufferTests` checks each name and
    /// near misses of every length.
    @inline(__always)
    func index(_ bytes: [UInt8], start: Int, length: Int) -> Int? {
        precondition(start >= 0 && length >= 0 && start + length <= bytes.count, "key out of bounds")
        guard length > 0 else { return emptyName }
        return bytes.withUnsafeBufferPointer { input in
            text.withUnsafeBufferPointer { names in
                slots.withUnsafeBufferPointer { slots in
                    let key = input.baseAddress! + start
                    var slot = Self.slot(length: length, first: key[0], last: key[length - 1]) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if Int(entry >> 8 & 0xFF) == length
                            && Self.same(key, names.baseAddress! + Int(entry >> 16), length)
                        {
                            return Int(entry & 0xFF) - 1
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether `length` bytes at `a` and `b` are the same, eight at a time.
    @inline(__always)
    private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let left = UnsafeRawPointer(a)
        let right = UnsafeRawPointer(b)
        var offset = 0
        while offset + 8 <= length {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < length {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }
}
