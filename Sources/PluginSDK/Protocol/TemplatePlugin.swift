import ArgoModels

/// An executor plugin for templates that carry one plugin key, with typed parameters.
///
/// Argo asks every plugin about every plugin template. A `TemplatePlugin` answers `{}` ("not mine") without calling
/// your code when the template's `plugin` object lacks ``key``, decodes `plugin.<key>` into ``Parameters``, and turns
/// a decoding failure into a `Failed` node whose message names the field.
///
/// ```swift
/// struct Hello: TemplatePlugin {
///     static let key = "hello"
///     struct Parameters: Decodable, Sendable { var greeting: String? }
///
///     func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
///         .succeeded(message: parameters.greeting ?? "Hello template!",
///                    outputs: Outputs().parameter("foo", "bar"))
///     }
/// }
/// ```
public protocol TemplatePlugin: TemplateExecutor {
    /// The type `plugin.<key>` decodes into. Use an empty struct when the plugin takes no parameters.
    associatedtype Parameters: Decodable & Sendable

    /// The key under the template's `plugin` object that marks templates for this plugin, e.g. `hello`.
    static var key: String { get }

    /// Runs a template whose `plugin.<key>` decoded into `parameters`. The template, with its
    /// inputs, is `context.template`; the workflow is `context.workflow`.
    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply
}

extension TemplatePlugin {
    /// Answers `{}` for foreign templates, decodes the parameters, then calls ``execute(_:context:)``.
    public func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
        -> ExecuteTemplateReply
    {
        guard args.template.pluginConfig(for: Self.key) != nil else { return .notMine }
        let parameters: Parameters
        do {
            parameters = try Self.decodeParameters(args)
        } catch {
            let reason = DecodingErrorDescription.describe(error)
            return .failed("invalid parameters for plugin '\(Self.key)': \(reason)")
        }
        return try await execute(parameters, context: context)
    }
}
