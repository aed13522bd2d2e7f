import Foundation
import Testing
import TestSupport

/// `no-regressions` on real repositories: each change undoes one thing the base version had
/// settled, and every mode with a base reports it at the head's line, across a rename.
@Suite struct RegressionTests {
    static let base = """
        ---
        status: In Review
        ---
        # Cache TDD

        ## Summary

        A read-through cache for the price service.

        ## Open Questions

        - [x] Do we shard by tenant? Answer: not in v1.

        ## Risks and Mitigations

        - Cache nodes may fail during a deploy. Mitigation: clients fall back to the database.

        ## Rollout

        Behind a flag, one region at a time.
        """

    static let configuration = "version: 1\nprofile: standard\nrules: { required-sections: off, required-fields: off, section-not-empty: off }\n"

    static let approved = base.replacingOccurrences(of: "status: In Review", with: "status: Approved")

    /// The changes from a base, each with the head's findings of `no-regressions` (`line: message start`).
    static let cases: [(name: String, base: String, head: String, expected: [String])] = [
        ("question reopened", base, base.replacingOccurrences(of: "- [x] Do we shard by tenant? Answer: not in v1.", with: "- [ ] Do we shard by tenant?"),
         ["12: question resolved in the base version is open again: \"Do we shard by tenant?\""]),
        ("mitigation deleted", base, base.replacingOccurrences(of: " Mitigation: clients fall back to the database.", with: ""),
         ["16: risk handled in the base version has lost its mitigation: \"Cache nodes may fail during a deploy.\""]),
        ("section removed", base, base.replacingOccurrences(of: "## Risks and Mitigations\n\n- Cache nodes may fail during a deploy. Mitigation: clients fall back to the database.\n\n", with: ""),
         ["4: required section \"Risks & Mitigation Strategies\" was removed (the base version has it as \"Risks and Mitigations\")"]),
        ("status moved back", approved, base.replacingOccurrences(of: "status: In Review", with: "status: Draft"),
         ["2: status moved back from \"Approved\" to \"Draft\""]),
        ("approved document edited", approved, approved.replacingOccurrences(of: "Behind a flag, one region at a time.", with: "For every region at once, with no flag."),
         ["20: Approved document changed (12 words) while its status stayed \"Approved\""]),
    ]

    /// The findings of `no-regressions` in a JSON report, as `line: message`.
    private func regressions(_ result: ProcessResult) throws -> [String] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let findings = (report["documents"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        return findings.filter { $0["ruleId"] as? String == "no-regressions" }
            .map { "\($0["line"] as? Int ?? 0): \($0["message"] as? String ?? "")" }
    }

    private func expectFindings(_ result: ProcessResult, _ expected: [String], _ label: String) throws {
        let found = try regressions(result)
        #expect(found.count == expected.count, "\(label): \(found)")
        for (line, prefix) in zip(found, expected) { #expect(line.hasPrefix(prefix), "\(label): \(line)") }
        #expect(result.status == (expected.isEmpty ? 0 : 1), "\(label): \(result.stdout)\(result.stderr)")
    }

    @Test(arguments: cases.indices)
    func everyModeReportsTheRegression(index: Int) throws {
        let (name, base, head, expected) = Self.cases[index]
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration, "docs/design/cache-tdd.md": base], message: "base")
        let remote = try repo.addOrigin()

        // The working tree and the index, before the change is committed, renamed on the way.
        try repo.git("mv", "docs/design/cache-tdd.md", "docs/design/price-cache-tdd.md")
        try repo.write("docs/design/price-cache-tdd.md", head)
        try expectFindings(try designgate(["check", "-f", "json"], in: repo.path), expected, "\(name), worktree")
        try repo.git("add", "-A")
        try expectFindings(try designgate(["check", "--staged", "-f", "json"], in: repo.path), expected, "\(name), --staged")

        let commit = try repo.commit([:], message: name)
        try expectFindings(try designgate(["check", "--commit", "HEAD", "-f", "json"], in: repo.path), expected, "\(name), --commit")
        try expectFindings(try designgate(["check", "--range", "HEAD~1..HEAD", "-f", "json"], in: repo.path), expected, "\(name), --range")
        let input = "refs/heads/main \(commit) refs/heads/main \(try remote.tip())\n"
        try expectFindings(try designgate(["check", "--pre-push", "origin", "-f", "json"], in: repo.path, input: input),
                           expected, "\(name), --pre-push")
        let environment = ["GITLAB_CI": "true", "CI_COMMIT_BEFORE_SHA": try repo.git("rev-parse", "HEAD~1"), "CI_COMMIT_SHA": commit,
                           "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
        try expectFindings(try designgate(["check", "--ci", "-f", "json"], in: repo.path, environment: environment),
                           expected, "\(name), --ci")
    }

    @Test func movingBlocksAndFixingATypoAreNoRegression() throws {
        let moved = Self.base
            .replacingOccurrences(of: "## Rollout\n\nBehind a flag, one region at a time.", with: "")
            .replacingOccurrences(of: "## Open Questions", with: "## Rollout\n\nBehind a flag, one region at a time.\n\n## Open Questions")
            .replacingOccurrences(of: "read-through", with: "read-thru")
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration, "docs/design/cache-tdd.md": Self.base], message: "base")
        try repo.commit(["docs/design/cache-tdd.md": moved], message: "move")
        try expectFindings(try designgate(["check", "--commit", "HEAD", "-f", "json"], in: repo.path), [], "moved")
    }

    @Test func aNewApprovalOrAReasonAllowsTheChange() throws {
        let reapproved = Self.cases[4].head.replacingOccurrences(of: "status: Approved", with: "status: Approved\napproved: 2026-11-24")
        let reasoned = Self.cases[3].head.replacingOccurrences(of: "status: Draft", with: "status: Draft\nstatusReason: the failover plan has a gap")
        for head in [reapproved, reasoned] {
            let repo = try GitRepository()
            try repo.commit([".designgate.yml": Self.configuration, "docs/design/cache-tdd.md": Self.approved], message: "base")
            try repo.commit(["docs/design/cache-tdd.md": head], message: "change")
            try expectFindings(try designgate(["check", "--commit", "HEAD", "-f", "json"], in: repo.path), [], head)
        }
    }

    /// Without `statusOrder`, the order of the statuses the configuration allows is the order
    /// a document moves through: statuses the default order does not know are compared.
    @Test func statusOrderComesFromTheAllowedStatuses() throws {
        let repo = try GitRepository()
        let configuration = Self.configuration + "status: { values: [Proposal, Accepted, Final] }\n"
        let final = Self.base.replacingOccurrences(of: "status: In Review", with: "status: Final")
        try repo.commit([".designgate.yml": configuration, "docs/design/cache-tdd.md": final], message: "base")
        try repo.commit(["docs/design/cache-tdd.md": final.replacingOccurrences(of: "status: Final", with: "status: Proposal")],
                        message: "back")
        try expectFindings(try designgate(["check", "--commit", "HEAD", "-f", "json"], in: repo.path),
                           ["2: status moved back from \"Final\" to \"Proposal\""], "values order")
        try repo.commit(["docs/design/cache-tdd.md": final], message: "forward")
        try expectFindings(try designgate(["check", "--commit", "HEAD", "-f", "json"], in: repo.path), [], "moved forward")
    }

    @Test func switchedOffTheBaseIsNotCompared() throws {
        let repo = try GitRepository()
        try repo.commit([".designgate.yml": Self.configuration, "docs/design/cache-tdd.md": Self.base], message: "base")
        try repo.commit([".designgate.yml": Self.configuration.replacingOccurrences(of: "section-not-empty: off", with: "section-not-empty: off, no-regressions: off"),
                         "docs/design/cache-tdd.md": Self.cases[0].head], message: "reopen")
        let result = try designgate(["check", "--commit", "HEAD", "-f", "json"], in: repo.path)
        #expect(try regressions(result).isEmpty)
        #expect(result.stdout.contains("open question not resolved"), "the question is still reported as open")
    }
}
