import PluginJSON

// How the request builders read members: concrete fills for the member types they meet most, in-place fills for the
// models that build themselves, and `Decodable` for the rest (member by member). See `RequestDirectDecoding.swift`.

/// A model that fills itself from a parsed object, in place: the building block of its `JSONDirectDecodable`
/// conformance and of the models that contain it.
///
/// Building a member with `init?(directJSON:)` made an optional temporary that was then copied into the parent
/// (a `Template` is 792 bytes, a `NodeStatus` 1,288, and every string and collection in them was retained and
/// released on the way); filling the parent's own storage copies nothing.
protocol DirectFillable: JSONDirectDecodable {
    /// The value with every member absent (required ones empty), assigned member by member: `init()` with its
    /// defaults cost a call per default and a copy of the whole value.
    init(directEmpty: Void)

    /// Fills the members `object` has; `false` when only `init(from:)` can be trusted with it (the caller then
    /// discards this value).
    mutating func fill(directJSON object: JSONTapeValue) -> Bool
}

extension JSONTapeValue {
    // Concrete `fill`s for the member types the builders meet most: the generic one reaches the decoder through
    // generic code that looks up `Optional<T>`'s metadata at run time on every call.

    /// Fills an optional string member (`null` is absent).
    func fill(_ slot: inout String?) -> Bool {
        fill(&slot, string)
    }

    /// Fills an optional Boolean member.
    func fill(_ slot: inout Bool?) -> Bool {
        fill(&slot, bool)
    }

    /// Fills an optional integer member.
    func fill(_ slot: inout Int64?) -> Bool {
        fill(&slot, int64)
    }

    /// Fills an optional list of strings.
    func fill(_ slot: inout [String]?) -> Bool {
        fill(&slot, stringArray)
    }

    /// Fills an optional object of strings (labels, annotations).
    func fill(_ slot: inout [String: String]?) -> Bool {
        fill(&slot, stringDictionary)
    }

    /// Fills an optional object kept as `JSONValue`s (a template's `plugin`).
    func fill(_ slot: inout [String: JSONValue]?) -> Bool {
        fill(&slot, jsonObject)
    }

    /// Fills an optional `IntOrString` (`retryStrategy.limit`, `activeDeadlineSeconds`): an integer as
    /// `IntOrString.init(from:)` reads one (an integral float included), else a string.
    func fill(_ slot: inout IntOrString?) -> Bool {
        fill(&slot, int64.map { .int($0) } ?? string.map { .string($0) })
    }

    /// Fills an optional list of `AnyString`s (a parameter's `enum`): strings directly, other values through
    /// `AnyString`'s own decoding.
    func fill(_ slot: inout [AnyString]?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let count = elementCount else { return false }
        var elements: [AnyString] = []
        elements.reserveCapacity(count)
        let complete = forEachElement { element in
            guard let built = element.string.map({ AnyString($0) }) ?? element.decode(AnyString.self) else {
                return false
            }
            elements.append(built)
            return true
        }
        guard complete else { return false }
        slot = elements
        return true
    }

    /// Fills an optional node phase (any string; unknown phases are kept as sent).
    func fill(_ slot: inout NodePhase?) -> Bool {
        fill(&slot, string.map(NodePhase.init(rawValue:)))
    }

    /// Fills an optional node type.
    func fill(_ slot: inout NodeType?) -> Bool {
        fill(&slot, string.map(NodeType.init(rawValue:)))
    }

    /// Fills an optional progress (`"0/1"`).
    func fill(_ slot: inout NodeProgress?) -> Bool {
        fill(&slot, string.map(NodeProgress.init(rawValue:)))
    }

    /// Fills a member kept as `JSONValue` the way `decodeJSONValueIfPresent` does: present as `null` is `.null`,
    /// not absent.
    func fillJSONValue(_ slot: inout JSONValue?) -> Bool {
        guard let value = jsonValue else { return false }
        slot = value
        return true
    }

    /// `null` empties `slot`; otherwise `value` (`nil`: not of the member's type) fills it.
    @inline(__always)
    private func fill<T>(_ slot: inout T?, _ value: @autoclosure () -> T?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let value = value() else { return false }
        slot = value
        return true
    }

    /// Fills an optional member: `null` is absent, anything else goes through `Decodable`.
    func fill<T: Decodable>(_ slot: inout T?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let value = decode(T.self) else { return false }
        slot = value
        return true
    }

    /// Fills an optional member whose type fills itself, in place; what its builder declines goes through
    /// `Decodable` for this member only.
    func fillDirect<T: DirectFillable>(_ slot: inout T?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        slot = T(directEmpty: ())
        if slot!.fill(directJSON: self) { return true }
        guard let value = decode(T.self) else { return false }
        slot = value
        return true
    }

    /// Fills an optional array of self-building elements.
    func fillDirectArray<T: DirectFillable>(_ slot: inout [T]?) -> Bool {
        if isNull {
            slot = nil
            return true
        }
        guard let count = elementCount else { return false }
        var elements: [T] = []
        elements.reserveCapacity(count)
        let complete = forEachElement { element in
            // Each element is filled where it lies in the array.
            elements.append(T(directEmpty: ()))
            if elements[elements.count - 1].fill(directJSON: element) { return true }
            guard let value = element.decode(T.self) else { return false }
            elements[elements.count - 1] = value
            return true
        }
        guard complete else { return false }
        slot = elements
        return true
    }

    /// A required member whose type fills itself, filled in place over its empty value (`slot`); what its
    /// builder declines goes through `Decodable` for this member only.
    func build<T: DirectFillable>(into slot: inout T) -> Bool {
        if slot.fill(directJSON: self) { return true }
        guard let value = decode(T.self) else { return false }
        slot = value
        return true
    }

    /// Keeps a member the model does not type, as `init(from:)` does.
    func keep(as key: JSONMemberKey, in fields: inout [String: JSONValue]) -> Bool {
        guard key.isPlain, let value = jsonValue else { return false }
        fields[key.string] = value
        return true
    }
}

extension JSONTapeValue {
    /// An `AnyString` member: strings directly, numbers and booleans through `AnyString`'s own decoding.
    func fillAnyString(_ slot: inout AnyString?) -> Bool {
        if let text = string {
            slot = AnyString(text)
            return true
        }
        return fill(&slot)
    }
}
