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
struct Greedy: TemplateExecutor {
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply {
        .succeeded(message: "mine, all mine")
    }
}

/// Replies with whatever node it was built with, to its own key only.
struct Scripted: TemplateExecutor {
    var node: NodeResult?
    func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws -> ExecuteTemplateReply {
        guard args.template.pluginConfig(for: "scripted") != nil else { return .notMine }
        return ExecuteTemplateReply(node: node)
    }
}

/// Serves parameters.add well and node.preExecute by failing every call (500).
struct Grumpy: ParametersAddHook, NodePreExecuteHook {
    struct Refusal: Error {}

    func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
        -> ParameterPreSubstitutionReply
    {
        .adding(["a": "b"])
    }

    func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws -> NodePreExecuteReply {
        throw Refusal()
    }
}

/// Adopts no handler protocol: it would answer 404 to everything, so the kit refuses it as a server would.
struct Idle: Plugin {}
