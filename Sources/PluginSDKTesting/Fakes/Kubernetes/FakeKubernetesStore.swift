/// What ``FakeKubernetes`` does with a request once auth and `forbid` rules passed: the object store's logic.
enum FakeKubernetesStore {
    static func apply(
        verb: String, target: APITarget, request: RecordedRequest, state objects: inout [String: JSONValue],
        created: inout Int, record: (FakeKubernetes.Write) -> Void
    ) -> FakeReply {
        let body = request.json
        func key(_ name: String) -> String {
            FakeKubernetes.key(target.group, target.resource, target.namespace, name)
        }
        func notFound(_ name: String) -> FakeReply {
            KubernetesStatus.reply(404, "NotFound", "\(target.rbacResource) \"\(name)\" not found")
        }
        func written(_ name: String) {
            record(
                FakeKubernetes.Write(
                    verb: verb, resource: target.rbacResource, namespace: target.namespace, name: name,
                    subresource: target.subresource, contentType: request.header("Content-Type"), body: body))
        }
        switch verb {
        case "get":
            guard let name = target.name, let object = objects[key(name)] else { return notFound(target.name ?? "") }
            return .json(object)
        case "list":
            let prefix = FakeKubernetes.key(target.group, target.resource, target.namespace, "")
            let selector = request.queryValue("labelSelector").map(labelTerms) ?? [:]
            let items = objects.filter { $0.key.hasPrefix(prefix) }.sorted { $0.key < $1.key }.map(\.value)
                .filter { object in selector.allSatisfy { object["metadata"]?["labels"]?[$0.key]?.stringValue == $0.value } }
            return .json(["kind": "List", "apiVersion": "v1", "metadata": [:], "items": .array(items)])
        case "create":
            guard var object = body, case .object = object else {
                return KubernetesStatus.reply(400, "BadRequest", "the body is not a JSON object")
            }
            created += 1
            var metadata = object["metadata"]?.objectValue ?? [:]
            if metadata["name"] == nil, let prefix = metadata["generateName"]?.stringValue {
                metadata["name"] = .string(prefix + String(created, radix: 36).leftPadded(to: 5))
            }
            guard let name = metadata["name"]?.stringValue else {
                return KubernetesStatus.reply(422, "Invalid", "metadata.name: Required value")
            }
            guard objects[key(name)] == nil else {
                return KubernetesStatus.reply(409, "AlreadyExists", "\(target.rbacResource) \"\(name)\" already exists")
            }
            if let namespace = target.namespace { metadata["namespace"] = .string(namespace) }
            metadata["uid"] = .string("00000000-0000-4000-8000-\(String(created).leftPadded(to: 12))")
            metadata["resourceVersion"] = .string(String(created))
            object = object.setting("metadata", .object(metadata))
            objects[key(name)] = object
            written(name)
            return .json(object, status: 201)
        case "patch", "update":
            guard let name = target.name, let existing = objects[key(name)] else { return notFound(target.name ?? "") }
            guard let body else { return KubernetesStatus.reply(400, "BadRequest", "no body") }
            let result: JSONValue?
            if verb == "update" {
                result = body
            } else if request.header("Content-Type")?.hasPrefix("application/json-patch+json") == true {
                result = JSONPatch.apply(body.arrayValue ?? [], to: existing)
            } else {
                result = JSONPatch.merge(body, into: existing)
            }
            guard let result else { return KubernetesStatus.reply(422, "Invalid", "the JSON patch does not apply") }
            objects[key(name)] = result
            written(name)
            return .json(result)
        case "delete":
            guard let name = target.name, objects.removeValue(forKey: key(name)) != nil else {
                return notFound(target.name ?? "")
            }
            written(name)
            return KubernetesStatus.reply(200, "", "deleted")
        default:
            return KubernetesStatus.reply(405, "MethodNotAllowed", "\(request.method) is not supported by the fake")
        }
    }

    /// `a=b,c==d` as a dictionary (only equality terms).
    private static func labelTerms(_ selector: String) -> [String: String] {
        var terms: [String: String] = [:]
        for term in selector.split(separator: ",") {
            let parts = term.replacing("==", with: "=").split(separator: "=", maxSplits: 1)
            if parts.count == 2 { terms[String(parts[0])] = String(parts[1]) }
        }
        return terms
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

extension JSONValue {
    /// A copy with member `key` set (objects only).
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
