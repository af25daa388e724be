@testable import AgentSimulator
import ArgoModels
import Testing

@Suite("simulate: depends logic and loop items, as Argo builds them")
struct LoopAndDependsTests {
    @Test("depends: bare names expand to Succeeded || Skipped || Daemoned, plus continueOn's results")
    func dependsExpansion() throws {
        let tasks: [JSONValue] = [
            ["name": "A"], ["name": "B", "continueOn": ["failed": true]],
            ["name": "C", "depends": "A && (B || B.Errored)"], ["name": "D", "dependencies": ["A", "B"]],
        ]
        let logic = DependsLogic(tasks: tasks)
        #expect(logic.logic["C"] == "(A.Succeeded || A.Skipped || A.Daemoned) && ((B.Succeeded || B.Skipped || B.Daemoned || B.Failed) || B.Errored)")
        #expect(logic.dependencies["C"] == ["A", "B"])
        #expect(logic.logic["D"] == "(A.Succeeded || A.Skipped || A.Daemoned) && (B.Succeeded || B.Skipped || B.Daemoned || B.Failed)")
        let outcomes = [
            "A": TaskOutcome(node: NodeOutcome(name: "A", phase: .skipped)),
            "B": TaskOutcome(node: NodeOutcome(name: "B", phase: .failed)),
        ]
        #expect(try logic.shouldRun("C", given: outcomes))
        #expect(try logic.shouldRun("D", given: outcomes))
    }

    @Test("withSequence prints numbers with Go's format verbs, counting down when start > end")
    func sequence() throws {
        #expect(try LoopSequence.items(["count": "3", "format": "id-%02d"]) == ["id-00", "id-01", "id-02"])
        #expect(try LoopSequence.items(["start": 5, "end": 3]) == ["5", "4", "3"])
        #expect(try LoopSequence.items(["start": "1", "end": "3", "format": "%x"]) == ["1", "2", "3"])
        #expect(throws: ExpressionError.self) { try LoopSequence.items(["start": "1"]) }
    }

    @Test("loop items: objects give item.key and a sorted key:value name; lists print like Go")
    func items() {
        let object = LoopExpansion.item(["port": 80, "host": "a(b)"], index: 0, name: "call")
        #expect(object.name == "call(0:host:ab,port:80)")
        #expect(object.values["item.host"] == "a(b)")
        #expect(object.values["item.port"] == "80")
        #expect(object.values["item"] == #"{"host":"a(b)","port":80}"#)
        let list = LoopExpansion.item(["x", 1], index: 2, name: "call")
        #expect(list.name == "call(2:[x 1])")
        #expect(list.values["item"] == #"["x",1]"#)
        #expect(LoopExpansion.item(true, index: 1, name: "n").name == "n(1:true)")
    }
}
