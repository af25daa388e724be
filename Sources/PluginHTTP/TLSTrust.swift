/// Which certificate authorities an `https` service may present.
///
/// Files are read when the client is created: a missing or unreadable file, or one holding no PEM certificate,
/// fails at start-up with the path and the fix.
public struct TLSTrust: Sendable, Equatable {
    enum Storage: Sendable, Equatable {
        case system
        case systemPlus(String)
        case only(String)
    }

    let storage: Storage

    /// The system trust store (Debian's `ca-certificates`, `/etc/ssl/certs/ca-certificates.crt`).
    public static let system = TLSTrust(storage: .system)

    /// The system trust store plus the certificates in a PEM file, e.g. a company CA mounted from a Secret.
    public static func systemPlus(caFile path: String) -> TLSTrust {
        TLSTrust(storage: .systemPlus(path))
    }

    /// Only the certificates in a PEM file, e.g. the cluster CA for the Kubernetes API.
    public static func only(caFile path: String) -> TLSTrust {
        TLSTrust(storage: .only(path))
    }
}
