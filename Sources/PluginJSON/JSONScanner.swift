/// The strict RFC 8259 reader that turns UTF-8 bytes into a `JSONTape`.
///
/// It is iterative (an explicit stack of open containers), so input nested hundreds of thousands deep fails at
/// `maxDepth` without touching the call stack. It validates everything a later conversion relies on: UTF-8 (no
/// overlongs, no encoded surrogates), escapes and surrogate pairs, number grammar, duplicate keys.
///
/// Unsafe pointers: the scanner files, `JSONTokens.swift`, `JSONFieldTable.swift` and `JSONBytes.swift` are the only
/// places in the package that read or write memory through pointers. The input buffer comes from `Array.withUnsafeBufferPointer` in `JSONTape.init` and never
/// escapes `scan(_:)`; every index is checked against `count` before it is read (the one unchecked read, the
/// eight-byte `loadUnaligned` in `scanString`, is guarded by `position + 8 <= count`). Tokens are written into the
/// scanner's own `JSONTokenStorage` below `capacity` (checked by `reserve`), and the container stack is a block of
/// `min(maxDepth, input.count) + 1` entries that `scan(_:maxDepth:)` allocates and frees (a container takes at least
/// one byte, and nesting beyond `maxDepth` is refused before it is pushed). `RejectionTests`, `PropertyTests`,
/// `ValidCorpusTests` and the fuzzer run every error and every valid shape through this code.
struct JSONScanner {
    private let maxDepth: Int
    /// The tokens, written in place; `tokens` points at its elements.
    private var storage: JSONTokenStorage
    private var tokens: UnsafeMutablePointer<JSONToken>
    private var capacity: Int
    /// Tokens written so far.
    private var count = 0
    /// Open containers (token indices), innermost last; `depth` of them.
    private let stack: UnsafeMutablePointer<Int32>
    private var depth = 0

    private init(maxDepth: Int, capacityHint: Int, stack: UnsafeMutablePointer<Int32>) {
        self.maxDepth = maxDepth
        capacity = capacityHint / 6 + 8
        storage = JSONTokenStorage.make(capacity: capacity)
        tokens = storage.withUnsafeMutablePointerToElements { $0 }
        self.stack = stack
    }

    /// Scans a whole document, refusing nesting deeper than `maxDepth`.
    static func scan(_ input: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws -> JSONTokens {
        guard input.count < Int(UInt32.max) else {
            throw JSONErrors.syntax("document larger than 4 GiB", at: 0)
        }
        // On the stack for the small documents of most calls (the standard library decides by size).
        return try withUnsafeTemporaryAllocation(of: Int32.self, capacity: min(maxDepth, input.count) + 1) { stack in
            var scanner = JSONScanner(maxDepth: maxDepth, capacityHint: input.count, stack: stack.baseAddress!)
            try scanner.scanValues(input)
            return JSONTokens(storage: scanner.storage, count: scanner.count)
        }
    }

    private mutating func scanValues(_ input: UnsafeBufferPointer<UInt8>) throws {
        let count = input.count
        var position = skipSpace(input, 0)
        while true {
            // A value is expected at `position`.
            guard position < count else { throw endOfInput(count) }
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < maxDepth else {
                    throw JSONErrors.syntax("nesting deeper than \(maxDepth) levels", at: position)
                }
                let isObject = byte == UInt8(ascii: "{")
                stack[depth] = Int32(truncatingIfNeeded: self.count)
                depth += 1
                append(JSONToken(kind: isObject ? .object : .array, start: UInt32(position), length: 0, next: 0))
                position = skipSpace(input, position + 1)
                guard position < count else { throw endOfInput(count) }
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if input[position] == closer {
                    position = try close(input, position)
                } else {
                    tokens[self.count - 1].length = 1
                    if isObject { position = try scanKey(input, position) }
                    continue
                }
            case UInt8(ascii: "\""):
                position = try scanString(input, position)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                position = try scanNumber(input, position)
            case UInt8(ascii: "t"):
                position = try scanLiteral(input, position, "true", .trueLiteral)
            case UInt8(ascii: "f"):
                position = try scanLiteral(input, position, "false", .falseLiteral)
            case UInt8(ascii: "n"):
                position = try scanLiteral(input, position, "null", .null)
            default:
                throw JSONErrors.unexpected(byte, at: position, expecting: "a value")
            }
            // A value just ended: close containers, or move to the next member or element.
            while true {
                position = skipSpace(input, position)
                guard depth > 0 else {
                    guard position == count else {
                        throw JSONErrors.unexpected(input[position], at: position, expecting: "the end of the document")
                    }
                    return
                }
                guard position < count else { throw endOfInput(count) }
                let open = Int(stack[depth - 1])
                let isObject = tokens[open].kind == .object
                let byte = input[position]
                if byte == UInt8(ascii: ",") {
                    tokens[open].length += 1
                    position = skipSpace(input, position + 1)
                    guard position < count else { throw endOfInput(count) }
                    let next = input[position]
                    if next == UInt8(ascii: "}") || next == UInt8(ascii: "]") {
                        throw JSONErrors.syntax("trailing comma", at: position)
                    }
                    if isObject { position = try scanKey(input, position) }
                    break
                }
                if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position = try close(input, position)
                    continue
                }
                throw JSONErrors.unexpected(
                    byte, at: position, expecting: isObject ? "',' or '}'" : "',' or ']'")
            }
        }
    }

    /// Scans `"key"` and the `:` after it; returns the position of the value (after any whitespace).
    @inline(__always)
    private mutating func scanKey(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        guard input[start] == UInt8(ascii: "\"") else {
            throw JSONErrors.unexpected(input[start], at: start, expecting: "a string key")
        }
        let position = skipSpace(input, try scanString(input, start))
        let key = tokens[count - 1]
        let open = Int(stack[depth - 1])
        if key.kind == .string {
            tokens[open].keyLengths |= 1 << (key.length & 31)
            tokens[open].flags |= key.flags & JSONToken.nonASCII == 0 ? 0 : JSONToken.irregularKeys
        } else {
            tokens[open].keyLengths = ~0
            tokens[open].flags |= JSONToken.irregularKeys
        }
        guard position < input.count else { throw endOfInput(input.count) }
        guard input[position] == UInt8(ascii: ":") else {
            throw JSONErrors.unexpected(input[position], at: position, expecting: "':'")
        }
        return skipSpace(input, position + 1)
    }

    /// Closes the innermost container at the bracket at `position`.
    @inline(__always)
    private mutating func close(_ input: UnsafeBufferPointer<UInt8>, _ position: Int) throws -> Int {
        depth -= 1
        let open = Int(stack[depth])
        tokens[open].next = UInt32(count)
        if tokens[open].kind == .object && tokens[open].length > 1 {
            try checkDuplicateKeys(input, object: open)
        }
        return position + 1
    }

    private mutating func scanLiteral(
        _ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString, _ kind: JSONToken.Kind
    ) throws -> Int {
        let length = word.utf8CodeUnitCount
        let text = word.utf8Start
        for offset in 0..<length {
            let position = start + offset
            guard position < input.count else { throw endOfInput(input.count) }
            guard input[position] == text[offset] else {
                throw JSONErrors.unexpected(input[position], at: position, expecting: "'\(word)'")
            }
        }
        append(kind, start: start, length: length)
        return start + length
    }

    /// Appends a scalar token.
    @inline(__always)
    mutating func append(_ kind: JSONToken.Kind, start: Int, length: Int, flags: UInt8 = 0) {
        append(
            JSONToken(
                kind: kind, flags: flags, start: UInt32(truncatingIfNeeded: start),
                length: UInt32(truncatingIfNeeded: length), next: UInt32(truncatingIfNeeded: count + 1)))
    }

    @inline(__always)
    private mutating func append(_ token: JSONToken) {
        if count == capacity { grow() }
        (tokens + count).initialize(to: token)
        count += 1
    }

    /// Moves the tokens to a buffer twice as large.
    private mutating func grow() {
        let larger = JSONTokenStorage.make(capacity: capacity * 2)
        let moved = larger.withUnsafeMutablePointerToElements { elements in
            elements.moveInitialize(from: tokens, count: count)
            return elements
        }
        storage = larger
        tokens = moved
        capacity *= 2
    }

    func endOfInput(_ count: Int) -> DecodingError {
        JSONErrors.syntax("unexpected end of input", at: count)
    }

    @inline(__always)
    private func skipSpace(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var position = start
        while position < input.count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return position
            }
        }
        return position
    }

    // MARK: Duplicate keys

    /// Rejects an object that has the same key twice: the document would mean different things to different
    /// readers. "The same" is Swift's `String` equality (after unescaping, canonically equivalent spellings are
    /// equal), because that is when two members would collide in a `[String: JSONValue]`.
    ///
    /// The duplicate reported is, for up to 12 keys, the later key of the first pair found going through the keys
    /// in order, each against the keys after it; for more keys, the first key equal to an earlier one.
    private mutating func checkDuplicateKeys(_ input: UnsafeBufferPointer<UInt8>, object: Int) throws {
        let header = tokens[object]
        let count = Int(header.length)
        if header.flags & JSONToken.irregularKeys == 0 {
            // Plain ASCII keys are the same only when their bytes are. Keys of distinct lengths differ.
            if header.keyLengths.nonzeroBitCount == count { return }
            let duplicate =
                count <= 12 ? firstPairDuplicate(input, object, count) : firstRepeat(input, object, count)
            if let duplicate { throw self.duplicate(input, duplicate) }
            return
        }
        if count <= 12 {
            // Pairwise, with each key's ASCII-ness worked out once: two plain ASCII keys are the same only when
            // their bytes are (most pairs differ in length), anything else is compared as Strings.
            var plain: UInt16 = 0
            var key = object + 1
            for index in 0..<count {
                if tokens[key].kind == .string && tokens[key].flags & JSONToken.nonASCII == 0 { plain |= 1 << index }
                key = Int(tokens[key + 1].next)
            }
            key = object + 1
            for index in 0..<count {
                var other = Int(tokens[key + 1].next)
                var otherIndex = index + 1
                while otherIndex < count {
                    let bothPlain = (plain >> index) & (plain >> otherIndex) & 1 == 1
                    if sameKey(input, key, other, bothPlain: bothPlain) { throw duplicate(input, other) }
                    other = Int(tokens[other + 1].next)
                    otherIndex += 1
                }
                key = Int(tokens[key + 1].next)
            }
            return
        }
        var seen = Set<String>(minimumCapacity: count)
        var key = object + 1
        for _ in 0..<count {
            guard seen.insert(keyText(input, key)).inserted else { throw duplicate(input, key) }
            key = Int(tokens[key + 1].next)
        }
    }

    /// Plain ASCII keys, up to 12: the later key of the first equal pair, each key against the keys after it.
    private func firstPairDuplicate(_ input: UnsafeBufferPointer<UInt8>, _ object: Int, _ count: Int) -> Int? {
        var key = object + 1
        for index in 0..<count {
            let first = tokens[key]
            var other = Int(tokens[key + 1].next)
            for _ in index + 1..<count {
                let second = tokens[other]
                if first.length == second.length && sameBytes(input, first, second) { return other }
                other = Int(tokens[other + 1].next)
            }
            key = Int(tokens[key + 1].next)
        }
        return nil
    }

    /// Plain ASCII keys, any number: the first key equal to an earlier one, found through a small hash table of
    /// the keys' token indices.
    private func firstRepeat(_ input: UnsafeBufferPointer<UInt8>, _ object: Int, _ count: Int) -> Int? {
        var size = 32
        while size < count * 2 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        var key = object + 1
        for _ in 0..<count {
            let token = tokens[key]
            var slot = hash(input, token) & (size - 1)
            while table[slot] >= 0 {
                let seen = tokens[Int(table[slot])]
                if seen.length == token.length && sameBytes(input, seen, token) { return key }
                slot = (slot + 1) & (size - 1)
            }
            table[slot] = Int32(truncatingIfNeeded: key)
            key = Int(tokens[key + 1].next)
        }
        return nil
    }

    /// FNV-1a over a string token's raw bytes.
    private func hash(_ input: UnsafeBufferPointer<UInt8>, _ token: JSONToken) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for offset in Int(token.start)..<Int(token.start + token.length) {
            value = (value ^ UInt64(input[offset])) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: value ^ value >> 29)
    }

    /// Whether two string tokens of the same length have the same raw bytes.
    private func sameBytes(_ input: UnsafeBufferPointer<UInt8>, _ first: JSONToken, _ second: JSONToken) -> Bool {
        let a = Int(first.start)
        let b = Int(second.start)
        for offset in 0..<Int(first.length) where input[a + offset] != input[b + offset] { return false }
        return true
    }

    private func duplicate(_ input: UnsafeBufferPointer<UInt8>, _ key: Int) -> DecodingError {
        JSONErrors.syntax("duplicate key \(JSONErrors.quote(keyText(input, key)))", at: Int(tokens[key].start) - 1)
    }

    private func keyText(_ input: UnsafeBufferPointer<UInt8>, _ key: Int) -> String {
        let token = tokens[key]
        let raw = UnsafeBufferPointer(rebasing: input[Int(token.start)..<Int(token.start + token.length)])
        return token.kind == .string ? String(decoding: raw, as: UTF8.self) : JSONBytes.unescape(raw)
    }

    /// Whether key tokens `a` and `b` spell the same key; `bothPlain` when both are unescaped ASCII.
    private func sameKey(_ input: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, bothPlain: Bool) -> Bool {
        let first = tokens[a]
        let second = tokens[b]
        if bothPlain {
            return first.length == second.length && sameBytes(input, first, second)
        }
        if first.kind == .string && second.kind == .string {
            if first.length == second.length && sameBytes(input, first, second) { return true }
            // Different bytes: only non-ASCII text can still be canonically equivalent.
            if first.flags & JSONToken.nonASCII == 0 && second.flags & JSONToken.nonASCII == 0 { return false }
        }
        return keyText(input, a) == keyText(input, b)
    }
}
