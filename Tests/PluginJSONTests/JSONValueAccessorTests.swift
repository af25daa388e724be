import Testing
import PluginJSON

@Suite("JSONValue accessors and literals")
struct JSONValueAccessorTests {
    let value: JSONValue = ["name": "x", "count": 3, "ratio": 0.5, "on": true, "list": [1, "a"], "none": nil]

    @Test("subscripts and typed accessors read the matching case only")
    func accessors() {
        #expect(value["name"]?.stringValue == "x")
        #expect(value["count"]?.doubleValue == 3)
        #expect(value["ratio"]?.doubleValue == 0.5)
        #expect(value["on"]?.boolValue == true)
        #expect(value["list"]?.arrayValue?.count == 2)
        #expect(value["none"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["name"]?.boolValue == nil)
        #expect(JSONValue.string("x")["name"] == nil)
    }

    @Test("a repeated key in a dictionary literal keeps the last value")
    func repeatedKey() {
        let object: JSONValue = ["a": 1, "a": 2]
        #expect(object["a"] == .integer(2))
    }
}
