import Foundation
import Testing
import TestSupport

/// The built-in policy for drafts: while a document's status is Draft, unfinished content
/// (placeholders, open questions, unhandled risks, empty sections) is a warning; once it is
/// In Review, the same document fails. `status.rules` replaces the built-in per status.
@Suite struct DraftPolicyTests {
    /// The finished document with one of each unfinished part, under `status`.
    private static func unfinished(status: String) -> String {
        "---\nstatus: \(status)\n---\n" + Package.finishedDocument
            .replacingOccurrences(of: "PRD-12.", with: "TBD")
            .replacingOccurrences(of: "Redis.", with: "")
            .replacingOccurrences(of: "| Stale reads | Short TTLs |", with: "| Stale reads | Short TTLs |\n| Cold start | |")
            .replacingOccurrences(of: "## Open Questions\nNone.", with: "## Open Questions\n- Which region hosts the warmer?\n")
    }

    private static let unfinishedRules = ["no-placeholders", "risks-have-mitigations", "open-questions-resolved", "section-not-empty"]

    /// The findings of `check` on one document as (rule, severity) pairs, with the exit status.
    private func check(_ document: String, configuration: String? = nil, strict: Bool = false)
        throws -> (status: Int32, findings: [(rule: String, severity: String)]) {
        let folder = try TemporaryDirectory()
        try folder.write("design/cache.md", document)
        if let configuration { try folder.write(".designgate.yml", "version: 1\n" + configuration) }
        let result = try designgate(["check", "design/cache.md", "-f", "json"] + (strict ? ["--strict"] : []), in: folder.path)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let documents = report?["documents"] as? [[String: Any]] ?? []
        let findings = documents.flatMap { $0["findings"] as? [[String: Any]] ?? [] }.map {
            (rule: $0["ruleId"] as? String ?? "", severity: $0["severity"] as? String ?? "")
        }
        return (result.status, findings)
    }

    @Test func aDraftPassesWithWarningsAndFailsOnceInReview() throws {
        let draft = try check(Self.unfinished(status: "Draft"))
        #expect(draft.status == 0)
        #expect(Set(draft.findings.map(\.rule)) == Set(Self.unfinishedRules), "\(draft.findings)")
        #expect(draft.findings.allSatisfy { $0.severity == "warning" })
        #expect(try check(Self.unfinished(status: "draft"), strict: true).status == 1, "--strict counts the warnings")
        let inReview = try check(Self.unfinished(status: "In Review"))
        #expect(inReview.status == 1)
        #expect(Set(inReview.findings.map(\.rule)) == Set(Self.unfinishedRules))
        #expect(Set(inReview.findings.filter { $0.severity == "error" }.map(\.rule))
                == ["no-placeholders", "risks-have-mitigations", "open-questions-resolved"], "each rule at its default")
    }

    @Test func aConfiguredStatusReplacesTheBuiltInEntry() throws {
        let strict = try check(Self.unfinished(status: "Draft"), configuration: "status:\n  rules:\n    draft: {}\n")
        #expect(strict.status == 1, "`draft: {}` (any capitalisation) makes drafts as strict as the rest")
        let partly = try check(Self.unfinished(status: "Draft"),
                               configuration: "status:\n  rules:\n    Draft: { section-not-empty: warning }\n")
        #expect(partly.status == 1)
        #expect(partly.findings.filter { $0.severity == "warning" }.map(\.rule) == ["section-not-empty"],
                "the entry replaces the built-in one: only what it lists is lowered")
        let other = try check(Self.unfinished(status: "Draft"),
                              configuration: "status:\n  rules:\n    Superseded: { required-sections: off }\n")
        #expect(other.status == 0, "an entry for another status keeps the built-in Draft entry")
    }

    @Test func aStatusWarningNeverSwitchesOnARuleThatIsOff() throws {
        let off = try check(Self.unfinished(status: "Draft"), configuration: "rules:\n  no-placeholders: { severity: off }\n")
        #expect(off.status == 0)
        #expect(!off.findings.contains { $0.rule == "no-placeholders" })
        #expect(off.findings.contains { $0.rule == "open-questions-resolved" })
    }
}
