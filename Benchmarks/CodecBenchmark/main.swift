// Times decoding (and re-encoding) of the bench kit's request bodies with PluginJSON and with Foundation.
//
//   swift run -c release CodecBenchmark [seconds-per-measurement]
//
// For each body: decode into the typed model (`ExecuteTemplateArgs`, or `NodePreExecuteArgs` for preexec) with
// Foundation's JSONDecoder and with PluginJSONDecoder (results must be equal), parse into `JSONValue`, and encode
// the model with JSONEncoder (.sortedKeys, .withoutEscapingSlashes) and PluginJSONEncoder. Prints the best of five
// rounds in µs per operation.
import ArgoModels
import Foundation
import PluginJSON

let bodiesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("bodies")

// `CodecBenchmark profile <body> <iterations> [decode|encode|parse|foundation|foundation-encode]`: one operation in a loop, for
// perf/callgrind (instruction counts per call are stable where wall time is not).
if CommandLine.arguments.count >= 4 && CommandLine.arguments[1] == "profile" {
    let name = CommandLine.arguments[2]
    let iterations = Int(CommandLine.arguments[3]) ?? 1
    let operation = CommandLine.arguments.count > 4 ? CommandLine.arguments[4] : "decode"
    let bytes = [UInt8](try Data(contentsOf: bodiesDirectory.appendingPathComponent("\(name).json")))
    let data = Data(bytes)
    let decoder = PluginJSONDecoder()
    let encoder = PluginJSONEncoder()
    let foundation = JSONDecoder()
    let foundationEncoder = JSONEncoder()
    foundationEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    func loop<Model: Codable>(_ model: Model.Type) throws -> Int {
        var sink = 0
        let value = try decoder.decode(Model.self, from: bytes)
        for _ in 0..<iterations {
            switch operation {
            case "encode": sink &+= try encoder.encode(value).count
            case "parse": sink &+= try JSONValue(parsing: bytes).objectValue?.count ?? 0
            case "foundation": sink &+= try foundation.decode(Model.self, from: data) is Model ? 1 : 0
            case "foundation-encode": sink &+= try foundationEncoder.encode(value).count
            default: sink &+= try decoder.decode(Model.self, from: bytes) is Model ? 1 : 0
            }
        }
        return sink
    }
    let sink = name == "preexec" ? try loop(NodePreExecuteArgs.self) : try loop(ExecuteTemplateArgs.self)
    print("\(operation) ×\(iterations); \(sink)")
    exit(0)
}

let secondsPerMeasurement = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 0.2 : 0.2

/// Best-of-five µs per call of `body`, with the iteration count tuned to `secondsPerMeasurement`.
func measure(_ body: () throws -> Void) rethrows -> Double {
    var iterations = 1
    let clock = ContinuousClock()
    while true {
        let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
        if elapsed > .milliseconds(20) || iterations > 1 << 24 { break }
        iterations *= 4
    }
    let target = Int(Double(iterations) * secondsPerMeasurement / 0.02 / 4) + 1
    var best = Double.infinity
    for _ in 0..<5 {
        let elapsed = try clock.measure { for _ in 0..<target { try body() } }
        let micros = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
        best = min(best, micros / Double(target))
    }
    return best
}

func format(_ micros: Double) -> String {
    micros < 10 ? String(format: "%.2f", micros) : String(format: "%.1f", micros)
}

struct Row {
    var body: String
    var size: Int
    var values: [Double]
}

func run<Model: Codable & Equatable>(_ name: String, as model: Model.Type) throws -> Row {
    let data = try Data(contentsOf: bodiesDirectory.appendingPathComponent("\(name).json"))
    let bytes = [UInt8](data)
    let foundationDecoder = JSONDecoder()
    let foundationEncoder = JSONEncoder()
    foundationEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let decoder = PluginJSONDecoder()
    let encoder = PluginJSONEncoder()

    let reference = try foundationDecoder.decode(Model.self, from: data)
    let ours = try decoder.decode(Model.self, from: bytes)
    guard reference == ours else { fatalError("\(name): PluginJSONDecoder result differs from JSONDecoder's") }
    let reencoded = try decoder.decode(Model.self, from: try encoder.encode(ours))
    guard reencoded == ours else { fatalError("\(name): encode→decode does not round-trip") }

    var sink = 0
    let values = [
        try measure { sink &+= (try foundationDecoder.decode(Model.self, from: data)) == reference ? 1 : 0 },
        try measure { sink &+= (try decoder.decode(Model.self, from: bytes)) == reference ? 1 : 0 },
        try measure { sink &+= (try JSONSerialization.jsonObject(with: data) as? NSDictionary)?.count ?? 0 },
        try measure { sink &+= (try JSONValue(parsing: bytes)).objectValue?.count ?? 0 },
        try measure { sink &+= (try foundationEncoder.encode(reference)).count },
        try measure { sink &+= (try encoder.encode(reference)).count },
    ]
    if sink == 42 { print("") }
    return Row(body: name, size: bytes.count, values: values)
}

let headers = [
    "Foundation decode", "PluginJSON decode", "JSONSerialization", "JSONValue parse", "Foundation encode",
    "PluginJSON encode",
]
var rows: [Row] = []
rows.append(try run("hello", as: ExecuteTemplateArgs.self))
rows.append(try run("medium", as: ExecuteTemplateArgs.self))
rows.append(try run("large", as: ExecuteTemplateArgs.self))
rows.append(try run("preexec", as: NodePreExecuteArgs.self))

print("µs per operation, best of 5 rounds (\(secondsPerMeasurement) s each); models: ExecuteTemplateArgs, preexec: NodePreExecuteArgs")
print("| body | bytes | " + headers.joined(separator: " | ") + " | decode speed-up | encode speed-up |")
print("|---|---:|" + String(repeating: "---:|", count: headers.count + 2))
for row in rows {
    let cells = row.values.map(format)
    let decodeRatio = String(format: "%.1f×", row.values[0] / row.values[1])
    let encodeRatio = String(format: "%.1f×", row.values[4] / row.values[5])
    print("| \(row.body) | \(row.size) | " + cells.joined(separator: " | ") + " | \(decodeRatio) | \(encodeRatio) |")
}

// The reply HelloPlugin sends for every executed template.
let reply = ExecuteTemplateReply.succeeded(message: "Hello template!", outputs: Outputs().parameter("foo", "bar"))
let replyEncoder = JSONEncoder()
replyEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
let pluginReplyEncoder = PluginJSONEncoder()
var replySink = 0
let foundationReply = measure { replySink &+= (try? replyEncoder.encode(reply))?.count ?? 0 }
let pluginReply = measure { replySink &+= (try? pluginReplyEncoder.encode(reply))?.count ?? 0 }
print("")
print("hello reply \(String(decoding: try pluginReplyEncoder.encode(reply), as: UTF8.self))")
print("  encode: Foundation \(format(foundationReply)) µs, PluginJSON \(format(pluginReply)) µs"
    + String(format: " (%.1f×)", foundationReply / pluginReply))
if replySink == 42 { print("") }
