/// The textual form of a Kubernetes `resource.Quantity`: a signed decimal number with an optional suffix.
///
/// Suffixes are binary (`Ki` … `Ei`), decimal SI (`n`, `u`, `m`, `k`, `M` … `E`) or a decimal exponent (`e3`,
/// `E-2`), as `k8s.io/apimachinery/pkg/api/resource` parses them.
enum Quantity {
    private static let binarySuffixes: Set<String> = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
    private static let decimalSuffixes: Set<String> = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"]

    /// Whether `text` parses as a quantity.
    static func isValid(_ text: String) -> Bool {
        var rest = Substring(text)
        if let sign = rest.first, sign == "+" || sign == "-" { rest = rest.dropFirst() }
        let integer = rest.prefix(while: \.isASCIIDigit)
        rest = rest.dropFirst(integer.count)
        var fraction = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return false }
        let suffix = String(rest)
        if binarySuffixes.contains(suffix) || decimalSuffixes.contains(suffix) { return true }
        guard let marker = suffix.first, marker == "e" || marker == "E" else { return false }
        var exponent = suffix.dropFirst()
        if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    /// `0` through `9` only, unlike `isNumber`, which also accepts other scripts' digits.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
