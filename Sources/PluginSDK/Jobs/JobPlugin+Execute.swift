import ArgoModels

extension JobPlugin {
    /// The job loop (see ``JobPlugin``): starts the job once, then polls it on every call until it ends, and fails
    /// and cancels it when the template's `timeout` passes.
    ///
    /// Called outside the SDK's runtime and test client (directly, with a ``PluginContext`` of your own), every
    /// call is a first call: the job starts and is polled once. Test the loop through `PluginTestClient`.
    public func execute(_ parameters: Parameters, context: PluginContext) async throws -> ExecuteTemplateReply {
        let driver: JobDriver
        if let given = context.jobs, given.plugin == ObjectIdentifier(Self.self) {
            driver = given
        } else {
            driver = try JobDriver.make(self, stateDirectory: nil, ttl: .seconds(3600), logger: context.logger)
        }
        return try await JobCall(plugin: self, driver: driver, context: context).run(parameters)
    }
}
