import ArgoModels

extension ReferenceValidator {
    /// Argo's `validateDAG`: each task's template first, its dependencies defined, no cycle; then each task's
    /// references against every task's declared outputs plus its ancestors' statuses and loop aggregates, and
    /// `{{tasks.x...}}` arguments only from ancestors.
    mutating func validateDAG(_ template: JSONValue, scope: Set<String>, context: TemplateContext) throws(Rejection) {
        let name = template["name"]?.stringValue ?? ""
        let tasks = template["dag"]?["tasks"]?.arrayValue ?? []
        let logic = DependsLogic(tasks: tasks)
        let names = Set(tasks.compactMap { $0["name"]?.stringValue })
        var scope = scope
        var callees: [String: JSONValue] = [:]
        var wildcards: Set<String> = []
        for task in tasks {
            let taskName = task["name"]?.stringValue ?? ""
            let callee: (JSONValue, TemplateContext)?
            do throws(Rejection) {
                callee = try validate(holder: task, in: context)
            } catch {
                throw Rejection(message: "templates.\(name).tasks.\(taskName) \(error.message)")
            }
            if let callee { callees[taskName] = callee.0 } else { wildcards.insert("tasks.\(taskName).") }
            scope.formUnion(Self.outputs(of: callee?.0, prefix: "tasks.\(taskName)", aggregate: false))
            // Argo's message names the zero-value task here (a shadowed variable), so the task name is empty.
            for dependency in logic.dependencies[taskName] ?? [] where !names.contains(dependency) {
                throw Rejection(message: "templates.\(name).tasks. dependency '\(dependency)' not defined")
            }
        }
        try checkCycles(tasks, logic: logic, template: name)
        for task in tasks {
            let taskName = task["name"]?.stringValue ?? ""
            var taskScope = scope
            if task["hooks"] != nil { taskScope.insert("tasks.\(taskName).status") }
            let ancestry = ancestors(of: taskName, logic: logic)
            for ancestor in ancestry {
                let holder = tasks.first { $0["name"]?.stringValue == ancestor }
                let aggregate = holder?["withItems"] != nil || holder?["withParam"] != nil
                taskScope.formUnion(Self.outputs(of: callees[ancestor], prefix: "tasks.\(ancestor)", aggregate: aggregate))
                taskScope.insert("tasks.\(ancestor).status")
            }
            if let tag = unresolved(in: task, scope: taskScope, loop: LoopExpansion.loops(task), wildcards: wildcards).first {
                throw Rejection(message: "templates.\(name).tasks.\(taskName) failed to resolve {{\(tag)}}")
            }
            if let callee = callees[taskName], let missing = missingInput(callee, task) {
                throw Rejection(message: "templates.\(name).tasks.\(taskName) \(missing)")
            }
            for parameter in task["arguments"]?["parameters"]?.arrayValue ?? [] {
                guard let value = parameter["value"]?.stringValue, value.hasPrefix("{{tasks.") else { continue }
                let referenced = String(value.split(separator: ".")[1])
                if !ancestry.contains(referenced) {
                    throw Rejection(message: "templates.\(name).tasks.\(taskName) missing dependency '\(referenced)' "
                        + "for parameter '\(parameter["name"]?.stringValue ?? "")'")
                }
            }
        }
    }

    func ancestors(of task: String, logic: DependsLogic) -> Set<String> {
        var found: Set<String> = []
        var pending = [task]
        while let next = pending.popLast() {
            for dependency in logic.dependencies[next] ?? [] where found.insert(dependency).inserted {
                pending.append(dependency)
            }
        }
        return found
    }

    /// Argo's `verifyNoCycles`, with its message.
    func checkCycles(_ tasks: [JSONValue], logic: DependsLogic, template: String) throws(Rejection) {
        var visited: Set<String> = []
        func visit(_ task: String, _ cycle: inout [String]) throws(Rejection) {
            guard !visited.contains(task) else { return }
            for dependency in logic.dependencies[task] ?? [] {
                if cycle.contains(dependency) {
                    throw Rejection(message: "templates.\(template).tasks dependency cycle detected: "
                        + "\(cycle.joined(separator: "->"))->\(dependency)")
                }
                cycle.append(dependency)
                try visit(dependency, &cycle)
                cycle.removeLast()
            }
            visited.insert(task)
        }
        for task in tasks {
            var cycle: [String] = []
            try visit(task["name"]?.stringValue ?? "", &cycle)
        }
    }
}
