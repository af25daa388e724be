import PluginSDK

/// A well-behaved template plugin: echoes input `x` as an output, fails on `fail`, runs on `slow`.
struct Echo: TemplatePlugin {
    static let key = "echo"
    struct Parameters: Decodable, Sendable {
        var mode: String?
    }

    func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        switch parameters.mode {
        case "fail": return .failed("asked to fail")
        case "running": return .running(message: "working", requeueAfter: .seconds(5))
        case "transient": throw TransientError("try later")
        default:
            let x = context.template?.inputs?.value(of: "x") ?? "none"
            return .succeeded(message: "echo", outputs: Outputs().parameter("x", x))
        }
    }
}

/// Claims every template, its own or not.
struct Greedy: Plugin {
    var methods: Set<PluginMethod> { [.templateExecute] }
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply {
        .succeeded(message: "mine, all mine")
    }
}

/// Replies with whatever node it was built with, to its own key only.
struct Scripted: Plugin {
    var node: NodeResult?
    var methods: Set<PluginMethod> { [.templateExecute] }
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply {
        guard args.template.pluginConfig(for: "scripted") != nil else { return .notMine }
        return ExecuteTemplateReply(node: node)
    }
}

/// Lists node.preExecute among its methods but never implements it.
struct Boastful: Plugin {
    var methods: Set<PluginMethod> { [.parametersAdd, .nodePreExecute] }
    func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    {
        .adding(["a": "b"])
    }
}
