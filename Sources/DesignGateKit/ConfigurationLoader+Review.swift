import TDDMarkdown
import TDDRules

extension ConfigurationLoader {
    /// `review:` — sign-offs by status, owners, teams, approving statuses, and guarded code.
    func review(_ node: YAMLNode) throws(DesignGateError) -> ReviewPolicy {
        let entries = try mapping(node, "review")
        try checkKeys(entries, allowed: ["approvals", "owners", "teams", "approving", "designs"], in: "review")
        var policy = ReviewPolicy()
        for entry in entries {
            switch entry.key {
            case "approvals":
                for status in try mapping(entry.value, "review.approvals") {
                    policy.approvals[status.key] = try count(status.value, "review.approvals.\(status.key)")
                }
            case "owners": policy.owners = try bool(entry.value, "review.owners")
            case "teams":
                for team in try mapping(entry.value, "review.teams") {
                    guard team.key.hasPrefix("@"), team.key.count > 1 else {
                        throw fail(team.keyLine, "`review.teams` key `\(Self.short(team.key))` is not a team",
                                   hint: "write teams as CODEOWNERS does: \"@org/team\" or a GitLab \"@group\" (quoted: YAML reads @ specially)")
                    }
                    policy.teams[team.key] = try strings(team.value, "review.teams.\(team.key)")
                }
            case "approving": policy.approving = try strings(entry.value, "review.approving")
            default:
                guard let items = entry.value.sequence else {
                    throw typeError(entry.value, "review.designs", expected: "a list of guarded paths")
                }
                policy.designs = try items.map { item throws(DesignGateError) in try designGuard(item) }
            }
        }
        return policy
    }

    /// One `review.designs` entry: `paths`, `when`, `lines`, `documents`.
    private func designGuard(_ node: YAMLNode) throws(DesignGateError) -> DesignGuard {
        let key = "review.designs"
        let entries = try mapping(node, key)
        try checkKeys(entries, allowed: ["paths", "when", "lines", "documents"], in: key)
        guard let paths = entries.first(where: { $0.key == "paths" }) else {
            throw fail(node.line, "an entry in `\(key)` has no `paths`", hint: "add `paths: [\"services/payments/**\"]`")
        }
        var guarded = DesignGuard(paths: try strings(paths.value, "\(key).paths").map(Glob.init))
        let triggers = ["change", "new-file", "new-folder", "lines"]
        var when: String?
        if let entry = entries.first(where: { $0.key == "when" }) {
            let value = try string(entry.value, "\(key).when")
            guard triggers.contains(value) else { throw unknownValue(entry.value, value, key: "\(key).when", valid: triggers) }
            when = value
        }
        let lines = entries.first { $0.key == "lines" }
        switch (when, lines) {
        case ("lines"?, nil):
            throw fail(node.line, "`\(key)` entry has `when: lines` but no `lines`", hint: "add `lines: 200` (more than 200 changed lines)")
        case (nil, let lines?), ("lines"?, let lines?):
            guarded.trigger = .linesOver(try count(lines.value, "\(key).lines"))
        case (_?, let lines?):
            throw fail(lines.keyLine, "`\(key).lines` only goes with `when: lines`", hint: "remove `lines`, or write `when: lines`")
        case ("new-file"?, nil): guarded.trigger = .newFile
        case ("new-folder"?, nil): guarded.trigger = .newFolder
        default: guarded.trigger = .change
        }
        if let documents = entries.first(where: { $0.key == "documents" }) {
            guarded.documents = try strings(documents.value, "\(key).documents").map(Glob.init)
        }
        return guarded
    }

    /// A whole number of zero or more.
    private func count(_ node: YAMLNode, _ key: String) throws(DesignGateError) -> Int {
        guard let number = node.scalar.flatMap({ Int($0) }), number >= 0 else {
            throw typeError(node, key, expected: "a number of zero or more")
        }
        return number
    }
}
