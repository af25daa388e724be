import ArgoModels

/// Serves `parameters.add` (Argo's parameter substitution plugin): placeholders to add before the controller
/// substitutes a template's parameters.
///
/// Each entry of the reply becomes a `{{name}}` placeholder for the template, so values can come from an external
/// system.
///
/// No released Argo calls controller hooks: only a development branch before v3.3 loaded `ControllerPlugin`
/// ConfigMaps (see <doc:ControllerHooks>).
///
/// ```swift
/// struct Greeting: ParametersAddHook {
///     func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
///         -> ParameterPreSubstitutionReply
///     {
///         .adding(["hello": "good morning"])   // {{hello}}
///     }
/// }
/// ```
///
/// Like every controller hook it gets about a second and is not retried.
public protocol ParametersAddHook: Plugin {
    /// `parameters.add`: placeholders to add for parameter substitution.
    func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
}
