import Testing

/// A handler whose signature is slightly off must not compile: with one protocol per method and no default
/// handlers, the near miss leaves its protocol unsatisfied instead of becoming an overload nobody calls.
@Suite("Near-miss handlers do not compile")
struct NearMissTests {
    /// A plugin source that must be rejected, and the protocol the compiler must name.
    struct NearMiss: Sendable, CustomTestStringConvertible {
        var name: String
        var unsatisfied: String
        var source: String
        var testDescription: String { name }
    }

    static let nearMisses: [NearMiss] = [
        NearMiss(
            name: "a wrong argument label", unsatisfied: "NodePreExecuteHook",
            source: """
                struct Plugin1: NodePreExecuteHook {
                    func nodePreExecute(_ args: NodePreExecuteArgs, ctx: PluginContext) async throws
                        -> NodePreExecuteReply { .proceed }
                }
                """),
        NearMiss(
            name: "another hook's arguments", unsatisfied: "ParametersAddHook",
            source: """
                struct Plugin2: ParametersAddHook {
                    func parametersAdd(_ args: NodePreExecuteArgs, context: PluginContext) async throws
                        -> ParameterPreSubstitutionReply { .adding([:]) }
                }
                """),
        NearMiss(
            name: "another hook's reply", unsatisfied: "WorkflowPreOperateHook",
            source: """
                struct Plugin3: WorkflowPreOperateHook {
                    func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) async throws
                        -> WorkflowPostOperateReply { WorkflowPostOperateReply() }
                }
                """),
        NearMiss(
            name: "a misspelt handler name", unsatisfied: "NodePostExecuteHook",
            source: """
                struct Plugin4: NodePostExecuteHook {
                    func nodePostExcute(_ args: NodePostExecuteArgs, context: PluginContext) async throws
                        -> NodePostExecuteReply { NodePostExecuteReply() }
                }
                """),
        NearMiss(
            name: "a missing context parameter", unsatisfied: "TemplateExecutor",
            source: """
                struct Plugin5: TemplateExecutor {
                    func executeTemplate(_ args: ExecuteTemplateArgs) async throws -> ExecuteTemplateReply { .notMine }
                }
                """),
        NearMiss(
            name: "a static handler", unsatisfied: "PodPreCreateHook",
            source: """
                struct Plugin6: PodPreCreateHook {
                    static func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws
                        -> PodPreCreateReply { .proceed }
                }
                """),
        NearMiss(
            name: "a TemplatePlugin whose execute takes other parameters", unsatisfied: "TemplatePlugin",
            source: """
                struct Plugin7: TemplatePlugin {
                    static let key = "seven"
                    struct Parameters: Decodable, Sendable {}
                    func execute(_ parameters: [String: String], context: PluginContext) async throws
                        -> ExecuteTemplateReply { .succeeded() }
                }
                """),
    ]

    /// Every handler protocol implemented correctly, in each spelling an author may use (sync, non-throwing,
    /// a throwing shutdown): it must type-check, which shows the near misses fail for their mistake alone.
    static let control = """
        struct Executor: TemplatePlugin {
            static let key = "control"
            struct Parameters: Decodable, Sendable {}
            func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
                .succeeded()
            }
            func shutdown() async throws {}
        }

        struct Hooks: WorkflowPreOperateHook, WorkflowPostOperateHook, NodePreExecuteHook, NodePostExecuteHook,
            ParametersAddHook, PodPreCreateHook, PodPostCreateHook
        {
            func workflowPreOperate(_ args: WorkflowPreOperateArgs, context: PluginContext) -> WorkflowPreOperateReply {
                .unchanged
            }
            func workflowPostOperate(_ args: WorkflowPostOperateArgs, context: PluginContext) async
                -> WorkflowPostOperateReply { WorkflowPostOperateReply() }
            func nodePreExecute(_ args: NodePreExecuteArgs, context: PluginContext) async throws
                -> NodePreExecuteReply { .proceed }
            func nodePostExecute(_ args: NodePostExecuteArgs, context: PluginContext) throws -> NodePostExecuteReply {
                NodePostExecuteReply()
            }
            func parametersAdd(_ args: ParameterPreSubstitutionArgs, context: PluginContext) async throws
                -> ParameterPreSubstitutionReply { .adding([:]) }
            func podPreCreate(_ args: PodPreCreateArgs, context: PluginContext) async throws -> PodPreCreateReply {
                .proceed
            }
            func podPostCreate(_ args: PodPostCreateArgs, context: PluginContext) async throws -> PodPostCreateReply {
                PodPostCreateReply()
            }
            func shutdown() async {}
        }

        struct Raw: TemplateExecutor {
            func executeTemplate(_ args: ExecuteTemplateArgs, context: PluginContext) async throws
                -> ExecuteTemplateReply { .notMine }
        }
        """

    @Test("correct handlers in every accepted spelling type-check against the built PluginSDK")
    func correctHandlersCompile() throws {
        let outcome = try SwiftTypecheck.check("import PluginSDK\n\n" + Self.control, name: "Control")
        #expect(outcome.status == 0, "\(outcome.diagnostics)")
    }

    @Test("a near-miss handler is a compile error naming the protocol it fails to satisfy", arguments: nearMisses)
    func nearMissFails(_ nearMiss: NearMiss) throws {
        let outcome = try SwiftTypecheck.check("import PluginSDK\n\n" + nearMiss.source, name: "NearMiss")
        #expect(outcome.status != 0)
        let errors = outcome.diagnostics.split(separator: "\n").filter { $0.contains("error:") }
        let named = errors.contains { $0.contains("protocol '\(nearMiss.unsatisfied)'") }
        #expect(named, "expected an error naming protocol '\(nearMiss.unsatisfied)':\n\(outcome.diagnostics)")
    }
}
