extension Plugin {
    /// The methods this plugin serves: one for each handler protocol it adopts (``TemplateExecutor``, through
    /// ``TemplatePlugin`` or directly, and the hook protocols such as ``NodePreExecuteHook``).
    ///
    /// Every other method answers 404, which tells Argo never to call it again. The server logs this set when it
    /// starts and refuses to start when it is empty; the test kit checks that the rest answer 404.
    ///
    /// ```swift
    /// struct Greeter: ParametersAddHook, WorkflowPreOperateHook { ... }
    /// Greeter().servedMethods   // [.parametersAdd, .workflowPreOperate]
    /// ```
    public var servedMethods: Set<PluginMethod> { PluginHandlers(self).methods }
}
