/// Turns a ``TLSTrust`` into the PEM bytes libcurl is given, reading every file once, at client creation.
enum TrustStore {
    /// Where Debian (and the `swift:*-bookworm` and `debian:*` images with `ca-certificates`) keeps the system
    /// bundle, then where other distributions do.
    static let systemBundlePaths = [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem",
    ]

    /// The PEM anchors to use, or `nil` for libcurl's default (the system bundle). Plain `http` needs none.
    static func pem(for trust: TLSTrust, https: Bool) throws(ServiceConfigurationError) -> [UInt8]? {
        switch trust.storage {
        case .system:
            if https { _ = try systemBundle() }
            return nil
        case .systemPlus(let path):
            let extra = try certificates(at: path)
            guard https else { return nil }
            return try systemBundle() + [UInt8(ascii: "\n")] + extra
        case .only(let path):
            return try certificates(at: path)
        }
    }

    /// The system bundle's bytes.
    private static func systemBundle() throws(ServiceConfigurationError) -> [UInt8] {
        for path in systemBundlePaths where FileBytes.exists(path) {
            if case .success(let bytes) = FileBytes.read(path, limit: 16 << 20) { return bytes }
        }
        throw ServiceConfigurationError(
            "no system trust store found (\(systemBundlePaths[0])): install the ca-certificates package in the "
                + "runtime image")
    }

    /// The PEM file at `path`, checked to hold at least one certificate.
    static func certificates(at path: String) throws(ServiceConfigurationError) -> [UInt8] {
        switch FileBytes.read(path) {
        case .failure(let error):
            throw ServiceConfigurationError(
                "cannot read the CA file \(path): \(error.reason); mount the PEM file there (e.g. from a Secret or "
                    + "ConfigMap) or fix the path")
        case .success(let bytes):
            guard String(decoding: bytes, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
                throw ServiceConfigurationError(
                    "the CA file \(path) holds no PEM certificate (no '-----BEGIN CERTIFICATE-----' line)")
            }
            return bytes
        }
    }
}
