/// Everything a simulation records while branches run concurrently: nodes, notes on what was not evaluated,
/// placeholders that stayed unresolved.
actor RunLedger {
    private var nodes: [NodePath: SimulatedNode] = [:]
    private var childCounts: [NodePath: Int] = [:]
    private var notes: [String] = []
    private var unresolvedNames: Set<String> = []

    /// Records `node` as the next child of `parent` (nil: a top-level node) and returns its path.
    func open(under parent: NodePath?, _ node: SimulatedNode) -> NodePath {
        let base = parent ?? []
        let position = childCounts[base, default: 0]
        childCounts[base] = position + 1
        let path = base + [position]
        nodes[path] = node
        return path
    }

    func update(_ path: NodePath, _ change: @Sendable (inout SimulatedNode) -> Void) {
        guard var node = nodes[path] else { return }
        change(&node)
        nodes[path] = node
    }

    func node(at path: NodePath) -> SimulatedNode? { nodes[path] }

    /// Something the simulator did not evaluate; the run is then partial. Repeats are dropped.
    func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    func unresolved(_ names: some Sequence<String>) {
        unresolvedNames.formUnion(names)
    }

    /// The nodes, parents before children, siblings in the order they were created.
    var ordered: [SimulatedNode] {
        nodes.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { nodes[$0] }
    }

    var notEvaluated: [String] { notes }
    var unresolved: [String] { unresolvedNames.sorted() }
}
