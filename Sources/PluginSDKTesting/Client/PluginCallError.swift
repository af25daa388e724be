import PluginSDK

/// Thrown by the typed helpers of ``PluginTestClient`` when a call does not answer 200 with a decodable body.
///
/// Its description names the method, the status and the plugin's error message, so a failing test says why.
public struct PluginCallError: Error, CustomStringConvertible, Sendable {
    /// The method called.
    public var method: PluginMethod
    /// The status and body the plugin answered.
    public var result: PluginCallResult
    /// Why the body could not be decoded, when the status was 200.
    public var decodingProblem: String?

    /// Creates the error.
    public init(method: PluginMethod, result: PluginCallResult, decodingProblem: String? = nil) {
        self.method = method
        self.result = result
        self.decodingProblem = decodingProblem
    }

    /// A readable message, e.g. `template.execute answered 403: forbidden: ...`.
    public var description: String {
        if let decodingProblem {
            return "\(method) answered 200 with a body that does not decode: \(decodingProblem); body: "
                + String(result.text.prefix(500))
        }
        return "\(method) answered \(result.status): \(result.errorMessage ?? String(result.text.prefix(500)))"
    }
}
