import PluginConform
import Testing
import ToolTestSupport

/// Each check fails against a server that breaks its rule, and only the checks of that rule fail.
@Suite("conform catches each broken rule")
struct ViolationConformTests {
    typealias Violation = ContractServer.Violation

    /// What each violation must fail. Where one misbehaviour necessarily breaks several checks, they are listed.
    static let executorCases: [(Violation, Set<String>)] = [
        (.sampleFirst404, ["sample"]),
        (.replyWrongType, ["reply-types"]),
        (.replyWithoutNode, ["reply-node"]),
        (.unknownPhase, ["known-phase"]),
        (.emptyPhase, ["known-phase"]),
        (.failedWithoutMessage, ["failure-message"]),
        (.succeededWithRequeue, ["requeue"]),
        (.runningWithoutRequeue, ["requeue"]),
        (.foreign404, ["foreign-template"]),
        (.foreignClaimed, ["foreign-template"]),
        (.tokenMissingAccepted, ["token-missing"]),
        // A wrong token accepted is accepted everywhere; with 1 GiB announced the server then waits for the body.
        (.tokenPrefix, ["token-wrong", "token-any-template", "token-before-body"]),
        // Checking the token only once a body says the template is its own means reading the body first.
        (.tokenOnlyForOwnTemplates, ["token-any-template", "token-before-body"]),
        (.tokenAfterBody, ["token-before-body"]),
        (.unknownMethod500, ["unknown-method"]),
        (.badJSON500, ["bad-json"]),
        (.wrongTypesAccepted, ["wrong-types"]),
        (.stumbleAfterBadInput, ["alive"]),
        (.closeEachReply, ["keep-alive"]),
        (.fewConnections, ["concurrent"]),
        (.impatientBody, ["slow-client"]),
    ]

    static let controllerCases: [(Violation, Set<String>)] =
        ContractServer.hooks.map { (.hookFails($0), ["hook-\($0)"]) } + [
            (.slowHook("parameters.add"), ["hook-parameters.add"]),
            (.noHooks, ["hooks-served"]),
            (.tokenAfterBody, ["token-before-body"]),
            (.closeEachReply, ["keep-alive"]),
        ]

    @Test("an executor plugin that breaks one rule fails that rule's checks", arguments: executorCases)
    func executor(violation: Violation, failing: Set<String>) async throws {
        let server = try ContractServer(breaking: violation)
        defer { server.stop() }
        let report = try await conform(server.url, token: server.token)
        #expect(report.failedIDs == failing, "\(violation):\n\(report.text)")
        for check in report.failures {
            #expect(check.problem?.isEmpty == false, "\(check.id) names no reason")
            #expect(
                check.received?.isEmpty == false || check.id == "hooks-served", "\(check.id) shows nothing received")
        }
    }

    @Test("a controller plugin that breaks one rule fails that rule's checks", arguments: controllerCases)
    func controller(violation: Violation, failing: Set<String>) async throws {
        let server = try ContractServer(controller: true, breaking: violation)
        defer { server.stop() }
        let report = try await conform(server.url, token: server.token, kind: .controller)
        #expect(report.failedIDs == failing, "\(violation):\n\(report.text)")
    }

    @Test("every check is shown able to fail by some case above")
    func everyCheckCanFail() {
        let proven = (Self.executorCases + Self.controllerCases).reduce(into: Set(["reachable"])) { $0.formUnion($1.1) }
        #expect(Set(CheckIDs.executor + CheckIDs.controller).subtracting(proven).isEmpty)
    }

    @Test("a server that reads the body before the token is caught by the withheld body: no reply, and why")
    func tokenAfterBody() async throws {
        let server = try ContractServer(breaking: .tokenAfterBody)
        defer { server.stop() }
        let report = try await conform(server.url, token: server.token)
        let check = try #require(report.failure("token-before-body"))
        #expect(check.sent?.hasSuffix("Content-Length: 1073741824, no body") == true)
        #expect(check.received?.hasPrefix("no reply from 127.0.0.1:\(server.port)") == true, "\(check.received ?? "")")
        #expect(check.problem?.contains("waits for the body before it checks the token") == true)
    }

    @Test("nothing listening: the reachable check fails and no other check runs")
    func unreachable() async throws {
        // A bound port that never listens: refused, and no other test's listener can take it meanwhile.
        let refusing = try RefusingPort()
        let report = try await conform(refusing.url, token: "x", timeout: .seconds(2))
        #expect(report.checks.map(\.id) == ["reachable"])
        #expect(report.failure("reachable")?.problem?.contains("is the plugin running") == true)
    }
}
