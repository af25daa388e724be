/// Defaults shared by every fixture, so tests that do not care about identity never spell it out.
public enum FixtureDefaults {
    /// `test-workflow`.
    public static let workflowName = "test-workflow"
    /// `argo`.
    public static let namespace = "argo"
    /// A fixed UID, so idempotency keys in tests are stable.
    public static let workflowUID = "0b6c2b3e-5d7a-4c1e-9f00-000000000001"
    /// `main`.
    public static let templateName = "main"
}
