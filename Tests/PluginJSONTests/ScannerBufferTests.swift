import Testing

@testable import PluginJSON

/// The scanner's pointer code: the token buffer it fills and grows in place, its container stack, the byte-wise
/// duplicate-key checks and the field table's eight-byte comparisons.
@Suite("Scanner buffers and byte comparisons")
struct ScannerBufferTests {
    @Test("a document with far more tokens than its first buffer holds keeps every token")
    func tokenBufferGrows() throws {
        // One token per two bytes: about twelve times the first buffer (a sixth of the bytes), so it grows often.
        let count = 100_000
        let document = "[" + (0..<count).map { "\($0 % 10)" }.joined(separator: ",") + "]"
        let tape = try JSONTape(parsing: utf8(document), maxDepth: 512)
        #expect(tape.tokens.count == count + 1)
        #expect(tape.tokens[0].next == UInt32(count + 1))
        let value = try JSONValue(parsing: document)
        #expect(value.arrayValue?.count == count)
        #expect(value.arrayValue?.last == .integer(Int64((count - 1) % 10)))
    }

    @Test("the container stack holds as many open containers as the input has bytes, up to maxDepth")
    func stackBounds() throws {
        // Four bytes, four open containers: the end of input, not the stack, stops the scan.
        #expect(decodingFailure { _ = try JSONValue(parsing: "[[[[") } == "unexpected end of input at byte 4")
        #expect(decodingFailure { _ = try JSONValue(parsing: "[{\"a\":[{") } == "unexpected end of input at byte 8")
        let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(try JSONValue(parsing: nested, maxDepth: 40).arrayValue != nil)
        let tooDeep = decodingFailure { _ = try JSONValue(parsing: nested, maxDepth: 39) }
        #expect(tooDeep == "nesting deeper than 39 levels at byte 39")
    }

    @Test("token ranges point at the right bytes after the buffer moved")
    func tokensAfterGrowth() throws {
        let members = (0..<2_000).map { #""key\#($0)":"value \#($0)""# }.joined(separator: ",")
        let value = try JSONValue(parsing: "{" + members + "}")
        #expect(value["key0"] == "value 0")
        #expect(value["key1999"] == "value 1999")
        #expect(value.objectValue?.count == 2_000)
    }

    @Test("plain ASCII keys: the duplicate named is the one the String comparison names")
    func duplicatePlainKeys() {
        // Up to 12 keys: each key against the later ones, so the later "a" of the first pair through the keys.
        let pairs = #"{"a":1,"b":2,"b":3,"a":4}"#
        #expect(decodingFailure { _ = try JSONValue(parsing: pairs) } == #"duplicate key "a" at byte 19"#)
        // More than 12 keys: the first key equal to an earlier one, here the second "b".
        let many = (0..<12).map { #""k\#($0)":0"# }.joined(separator: ",")
        let input = "{" + many + #","a":1,"b":2,"b":3,"a":4}"#
        let offset = input.utf8.count - #""b":3,"a":4}"#.utf8.count
        #expect(decodingFailure { _ = try JSONValue(parsing: input) } == #"duplicate key "b" at byte \#(offset)"#)
        // Keys of one length that differ in their last byte, or only past the first eight bytes, are not duplicates.
        #expect(throws: Never.self) { try JSONValue(parsing: #"{"abcdefgh1":1,"abcdefgh2":2,"abcdefgx1":3}"#) }
        let longKeys = (0..<40).map { #""same-prefix-for-all-\#(1000 + $0)":0"# }.joined(separator: ",")
        #expect(throws: Never.self) { try JSONValue(parsing: "{" + longKeys + "}") }
        #expect(decodingFailure { _ = try JSONValue(parsing: "{" + longKeys + #","same-prefix-for-all-1039":1}"#) }
            .hasPrefix(#"duplicate key "same-prefix-for-all-1039""#))
    }

    @Test("an escaped or non-ASCII key among plain ones is still compared as a String")
    func duplicateIrregularKeys() {
        let escaped = #"{"b":0,"a":1,"\u0062":2}"#
        #expect(decodingFailure { _ = try JSONValue(parsing: escaped) }.hasPrefix(#"duplicate key "b""#))
        let composed = "{\"x\":0,\"\u{E9}\":1,\"e\u{301}\":2}"
        #expect(decodingFailure { _ = try JSONValue(parsing: composed) }.hasPrefix("duplicate key"))
        #expect(throws: Never.self) { try JSONValue(parsing: "{\"\u{E9}\":1,\"e\":2,\"\u{301}\":3}") }
    }

    @Test("the field table finds each name, and nothing that differs in one byte or in length")
    func fieldTable() throws {
        let names = ["id", "name", "displayName", "templateName", "synchronizationStatus", "a", "abcdefgh", "abcdefghi"]
        let table = JSONFieldTable(names)
        func lookup(_ key: String) throws -> Int? {
            let tape = try JSONTape(parsing: utf8("{\"\(key)\":0}"), maxDepth: 4)
            let storage = TapeStorage(tape: tape, userInfo: [:])
            return JSONMemberKey(storage: storage, index: 1).fieldIndex(in: table)
        }
        for (index, name) in names.enumerated() {
            #expect(try lookup(name) == index, "\(name)")
            #expect(try lookup(name + "x") == nil)
            #expect(try lookup(String(name.dropLast())) == (name == "abcdefghi" ? 6 : nil))
            for position in name.indices {
                var changed = name
                changed.replaceSubrange(position...position, with: "~")
                #expect(try lookup(changed) == nil, "\(changed)")
            }
        }
        #expect(try lookup("") == nil)
        #expect(try lookup(#"n\u0061me"#) == nil)
    }

    @Test("JSONBytes.equal compares every length in both halves of its eight-byte loop")
    func bytesEqual() {
        let text = utf8("0123456789abcdefghijklmnopqrstuvwxyz")
        for length in 0...text.count {
            for start in 0...(text.count - length) {
                #expect(JSONBytes.equal(text, start, Array(text[start..<start + length]), 0, length: length))
                if length > 0 {
                    var other = Array(text[start..<start + length])
                    other[length - 1] ^= 1
                    #expect(!JSONBytes.equal(text, start, other, 0, length: length))
                    other[length - 1] ^= 1
                    other[0] ^= 1
                    #expect(!JSONBytes.equal(text, start, other, 0, length: length))
                }
            }
        }
    }
}
