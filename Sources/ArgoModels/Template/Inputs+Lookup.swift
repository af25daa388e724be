extension Inputs {
    /// The input parameter named `name`, if any.
    ///
    /// ```swift
    /// args.template.inputs?.parameter(named: "channel")?.value
    /// ```
    public func parameter(named name: String) -> Parameter? {
        parameters?.first { $0.name == name }
    }

    /// The value of the input parameter named `name`, falling back to its `default`; `nil` when the parameter
    /// is missing or has neither.
    ///
    /// ```swift
    /// let channel = args.template.inputs?.value(of: "channel") ?? "#general"
    /// ```
    public func value(of name: String) -> String? {
        guard let parameter = parameter(named: name) else { return nil }
        return (parameter.value ?? parameter.default)?.string
    }

    /// The input artifact named `name`, if any.
    public func artifact(named name: String) -> Artifact? {
        artifacts?.first { $0.name == name }
    }
}
