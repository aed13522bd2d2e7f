import Foundation
import Testing
import TDDMarkdown
import TestSupport
@testable import TDDRules

/// The rule ids the built-in policy reports on `text`.
private func findings(_ text: String) -> [String] {
    let engine = Engine(policy: Policy(profile: .auto, rules: [:], today: "2026-11-21"))
    return engine.check(DocumentReader.read(Array(text.utf8)))?.findings.map { "\($0.location.line) \($0.ruleId): \($0.message)" } ?? ["no verdict"]
}

private func document(_ name: String) -> String {
    (try? String(contentsOfFile: Package.fixture("documents/" + name), encoding: .utf8)) ?? ""
}

/// One supported form, and the edit that takes its resolution away.
struct Unresolving: CustomStringConvertible, Sendable {
    let document: String
    let form: String
    let original: String
    let replacement: String
    let rule: String
    var description: String { "\(document): \(form)" }
}

private let extended = "finished-extended-all-forms.md"
private let questions = "open-questions-resolved", risks = "risks-have-mitigations"

let unresolvings: [Unresolving] = [
    Unresolving(document: extended, form: "table mitigation cell", original: "| Autoscale indexers on consumer lag |", replacement: "| TBD |", rule: risks),
    Unresolving(document: extended, form: "nested Mitigation item", original: "  - Mitigation: an alert", replacement: "  - Note: an alert", rule: risks),
    Unresolving(document: extended, form: "inline Mitigation label", original: " Mitigation: partition by product id", replacement: " Partition by product id", rule: risks),
    Unresolving(document: extended, form: "arrow", original: "Event schema drift → contract tests in both repositories", replacement: "Event schema drift", rule: risks),
    Unresolving(document: extended, form: "prose mitigation", original: "This is mitigated by idempotent upserts", replacement: "This is bad for upserts", rule: risks),
    Unresolving(document: extended, form: "R:/M: items", original: "- M: snapshots every hour", replacement: "- Also: snapshots every hour", rule: risks),
    Unresolving(document: extended, form: "Risk:/Mitigation: paragraphs", original: "Mitigation: backfills run", replacement: "Note: backfills run", rule: risks),
    Unresolving(document: extended, form: "sub-heading with a label", original: "**Mitigation:** facets are capped", replacement: "Facets are capped", rule: risks),
    Unresolving(document: extended, form: "Mitigation sub-heading", original: "#### Mitigation", replacement: "#### Notes", rule: risks),
    Unresolving(document: extended, form: "checked task", original: "- [x] Do we keep", replacement: "- [ ] Do we keep", rule: questions),
    Unresolving(document: extended, form: "strikethrough", original: "- ~~Should the indexer write to two clusters at once?~~", replacement: "- Should the indexer write to two clusters at once?", rule: questions),
    Unresolving(document: extended, form: "nested Decision", original: "  - **Decision:** the", replacement: "  - **Idea:** the", rule: questions),
    Unresolving(document: extended, form: "inline Resolved label", original: "Resolved: the catalogue team.", replacement: "Maybe the catalogue team.", rule: questions),
    Unresolving(document: extended, form: "bold question with its answer", original: "- **Do we need per-tenant indices?** Not before", replacement: "- Do we need per-tenant indices? Not before", rule: questions),
    Unresolving(document: extended, form: "status column", original: "| Snapshot retention? | Closed | 14 days |", replacement: "| Snapshot retention? | Open | |", rule: questions),
    Unresolving(document: extended, form: "answer column", original: "| Facet limit per product? | Answered | 40 |", replacement: "| Facet limit per product? | Open | TBD |", rule: questions),
    Unresolving(document: extended, form: "A: paragraph", original: "A: yes, the job checks", replacement: "Yes, the job checks", rule: questions),
    Unresolving(document: extended, form: "question sub-heading with an answer", original: "Answer: in a Git repository", replacement: "In a Git repository", rule: questions),
    Unresolving(document: extended, form: "Resolved group", original: "### Resolved", replacement: "### Later", rule: questions),
    Unresolving(document: "finished-standard.md", form: "Potential Risks / Mitigation Plans by id", original: "  - R3: order lists are capped at 500 entries and paginated beyond that\n", replacement: "", rule: risks),
]

@Suite struct FinishedDocumentTests {
    @Test(arguments: ["finished-standard.md", extended, "finished-extended.md"])
    func finishedDocumentHasNoFinding(name: String) {
        #expect(!document(name).isEmpty)
        #expect(findings(document(name)) == [])
    }

    /// Each form is recognised: taking its resolution away makes a finding.
    @Test(arguments: unresolvings)
    func unresolvedFormIsFound(_ edit: Unresolving) {
        let text = document(edit.document)
        #expect(text.contains(edit.original), "the fixture no longer has this form")
        let found = findings(text.replacingOccurrences(of: edit.original, with: edit.replacement))
        #expect(found.contains { $0.contains(" \(edit.rule): ") }, "\(found)")
    }
}
