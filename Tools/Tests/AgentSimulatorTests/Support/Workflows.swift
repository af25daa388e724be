import AgentSimulator

/// Workflow YAML used by the simulator tests.
enum Workflows {
    /// One plugin template as the entrypoint.
    static func single(plugin: String = "hello", config: String = "{}") -> String {
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          generateName: sim-
          namespace: ci
        spec:
          entrypoint: main
          templates:
            - name: main
              plugin:
                \(plugin): \(config)
        """
    }

    /// Agent timing for tests: real backoff shape, 100× faster, short timeout.
    static func fastTiming(timeout: Duration = .seconds(5)) -> AgentTiming {
        var timing = AgentTiming()
        timing.waitScale = 0.01
        timing.callTimeout = timeout
        return timing
    }
}
