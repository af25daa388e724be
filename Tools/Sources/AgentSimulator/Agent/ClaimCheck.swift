/// Finds templates that two plugins would both execute.
///
/// Argo's agent asks its plugins in the pod's random order and the first to return a node wins, so a template
/// that two plugins claim is executed by one or the other depending on the order: a bug that only shows on some
/// pods. After the winning plugin answers, the simulator asks the plugins after it once per template (a probe
/// Argo would not make, made off the node's timeline) and warns when another one returns a node too.
actor ClaimCheck {
    private var probed: Set<String> = []
    private var probes: [Task<Void, Never>] = []
    /// One line per template two plugins claim.
    private(set) var warnings: [String] = []

    /// Whether `template` still needs its probe; true once per template name.
    func claimProbe(for template: String) -> Bool {
        probed.insert(template).inserted
    }

    /// Keeps a running probe so the simulation can wait for it before reporting.
    func track(_ probe: Task<Void, Never>) {
        probes.append(probe)
    }

    func warn(_ warning: String) {
        if !warnings.contains(warning) { warnings.append(warning) }
    }

    /// Waits for every probe started so far.
    func finish() async {
        while !probes.isEmpty {
            let running = probes
            probes = []
            for probe in running { await probe.value }
        }
    }
}
