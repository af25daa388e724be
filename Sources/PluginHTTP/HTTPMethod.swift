/// An HTTP verb.
public struct HTTPMethod: Sendable, Hashable, CustomStringConvertible {
    /// The verb as sent, e.g. `GET`.
    public let rawValue: String

    /// A verb of your own; the usual ones have static members.
    public init(_ rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// `GET`.
    public static let get = HTTPMethod("GET")
    /// `POST`.
    public static let post = HTTPMethod("POST")
    /// `PUT`.
    public static let put = HTTPMethod("PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod("PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod("DELETE")
    /// `HEAD`.
    public static let head = HTTPMethod("HEAD")

    /// The verb.
    public var description: String { rawValue }
}
