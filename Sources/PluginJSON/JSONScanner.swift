/// The strict RFC 8259 reader that turns UTF-8 bytes into a `JSONTape`.
///
/// It is iterative (an explicit stack of open containers), so input nested hundreds of thousands deep fails at
/// `maxDepth` without touching the call stack. It validates everything a later conversion relies on: UTF-8 (no
/// overlongs, no encoded surrogates), escapes and surrogate pairs, number grammar, duplicate keys.
///
/// Unsafe pointers: the scanner files and `JSONBytes.swift` are the only places in the package that read memory
/// through `UnsafeBufferPointer`. The buffer comes from `Array.withUnsafeBufferPointer` in `JSONTape.init` and
/// never escapes `scan(_:)`; every index is checked against `count` before it is read (the one unchecked read,
/// the eight-byte `loadUnaligned` in `scanString`, is guarded by `position + 8 <= count`).
struct JSONScanner {
    private let maxDepth: Int
    private var tokens: [JSONToken] = []
    /// Open containers (token indices), innermost last.
    private var stack: [Int] = []

    init(maxDepth: Int, capacityHint: Int) {
        self.maxDepth = maxDepth
        tokens.reserveCapacity(capacityHint / 8 + 4)
        stack.reserveCapacity(16)
    }

    /// Scans a whole document.
    mutating func scan(_ input: UnsafeBufferPointer<UInt8>) throws -> [JSONToken] {
        guard input.count < Int(UInt32.max) else {
            throw JSONErrors.syntax("document larger than 4 GiB", at: 0)
        }
        let count = input.count
        var position = skipSpace(input, 0)
        while true {
            // A value is expected at `position`.
            guard position < count else { throw endOfInput(count) }
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < maxDepth else {
                    throw JSONErrors.syntax("nesting deeper than \(maxDepth) levels", at: position)
                }
                let isObject = byte == UInt8(ascii: "{")
                stack.append(tokens.count)
                tokens.append(
                    JSONToken(kind: isObject ? .object : .array, start: UInt32(position), length: 0, next: 0))
                position = skipSpace(input, position + 1)
                guard position < count else { throw endOfInput(count) }
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if input[position] == closer {
                    position = try close(input, position)
                } else {
                    tokens[tokens.count - 1].length = 1
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
                guard let open = stack.last else {
                    guard position == count else {
                        throw JSONErrors.unexpected(input[position], at: position, expecting: "the end of the document")
                    }
                    return tokens
                }
                guard position < count else { throw endOfInput(count) }
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
    private mutating func scanKey(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        guard input[start] == UInt8(ascii: "\"") else {
            throw JSONErrors.unexpected(input[start], at: start, expecting: "a string key")
        }
        let position = skipSpace(input, try scanString(input, start))
        let key = tokens[tokens.count - 1]
        tokens[stack[stack.count - 1]].keyLengths |= key.kind == .string ? 1 << (key.length & 31) : ~0
        guard position < input.count else { throw endOfInput(input.count) }
        guard input[position] == UInt8(ascii: ":") else {
            throw JSONErrors.unexpected(input[position], at: position, expecting: "':'")
        }
        return skipSpace(input, position + 1)
    }

    /// Closes the innermost container at the bracket at `position`.
    private mutating func close(_ input: UnsafeBufferPointer<UInt8>, _ position: Int) throws -> Int {
        let open = stack.removeLast()
        tokens[open].next = UInt32(tokens.count)
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
    mutating func append(_ kind: JSONToken.Kind, start: Int, length: Int) {
        tokens.append(
            JSONToken(kind: kind, start: UInt32(start), length: UInt32(length), next: UInt32(tokens.count + 1)))
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

    /// Rejects an object that has the same key twice: the document would mean different things to different
    /// readers. "The same" is Swift's `String` equality (after unescaping, canonically equivalent spellings are
    /// equal), because that is when two members would collide in a `[String: JSONValue]`.
    private mutating func checkDuplicateKeys(_ input: UnsafeBufferPointer<UInt8>, object: Int) throws {
        let count = Int(tokens[object].length)
        if count <= 12 {
            // Pairwise, with each key's ASCII-ness worked out once: two plain ASCII keys are the same only when
            // their bytes are (most pairs differ in length), anything else is compared as Strings.
            var plain: UInt16 = 0
            var key = object + 1
            for index in 0..<count {
                if tokens[key].kind == .string && isASCII(input, tokens[key]) { plain |= 1 << index }
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
            guard first.length == second.length else { return false }
            for offset in 0..<Int(first.length)
            where input[Int(first.start) + offset] != input[Int(second.start) + offset] {
                return false
            }
            return true
        }
        if first.kind == .string && second.kind == .string {
            if first.length == second.length {
                var offset = 0
                while offset < Int(first.length)
                    && input[Int(first.start) + offset] == input[Int(second.start) + offset]
                {
                    offset += 1
                }
                if offset == Int(first.length) { return true }
            }
            // Different bytes: only non-ASCII text can still be canonically equivalent.
            if isASCII(input, first) && isASCII(input, second) { return false }
        }
        return keyText(input, a) == keyText(input, b)
    }

    private func isASCII(_ input: UnsafeBufferPointer<UInt8>, _ token: JSONToken) -> Bool {
        for offset in Int(token.start)..<Int(token.start + token.length) where input[offset] >= 0x80 { return false }
        return true
    }
}
