import Foundation
import Logging
import PluginKubernetes
import PluginSDKTesting
import Testing

/// The Kubernetes client against the test kit's FakeKubernetes.
@Suite("KubernetesClient")
struct KubernetesClientTests {
    static let workflow = Workflow(
        metadata: ObjectMeta(name: "build-42", namespace: "argo", uid: "wf-uid-1"),
        unknownFields: [
            "spec": ["entrypoint": "main", "serviceAccountName": "ci"],
            "status": ["phase": "Running", "nodes": ["build-42": ["phase": "Running"]]],
        ])

    func context() -> PluginContext {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return PluginContext(
            method: .templateExecute, workflowName: "build-42", namespace: "argo", workflowUID: "wf-uid-1",
            logger: logger)
    }

    /// Runs `body` with a client aimed at a fresh fake holding ``workflow``.
    func withKubernetes(_ body: (KubernetesClient, FakeKubernetes) async throws -> Void) async throws {
        let fake = try await FakeKubernetes.start(workflows: [Self.workflow])
        let configuration = KubernetesConfiguration(
            server: fake.url, tokenFile: try fake.writeTokenFile(serviceAccount: "argo:ci-executor-plugin"),
            namespace: "argo")
        do {
            try await body(try KubernetesClient(configuration), fake)
        } catch {
            await fake.service.stop()
            throw error
        }
        await fake.service.stop()
    }

    @Test("reads the call's whole Workflow, spec and status kept, with the service account's token")
    func workflowRead() async throws {
        try await withKubernetes { kubernetes, fake in
            let workflow = try await kubernetes.workflow(for: context())
            #expect(workflow == Self.workflow)
            #expect(workflow.unknownFields["status"]?["phase"] == "Running")
            let request = try #require(fake.service.requests.first)
            #expect(request.path == "/apis/argoproj.io/v1alpha1/namespaces/argo/workflows/build-42")
            #expect(request.header("Authorization")?.hasSuffix(".fake-kubernetes-token") == true)
        }
    }

    @Test("creates an object owned by the workflow, then gets and lists it by label")
    func createGetList() async throws {
        try await withKubernetes { kubernetes, fake in
            let owner = try kubernetes.ownerReference(for: context())
            #expect(owner == ["apiVersion": "argoproj.io/v1alpha1", "kind": "Workflow", "name": "build-42", "uid": "wf-uid-1"])
            let created = try await kubernetes.create(
                .configMaps,
                ["metadata": ["name": "result", "labels": ["app": "x"], "ownerReferences": [owner]], "data": ["k": "v"]],
                context: context())
            #expect(created["metadata"]?["uid"]?.stringValue?.isEmpty == false)
            #expect(fake.writes.map(\.verb) == ["create"])
            #expect(fake.writes.first?.resource == "configmaps")
            let read = try await kubernetes.get(.configMaps, name: "result", context: context())
            #expect(read["data"]?["k"] == "v")
            let list = try await kubernetes.list(.configMaps, labelSelector: "app=x", context: context())
            #expect(list["items"]?.arrayValue?.count == 1)
            let none = try await kubernetes.list(.configMaps, labelSelector: "app=y", context: context())
            #expect(none["items"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("merge and JSON patches are sent with their content types and applied")
    func patches() async throws {
        try await withKubernetes { kubernetes, fake in
            _ = try await kubernetes.patch(
                .workflows, name: "build-42", .merge(["metadata": ["labels": ["stage": "done"]]]), context: context())
            let patched = try await kubernetes.patch(
                .workflows, name: "build-42",
                .json([["op": "add", "path": "/metadata/annotations", "value": ["example.com/note": "hi"]]]),
                context: context())
            #expect(patched["metadata"]?["labels"]?["stage"] == "done")
            #expect(patched["metadata"]?["annotations"]?["example.com/note"] == "hi")
            #expect(fake.writes.map { $0.contentType ?? "" } == ["application/merge-patch+json", "application/json-patch+json"])
        }
    }

    @Test("a 403 names the service account, the verb and the resource that were refused")
    func forbidden() async throws {
        try await withKubernetes { kubernetes, fake in
            fake.forbid("create", "configmaps")
            do {
                _ = try await kubernetes.create(.configMaps, ["metadata": ["name": "x"]], context: context())
                Issue.record("expected a refusal")
            } catch let error as KubernetesError {
                #expect(error.isAccessDenied)
                #expect(error.description.hasPrefix(
                    "Kubernetes refused to let service account argo:ci-executor-plugin create configmaps in namespace argo (HTTP 403)"))
                #expect(error.description.contains("Role rule for verb 'create' on 'configmaps'"))
            }
            #expect(fake.writes.isEmpty)
        }
    }

    @Test("a wrong token is a 401 that names the service account")
    func unauthorized() async throws {
        let fake = try await FakeKubernetes.start(workflows: [Self.workflow], token: "right")
        let tokenFile = try FakeKubernetes.writeTokenFile(token: "wrong", serviceAccount: "argo:ci-executor-plugin")
        let kubernetes = try KubernetesClient(KubernetesConfiguration(server: fake.url, tokenFile: tokenFile, namespace: "argo"))
        await #expect {
            _ = try await kubernetes.workflow(for: context())
        } throws: { error in
            (error as? KubernetesError)?.status == 401
                && "\(error)".contains("service account argo:ci-executor-plugin get workflows.argoproj.io build-42")
        }
        await fake.service.stop()
    }

    @Test("a missing object is NotFound with the API server's message; a 503 is transient")
    func notFoundAndTransient() async throws {
        try await withKubernetes { kubernetes, fake in
            await #expect {
                _ = try await kubernetes.get(.secrets, name: "nope", context: context())
            } throws: { error in
                (error as? KubernetesError)?.isNotFound == true && "\(error)".contains(#"secrets "nope" not found"#)
            }
            fake.service.route(.get("/api/v1/namespaces/argo/pods/**", .status(503)))
            await #expect(throws: TransientError.self) {
                _ = try await kubernetes.get(.pods, name: "p", context: context())
            }
        }
    }
}
