@testable import AgentSimulator
import Testing

@Suite("simulate: when (govaluate) and depends/hooks (expr) expressions")
struct ExpressionTests {
    @Test("when: bare words are strings, numbers compare as numbers, && || ! =~ and parentheses", arguments: [
        ("Succeeded == Succeeded", true),
        ("foo != bar", true),
        ("False == True", false),
        ("true", true),
        ("5 > 3 && 2 <= 2", true),
        ("10 < 9", false),
        ("1.5 >= 1.25", true),
        ("apple < banana", true),
        ("!(a == a)", false),
        ("(a == b) || (c == c)", true),
        ("'hello world' == \"hello world\"", true),
        ("release-1 =~ '^release-[0-9]+$'", false),  // `-` after a word is subtraction, see the error test
        ("v12 =~ '^v[0-9]+$'", true),
        ("abc !~ 'z'", true),
        ("1 == '1'", false),
        ("3 + 4 == 7", true),
        ("foo + bar == foobar", true),
        ("tails in (heads, tails)", true),
    ])
    func when(expression: String, expected: Bool) throws {
        if expression.hasPrefix("release-1") {
            #expect(throws: ExpressionError.self) { try WhenCondition.evaluate(expression) }
            return
        }
        #expect(try WhenCondition.evaluate(expression) == expected)
    }

    @Test("when: Argo's error messages for what govaluate cannot evaluate", arguments: [
        ("hello world == x", "Invalid 'when' expression 'hello world == x': Cannot transition token types from VARIABLE [hello] to VARIABLE [world]"),
        ("a ==- b", "Invalid 'when' expression 'a ==- b': Invalid token: '==-' (hint: try wrapping the affected expression in quotes (\"))"),
        ("abc > 5", "Failed to evaluate 'when' expresion 'abc > 5': Value 'abc' cannot be used with the comparator '>', it is not a number"),
        ("v1.2 == v1.2", "Failed to evaluate 'when' expresion 'v1.2 == v1.2': No parameter 'v1' found."),
        ("yes", "Expected boolean evaluation for 'yes'. Got yes"),
        ("(a == a", "Invalid 'when' expression '(a == a': Unbalanced parenthesis"),
        ("a && true", "Failed to evaluate 'when' expresion 'a && true': Value 'a' cannot be used with the logical operator '&&', it is not a bool"),
    ])
    func whenErrors(expression: String, message: String) {
        #expect {
            try WhenCondition.evaluate(expression)
        } throws: { error in
            (error as? ExpressionError)?.message == message
        }
    }

    @Test("when: an empty condition runs the step")
    func emptyWhen() throws {
        #expect(try WhenCondition.evaluate(""))
    }

    @Test("expr: member access, indexing, and/or/not, ??, in, string operators")
    func expr() throws {
        let environment = ExprCondition.environment([
            "workflow.status": "Failed", "steps.my-step.status": "Succeeded", "inputs.parameters.n": "3",
        ])
        #expect(try ExprCondition.evaluate(#"workflow.status == "Failed""#, environment: environment))
        #expect(try ExprCondition.evaluate(#"steps["my-step"].status == 'Succeeded' and not (workflow.status == "Running")"#, environment: environment))
        // `??` binds tighter than `==` in expr.
        #expect(try ExprCondition.evaluate(#"workflow.missing ?? "x" == "x""#, environment: environment))
        #expect(try ExprCondition.evaluate(#"workflow.status in ["Failed", "Error"]"#, environment: environment))
        #expect(try ExprCondition.evaluate(#"workflow.status startsWith "Fa" && workflow.status matches "^F.*d$""#, environment: environment))
        #expect(try ExprCondition.evaluate("1 + 2 * 3 == 7 && 2 ** 3 == 8", environment: [:]))
        #expect(try ExprCondition.evaluate("true ? false : true", environment: [:]) == false)
    }

    @Test("expr: unknown names are errors; functions are named as not evaluated")
    func exprErrors() {
        #expect {
            try ExprCondition.evaluate("nope == 1", environment: [:])
        } throws: { error in
            (error as? ExpressionError)?.message == "unable to evaluate expression 'nope == 1': unknown name nope"
        }
        #expect {
            try ExprCondition.evaluate("asInt(x) > 1", environment: ["x": .string("2")])
        } throws: { error in
            (error as? ExpressionError)?.unsupported == true
        }
    }
}
