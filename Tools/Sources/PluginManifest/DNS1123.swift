/// Kubernetes' DNS-1123 name rules, as `k8s.io/apimachinery/pkg/util/validation` states them.
enum DNS1123 {
    /// A label: at most 63 lowercase alphanumerics or `-`, starting and ending with an alphanumeric.
    /// Container names must be labels.
    static func labelProblem(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.utf8.count > 63 { return "must be no more than 63 characters, got \(name.utf8.count)" }
        return shapeProblem(name, allowDots: false)
    }

    /// A subdomain: at most 253 characters of dot-separated labels. ConfigMap and ServiceAccount names must be
    /// subdomains.
    static func subdomainProblem(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.utf8.count > 253 { return "must be no more than 253 characters, got \(name.utf8.count)" }
        return shapeProblem(name, allowDots: true)
    }

    private static func shapeProblem(_ name: String, allowDots: Bool) -> String? {
        let allowed = allowDots ? "lowercase letters, digits, '-' and '.'" : "lowercase letters, digits and '-'"
        for scalar in name.unicodeScalars {
            let ok =
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
                || (allowDots && scalar == ".")
            if !ok { return "must consist of \(allowed), got \"\(name)\"" }
        }
        let parts = allowDots ? name.split(separator: ".", omittingEmptySubsequences: false) : [Substring(name)]
        for part in parts {
            guard let first = part.first, let last = part.last else {
                return "must not contain empty segments between dots, got \"\(name)\""
            }
            if first == "-" || last == "-" || first == "." || last == "." {
                return "must start and end with a lowercase letter or digit, got \"\(name)\""
            }
        }
        return nil
    }
}
