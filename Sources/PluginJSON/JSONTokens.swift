/// The tokens of a parsed document, read by index (as an array would be, bounds checked).
///
/// They live in a buffer that `JSONScanner` fills through a pointer while it scans: appending to an `Array` and
/// updating container headers through its subscript cost a uniqueness check and a capacity check per write, about a
/// third of the scanner's time. Once the scan is over the buffer is never written again.
// @unchecked Sendable: `storage` (a `ManagedBuffer`, which cannot be `Sendable`) is written only by the
// `JSONScanner` that creates it, before it is wrapped here; a `JSONTokens` only reads it, and reads of memory
// nobody writes are safe from any thread.
struct JSONTokens: @unchecked Sendable {
    private let storage: JSONTokenStorage
    /// How many tokens there are.
    let count: Int

    init(storage: JSONTokenStorage, count: Int) {
        self.storage = storage
        self.count = count
    }

    /// The token at `index`.
    @inline(__always)
    subscript(index: Int) -> JSONToken {
        precondition(index >= 0 && index < count, "token index out of range")
        return storage.withUnsafeMutablePointerToElements { $0[index] }
    }
}

/// The buffer behind ``JSONTokens``: a heap block of `JSONToken`s with no header (trivial values, so nothing to
/// deinitialize).
final class JSONTokenStorage: ManagedBuffer<Void, JSONToken> {
    /// A buffer with room for at least `capacity` tokens, none initialized.
    static func make(capacity: Int) -> JSONTokenStorage {
        create(minimumCapacity: capacity) { _ in } as! JSONTokenStorage
    }
}
