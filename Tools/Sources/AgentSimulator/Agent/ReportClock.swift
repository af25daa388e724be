/// The agent's patch tick (`ARGO_AGENT_PATCH_RATE`, Argo's `DEFAULT_REQUEUE_TIME`, 10 s by default).
///
/// Argo's agent does not report a result when a call ends: its patch worker collects results and writes them to
/// the WorkflowTaskSet when a `time.Ticker` started with the agent fires, so the controller sees every result of
/// one interval together, at the tick. The simulator holds each result back to the next tick the same way; a
/// zero period reports at once.
struct ReportClock: Sendable {
    /// When the agent started (the ticker's start).
    let origin: ContinuousClock.Instant
    /// The interval between ticks.
    let period: Swift.Duration

    init(period: Swift.Duration, origin: ContinuousClock.Instant = .now) {
        self.origin = origin
        self.period = period
    }

    /// The first tick strictly after `instant`.
    func tick(after instant: ContinuousClock.Instant) -> ContinuousClock.Instant {
        guard period > .zero else { return instant }
        let elapsed = instant - origin
        let ticks = Int64((elapsed / period).rounded(.down)) + 1
        return origin + period * ticks
    }

    /// Sleeps until the next tick: the moment the controller would see a result that is ready now.
    func waitForTick() async {
        guard period > .zero else { return }
        try? await Task.sleep(until: tick(after: .now), clock: .continuous)
    }
}
