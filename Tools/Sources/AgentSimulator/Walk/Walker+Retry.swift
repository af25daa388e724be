import ArgoModels

extension Walker {
    /// A template under a `retryStrategy`, as Argo's retry node (`processNodeRetries`): attempts `name(0)`,
    /// `name(1)`, ...; after a failed attempt the backoff is waited first (when `limit` is set), then the policy,
    /// the limit ("No more retries left") and the expression decide; the retry node ends with the last attempt's
    /// phase. Waits are scaled like every other (`--fast`).
    func withRetries(
        _ rawStrategy: JSONValue, template: JSONValue, scope: Scope, name: String, path: NodePath, site: CallSite
    ) async -> NodeOutcome {
        let rules: RetryRules
        do throws(BindingError) {
            rules = try RetryRules(scope.substitute(rawStrategy).0)
        } catch {
            return await fail(path, .error(name, error.message))
        }
        await ledger.update(path) {
            $0.kind = .retry
            $0.phase = .running
        }
        await site.observer?(.running)
        let started = ContinuousClock.now
        var attempts: [NodeOutcome] = []
        var attemptSite = site
        attemptSite.observer = nil
        while true {
            let attemptName = "\(name)(\(attempts.count))"
            let attemptPath = await open(attemptName, template: template["name"]?.stringValue ?? "", under: path)
            var attemptScope = scope
            attemptScope.values["retries"] = String(attempts.count)
            let last = attempts.last
            attemptScope.values["lastRetry.exitCode"] = last?.outputs?.exitCode ?? "0"
            attemptScope.values["lastRetry.status"] = last?.phase.rawValue ?? ""
            attemptScope.values["lastRetry.duration"] = "0"
            attemptScope.values["lastRetry.message"] = last?.message ?? ""
            let outcome = await run(template, scope: attemptScope, name: attemptName, path: attemptPath, site: attemptSite)
            attempts.append(outcome)
            if outcome.stuck {
                return await finish(path, NodeOutcome(name: name, phase: .running, stuck: true))
            }
            guard outcome.failedOrError else {
                let done = NodeOutcome(name: name, phase: outcome.phase, outputs: outcome.outputs, notSimulated: outcome.notSimulated)
                await site.observer?(done.phase)
                return await finish(path, done)
            }
            if let stop = await nextRetry(rules, attempts: attempts, started: started, name: name) {
                let done = NodeOutcome(name: name, phase: stop.phase, message: stop.message, outputs: outcome.outputs)
                await site.observer?(done.phase)
                return await finish(path, done)
            }
        }
    }

    /// Waits for the backoff if there is one and returns nil to retry, or the phase and message to end with.
    func nextRetry(_ rules: RetryRules, attempts: [NodeOutcome], started: ContinuousClock.Instant, name: String)
        async -> (phase: NodePhase, message: String?)?
    {
        let last = attempts[attempts.count - 1]
        if let backoff = rules.backoff {
            let deadline = backoff.maxDuration.map { started + timing.scaled($0) }
            if let deadline, ContinuousClock.now > deadline { return (last.phase, "Max duration limit exceeded") }
            guard let wait = rules.wait(afterAttempts: attempts.count).map(timing.scaled) else {
                return (.error, "no base duration specified for retryStrategy")
            }
            if let deadline, ContinuousClock.now + wait > deadline {
                return (last.phase, "Backoff would exceed max duration limit")
            }
            if let limit = rules.limit, attempts.count <= limit {
                progress("  … \(name): attempt \(attempts.count - 1) \(last.phase.rawValue); backoff \(AgentRPC.format(wait))")
                try? await Task.sleep(for: wait)
            }
        }
        guard rules.allows(last.phase, message: last.message, transientPattern: transientPattern) else {
            return (last.phase, last.message)
        }
        if let limit = rules.limit, attempts.count > limit { return (last.phase, "No more retries left") }
        if rules.limit == nil, attempts.count >= 100 {
            await ledger.note("\(name): retryStrategy has no limit; Argo would retry for ever, the simulator stopped after 100 attempts")
            return (last.phase, "No more retries left")
        }
        if let expression = rules.expression {
            var values = ["retries": String(attempts.count - 1), "lastRetry.exitCode": last.outputs?.exitCode ?? "-1",
                "lastRetry.status": last.phase.rawValue, "lastRetry.duration": "0", "lastRetry.message": last.message ?? ""]
            values.merge(global) { old, _ in old }
            do throws(ExpressionError) {
                if try !ExprCondition.evaluate(expression, environment: ExprCondition.environment(values)) {
                    return (last.phase, "retryStrategy.expression evaluated to false")
                }
            } catch {
                guard error.unsupported else { return (.error, error.message) }
                await ledger.note("\(name): retryStrategy.expression '\(expression)' is not evaluated (\(error.message)); retried")
            }
        }
        progress("  ↻ \(name): retrying (attempt \(attempts.count) of \(rules.limit.map { String($0 + 1) } ?? "unlimited"))")
        return nil
    }
}
