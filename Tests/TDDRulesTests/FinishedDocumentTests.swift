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
    Unresolving(document: extended, form: "nested Mitigation item", original: "  - Mitigation: an alert on replication slot size and a runbook to drop and re-snapshot\n", replacement: "", rule: risks),
    Unresolving(document: extended, form: "inline Mitigation label", original: " Mitigation: partition by product id", replacement: " Partition by product id", rule: risks),
    Unresolving(document: extended, form: "arrow", original: "Event schema drift → contract tests in both repositories", replacement: "Event schema drift", rule: risks),
    Unresolving(document: extended, form: "prose mitigation", original: "This is mitigated by idempotent upserts", replacement: "This is bad for upserts", rule: risks),
    Unresolving(document: extended, form: "R:/M: items", original: "- M: snapshots every hour", replacement: "- Also: snapshots every hour", rule: risks),
    Unresolving(document: extended, form: "Risk:/Mitigation: paragraphs", original: "Mitigation: backfills run on a separate ingest node pool with a rate limit.\n", replacement: "", rule: risks),
    Unresolving(document: extended, form: "sub-heading with a label", original: "**Mitigation:** facets are capped", replacement: "Facets are many", rule: risks),
    Unresolving(document: extended, form: "Mitigation sub-heading", original: "#### Mitigation\n\nWildcards are limited to suffixes and queries time out after two seconds.\n", replacement: "", rule: risks),
    Unresolving(document: extended, form: "checked task", original: "- [x] Do we keep", replacement: "- [ ] Do we keep", rule: questions),
    Unresolving(document: extended, form: "strikethrough", original: "- ~~Should the indexer write to two clusters at once?~~", replacement: "- Should the indexer write to two clusters at once?", rule: questions),
    Unresolving(document: extended, form: "nested Decision", original: "  - **Decision:** the `decompounder` filter with the dictionary from the search team.\n", replacement: "", rule: questions),
    Unresolving(document: extended, form: "inline Resolved label", original: "Resolved: the catalogue team.", replacement: "Maybe the catalogue team.", rule: questions),
    Unresolving(document: extended, form: "bold question with its answer", original: "- **Do we need per-tenant indices?** Not before", replacement: "- Do we need per-tenant indices? Not before", rule: questions),
    Unresolving(document: extended, form: "status column", original: "| Snapshot retention? | Closed | 14 days |", replacement: "| Snapshot retention? | Open | |", rule: questions),
    Unresolving(document: extended, form: "answer column", original: "| Facet limit per product? | Answered | 40 |", replacement: "| Facet limit per product? | Open | TBD |", rule: questions),
    Unresolving(document: extended, form: "A: paragraph", original: "A: yes, the job checks the sales calendar before it starts.\n", replacement: "", rule: questions),
    Unresolving(document: extended, form: "question sub-heading with an answer", original: "Answer: in a Git repository reviewed by the merchandising team, deployed with the indexer.\n", replacement: "", rule: questions),
    Unresolving(document: extended, form: "mitigation in a later paragraph of the item", original: "  To prevent this, we throttle reindex jobs to one per cluster.\n", replacement: "", rule: risks),
    Unresolving(document: extended, form: "nested fallback", original: "  - The query layer falls back to the primary cluster.\n", replacement: "", rule: risks),
    Unresolving(document: extended, form: "accepted with a reason", original: "; considered acceptable because merchandisers publish synonyms overnight.", replacement: ".", rule: risks),
    Unresolving(document: extended, form: "sub-heading prose without the word mitigate", original: "is guarded by checksums: the node drops it and recovers it from a replica.", replacement: "can make shards unreadable.", rule: risks),
    Unresolving(document: extended, form: "quote after a prose question", original: "> Yes, ids stay stable across reindexing.\n", replacement: "", rule: questions),
    Unresolving(document: extended, form: "second paragraph of the item", original: "  Twelve shards, sized for two years of growth.\n", replacement: "", rule: questions),
    Unresolving(document: extended, form: "question sub-heading with a plain answer", original: "The search team reviews every mapping change in the indexer repository.\n", replacement: "", rule: questions),
    Unresolving(document: extended, form: "nested answer in a grouping sub-heading", original: "  - 14 days, then they move to cold storage.\n", replacement: "", rule: questions),
    Unresolving(document: extended, form: "placeholder answer", original: "Resolved: the catalogue team.", replacement: "Resolved: TBD", rule: questions),
    Unresolving(document: extended, form: "hedged answer (a warning)", original: "Twelve shards, sized", replacement: "Probably twelve shards, sized", rule: questions),
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
