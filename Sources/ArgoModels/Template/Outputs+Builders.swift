extension Outputs {
    /// These outputs with the parameter `name` set to `value`'s text: an existing parameter of that name gets
    /// the new value, otherwise the parameter is appended. Any value with a textual form works (`String`,
    /// `AnyString`, `Int`, `Bool`, ...).
    ///
    /// ```swift
    /// let outputs = Outputs().parameter("url", "https://example.com").parameter("count", 3)
    /// ```
    public func parameter(_ name: String, _ value: some CustomStringConvertible) -> Outputs {
        let value = AnyString(value.description)
        var copy = self
        var parameters = copy.parameters ?? []
        if let index = parameters.firstIndex(where: { $0.name == name }) {
            parameters[index].value = value
        } else {
            parameters.append(Parameter(name: name, value: value))
        }
        copy.parameters = parameters
        return copy
    }

    /// These outputs with ``result`` set to `value`.
    public func result(_ value: String) -> Outputs {
        var copy = self
        copy.result = value
        return copy
    }

    /// These outputs with `artifact` appended, or replacing an artifact of the same name.
    public func artifact(_ artifact: Artifact) -> Outputs {
        var copy = self
        var artifacts = copy.artifacts ?? []
        if let name = artifact.name, let index = artifacts.firstIndex(where: { $0.name == name }) {
            artifacts[index] = artifact
        } else {
            artifacts.append(artifact)
        }
        copy.artifacts = artifacts
        return copy
    }

    /// These outputs with an artifact named `name` at `path` added.
    public func artifact(_ name: String, path: String) -> Outputs {
        artifact(Artifact(name: name, path: path))
    }

    /// The output parameter named `name`, if any.
    public func parameter(named name: String) -> Parameter? {
        parameters?.first { $0.name == name }
    }
}
