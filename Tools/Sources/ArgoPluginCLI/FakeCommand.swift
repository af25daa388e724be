import ArgumentParser
import Foundation
import PluginSDKTesting
import Yams

/// `argo-plugin fake [ROUTES] [--kubernetes WORKFLOW.yaml]`: the test kit's fake services as a process, for the
/// services a plugin calls while `argo-plugin simulate` drives it.
struct FakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake",
        abstract: "Serve fake HTTP services (and a fake Kubernetes API) for a plugin under `argo-plugin simulate`.",
        discussion: """
            ROUTES is a JSON or YAML list of routes, e.g.
              - {method: POST, path: /services/**, replies: [{status: 503}, {status: 200, text: ok}]}
              - {method: GET, path: /repos/*/*/pulls/*, json: {head: {sha: abc}}}
              - {path: /slow, delayMilliseconds: 3000}
              - {path: /flaky, drop: true}
            Point the plugin's base URL at the printed address. GET /_fake/requests lists what was received \
            (DELETE forgets it); --record FILE writes the same list when the process stops.

            --kubernetes WORKFLOW.yaml serves a Kubernetes API holding that Workflow (under whatever name the \
            plugin asks for, since simulate names workflows as Argo does) and prints the environment for \
            KubernetesConfiguration.fromEnvironment(). Stop with Ctrl-C or SIGTERM.
            """
    )

    @Argument(help: "The routes file (JSON or YAML).")
    var routes: String?

    @Option(help: "A Workflow YAML to serve from a fake Kubernetes API.")
    var kubernetes: String?

    @Option(help: "The address to bind (default 127.0.0.1).")
    var host = "127.0.0.1"

    @Option(help: "The port (default 0: any free port).")
    var port = 0

    @Option(help: "Write the received requests as JSON to this file on exit.")
    var record: String?

    func run() async throws {
        let service = try await FakeService.start(try loadRoutes(), host: host, port: port)
        Self.say("fake service listening on http://\(host):\(service.port)")
        var kubernetesFake: FakeKubernetes?
        if let kubernetes {
            let workflow = try Self.loadJSON(kubernetes)
            let fake = try await FakeKubernetes.start()
            let namespace = workflow["metadata"]?["namespace"]?.stringValue ?? "argo"
            fake.service.route(Self.anyNameWorkflowRoute(template: workflow, store: fake))
            let tokenFile = try fake.writeTokenFile(serviceAccount: "\(namespace):fake-executor-plugin")
            Self.say("fake Kubernetes API listening on \(fake.url); run the plugin with:")
            Self.say("  ARGO_PLUGIN_KUBERNETES_SERVER=\(fake.url) ARGO_PLUGIN_KUBERNETES_TOKEN_FILE=\(tokenFile) "
                + "ARGO_PLUGIN_KUBERNETES_NAMESPACE=\(namespace)")
            kubernetesFake = fake
        }
        await Self.waitForSignal()
        if let record {
            try Data(service.requestsJSON()).write(to: URL(fileURLWithPath: record))
        }
        await service.stop(grace: .seconds(1))
        await kubernetesFake?.service.stop(grace: .seconds(1))
    }

    /// The routes file, parsed; no file, no routes.
    func loadRoutes() throws -> [FakeRoute] {
        guard let routes else { return [] }
        let value = try Self.loadJSON(routes)
        do {
            return try JSONDecoder().decode([FakeRoute].self, from: JSONEncoder().encode(value))
        } catch {
            throw ValidationError("\(routes): not a list of routes: \(error)")
        }
    }

    /// A YAML or JSON file as a JSON value (YAML is a superset of JSON).
    static func loadJSON(_ path: String) throws -> JSONValue {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return json(from: try Yams.load(yaml: text) as Any)
    }

    private static func json(from value: Any) -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .integer(Int64(number))
        case let number as Double: return .number(number)
        case let list as [Any]: return .array(list.map(json(from:)))
        case let map as [String: Any]: return .object(map.mapValues(json(from:)))
        default: return .null
        }
    }

    /// Serves `template` as whatever workflow name is asked for (stored objects first).
    static func anyNameWorkflowRoute(template: JSONValue, store: FakeKubernetes) -> FakeRoute {
        .get("/apis/argoproj.io/v1alpha1/namespaces/*/workflows/*") { request in
            let parts = request.path.split(separator: "/").map(String.init)
            let (namespace, name) = (parts[4], parts[6])
            if let stored = store.object(group: "argoproj.io", resource: "workflows", namespace: namespace, name: name) {
                return .json(stored)
            }
            var metadata = template["metadata"]?.objectValue ?? [:]
            metadata["name"] = .string(name)
            metadata["namespace"] = .string(namespace)
            metadata["generateName"] = nil
            var object = template.objectValue ?? [:]
            object["metadata"] = .object(metadata)
            return .json(.object(object))
        }
    }

    /// One line on standard output, unbuffered, so a script reading it sees it at once.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Returns on SIGINT or SIGTERM.
    private static func waitForSignal() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "argo-plugin.fake.signals")
            let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
            let resumed = Box()
            for source in sources {
                source.setEventHandler {
                    guard !resumed.done else { return }
                    resumed.done = true
                    sources.forEach { $0.cancel() }
                    continuation.resume()
                }
                source.resume()
            }
        }
    }
}

/// Whether the signal wait has resumed. Only touched on the signal queue, which is serial.
private final class Box: @unchecked Sendable {
    var done = false
}
