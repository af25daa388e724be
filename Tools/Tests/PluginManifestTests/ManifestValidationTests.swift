import PluginManifest
import Testing

/// Every way `plugin.yaml` is rejected, each naming the field at fault.
@Suite("plugin.yaml validation")
struct ManifestValidationTests {
    /// Parses `yaml` expecting failure and returns the error.
    private func rejection(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> ManifestError? {
        do {
            _ = try ExecutorPluginManifest(yaml: yaml)
            Issue.record("expected the manifest to be rejected", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("The template manifest itself is valid")
    func templateIsValid() throws {
        let manifest = try ExecutorPluginManifest(yaml: Fixtures.manifest())
        #expect(manifest.name == "demo")
        #expect(manifest.port == 7000)
    }

    @Test("A container without ports is rejected with Argo's message")
    func noPorts() {
        let yaml = Fixtures.manifest { $0.contains("ports:") || $0.contains("containerPort") ? nil : $0 }
        let error = rejection(yaml)
        #expect(error?.field == "spec.sidecar.container.ports")
        #expect(error?.message == "at least one port is mandatory")
        #expect(error?.line == 7, "points at the container, the deepest node that exists")
    }

    @Test("An empty port list is rejected like a missing one")
    func emptyPorts() {
        let yaml = Fixtures.manifest {
            $0.contains("containerPort") ? nil : $0.replacingOccurrences(of: "ports:", with: "ports: []")
        }
        #expect(rejection(yaml)?.message == "at least one port is mandatory")
    }

    @Test("Missing resource requests are rejected")
    func noRequests() {
        let yaml = Fixtures.manifest { $0.contains("requests:") || $0.contains("memory: 32Mi") ? nil : $0 }
        let error = rejection(yaml)
        #expect(error?.field == "spec.sidecar.container.resources.requests")
        #expect(error?.message == "resources requests are mandatory")
    }

    @Test("Missing resource limits are rejected")
    func noLimits() {
        let yaml = Fixtures.manifest { $0.contains("limits:") || $0.contains("memory: 64Mi") ? nil : $0 }
        let error = rejection(yaml)
        #expect(error?.field == "spec.sidecar.container.resources.limits")
        #expect(error?.message == "resources limits are mandatory")
    }

    @Test("A missing security context is rejected")
    func noSecurityContext() {
        let yaml = Fixtures.manifest { $0.contains("securityContext") || $0.contains("runAsUser") ? nil : $0 }
        let error = rejection(yaml)
        #expect(error?.field == "spec.sidecar.container.securityContext")
        #expect(error?.message == "security context is mandatory")
    }

    @Test("Another kind is rejected", arguments: ["kind: WorkflowTemplate", "kind: executorplugin"])
    func wrongKind(line: String) {
        let error = rejection(Fixtures.manifest { $0 == "kind: ExecutorPlugin" ? line : $0 })
        #expect(error?.field == "kind")
        #expect(error?.message.hasPrefix("must be \"ExecutorPlugin\"") == true)
        #expect(error?.line == 2)
    }

    @Test("A missing kind is rejected")
    func missingKind() {
        #expect(rejection(Fixtures.manifest { $0.hasPrefix("kind:") ? nil : $0 })?.field == "kind")
    }

    @Test("Another apiVersion is rejected")
    func wrongAPIVersion() {
        let yaml = Fixtures.manifest { $0.hasPrefix("apiVersion") ? "apiVersion: argoproj.io/v1" : $0 }
        #expect(rejection(yaml)?.field == "apiVersion")
    }

    @Test(
        "Names that make invalid Kubernetes names are rejected",
        arguments: ["Demo", "demo_plugin", "-demo", "demo-", "a..b", String(repeating: "a", count: 240)])
    func invalidName(name: String) {
        let error = rejection(Fixtures.manifest { $0 == "  name: demo" ? "  name: \(name)" : $0 })
        #expect(error?.field == "metadata.name")
    }

    @Test("A missing name is rejected")
    func missingName() {
        let error = rejection(Fixtures.manifest { $0 == "  name: demo" ? "  namespace: argo" : $0 })
        #expect(error?.field == "metadata.name")
        #expect(error?.message == "is mandatory")
    }

    @Test("An invalid container name is rejected", arguments: ["Demo", String(repeating: "a", count: 64), "a.b"])
    func invalidContainerName(name: String) {
        let yaml = Fixtures.manifest { $0.contains("name: demo-executor-plugin") ? "      name: \(name)" : $0 }
        #expect(rejection(yaml)?.field == "spec.sidecar.container.name")
    }

    @Test("A container without a name is rejected")
    func missingContainerName() {
        let error = rejection(Fixtures.manifest { $0.contains("name: demo-executor-plugin") ? nil : $0 })
        #expect(error?.field == "spec.sidecar.container.name")
        #expect(error?.message == "must not be empty")
    }

    @Test("A first port outside 1...65535 is rejected", arguments: [0, 65536])
    func portOutOfRange(port: Int) {
        let yaml = Fixtures.manifest { $0.contains("containerPort") ? "        - containerPort: \(port)" : $0 }
        #expect(rejection(yaml)?.field == "spec.sidecar.container.ports[0].containerPort")
    }

    @Test("An unknown top-level field is rejected with its path and line")
    func unknownTopLevelField() {
        let error = rejection(Fixtures.manifest() + "\nstatus: {}")
        #expect(error?.field == "status")
        #expect(error?.message == "unknown field \"status\"")
        #expect(error?.line == 19)
    }

    @Test("A misspelt field deep inside the container is rejected with its full path")
    func unknownNestedField() {
        let yaml = Fixtures.manifest { $0.contains("runAsUser") ? "          runAsUsr: 8737" : $0 }
        let error = rejection(yaml)
        #expect(error?.field == "spec.sidecar.container.securityContext.runAsUsr")
        #expect(error?.line == 18)
        #expect(error?.description == "line 18: spec.sidecar.container.securityContext.runAsUsr: unknown field \"runAsUsr\"")
    }

    @Test("A misspelt field inside a list item names the index")
    func unknownFieldInListItem() {
        let yaml = Fixtures.manifest { $0.contains("containerPort") ? "        - containerPrt: 7000" : $0 }
        #expect(rejection(yaml)?.field == "spec.sidecar.container.ports[0].containerPrt")
    }

    @Test("A quoted or non-numeric port is a type error", arguments: ["\"7000\"", "http"])
    func portNotAnInteger(value: String) {
        let yaml = Fixtures.manifest { $0.contains("containerPort") ? "        - containerPort: \(value)" : $0 }
        let error = rejection(yaml)
        #expect(error?.field == "spec.sidecar.container.ports[0].containerPort")
        #expect(error?.message.hasPrefix("expected an integer") == true)
    }

    @Test("Ports given as a mapping instead of a list are a type error")
    func portsNotAList() {
        let yaml = Fixtures.manifest { $0.contains("containerPort") ? "          containerPort: 7000" : $0 }
        let error = rejection(yaml)
        #expect(error?.field == "spec.sidecar.container.ports")
        #expect(error?.message == "expected a list, got a mapping")
    }

    @Test("A malformed quantity is rejected", arguments: ["64MB", "lots", "1.2.3"])
    func badQuantity(value: String) {
        let yaml = Fixtures.manifest { $0.contains("memory: 64Mi") ? "              memory: \(value)" : $0 }
        #expect(rejection(yaml)?.field == "spec.sidecar.container.resources.limits.memory")
    }

    @Test("A non-boolean automountServiceAccountToken is a type error")
    func automountNotBoolean() {
        let yaml = Fixtures.manifest { $0 == "    container:" ? "    automountServiceAccountToken: \"yes\"\n    container:" : $0 }
        #expect(rejection(yaml)?.field == "spec.sidecar.automountServiceAccountToken")
    }

    @Test("A type label other than ExecutorPlugin is rejected")
    func typeLabelOverride() {
        let yaml = Fixtures.manifest {
            $0 == "  name: demo" ? "  name: demo\n  labels:\n    workflows.argoproj.io/configmap-type: Other" : $0
        }
        #expect(rejection(yaml)?.field == "metadata.labels")
    }

    @Test("Empty input, invalid YAML and duplicate keys are rejected")
    func malformedDocuments() {
        #expect(rejection("")?.message == "the file is empty")
        #expect(rejection("kind: [unclosed")?.message.hasPrefix("not valid YAML") == true)
        #expect(rejection(Fixtures.manifest() + "\nkind: ExecutorPlugin")?.message.hasPrefix("not valid YAML") == true)
        #expect(rejection("- a list")?.message == "expected a mapping, got a list")
    }
}
