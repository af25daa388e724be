/// Why a simulation could not start: the workflow file, the plugins or the tokens are unusable.
///
/// A plugin that fails *during* the simulation is not an error of this kind: it fails its node, as in Argo.
public struct SimulationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A readable, actionable message.
    public var description: String

    /// Creates the error.
    public init(_ description: String) {
        self.description = description
    }
}
