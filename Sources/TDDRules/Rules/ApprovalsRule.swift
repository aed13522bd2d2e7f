import TDDMarkdown

/// A document's status has the sign-offs the review policy asks for, by the path's owners.
public struct ApprovalsRule: Rule {
    public static let description = RuleDescription(
        id: "approvals",
        summary: "a document's status has the sign-offs the review policy asks for",
        description: """
            `review.approvals` names, per status, the fewest people who must have signed a \
            document off (`Approved: 2`); a status it does not name needs none, so the rule does \
            nothing until the policy asks. Sign-offs are read from front matter `approvers: \
            [alice, "@org/payments"]` (entries may carry a date: `{name: alice, date: 2026-03-01}`), \
            an `**Approvers:**` field before the first section, or a section titled Approvers, \
            Approvals, Sign-off or Approved by (its table rows, list items, checked task items); \
            under Reviewers only those who say they approved count, and a row or item that says \
            pending, requested or TBD never does. With `review.owners: true` a sign-off counts \
            only from an owner of the document's path in CODEOWNERS (`.github/CODEOWNERS`, \
            `CODEOWNERS`, `docs/CODEOWNERS`, then `.gitlab/CODEOWNERS`; the last matching \
            pattern wins, GitLab sections each need their own owners' sign-off, `[Section][2]` \
            two of them, `^[Section]` none): a user, a team that owns it, or a member of such a \
            team as `review.teams` lists them. A path no rule owns takes anyone's sign-off. The \
            finding is on the status line.
            """,
        defaultSeverity: .error,
        configuration: """
            review:
              approvals:              # the fewest sign-offs a document needs, by status
                Approved: 2
                In Review: 0
              owners: true            # each must own the document's path in CODEOWNERS
              teams:                  # who is in the teams CODEOWNERS names
                "@org/payments": [alice, carol]
            """,
        passingExamples: [
            Example("""
                ---
                status: Approved
                approvers: [alice, bob]
                ---
                # Payments ledger
                """, configuration: "review: {approvals: {Approved: 2}}"),
            Example("""
                ---
                status: Approved
                ---
                # Payments ledger

                ## Sign-off

                | Name | Decision | Date |
                | --- | --- | --- |
                | @alice | Approved | 2026-03-01 |
                | @bob | LGTM | 2026-03-02 |
                """, configuration: "review: {approvals: {Approved: 2}}"),
            Example("""
                ---
                status: Draft
                ---
                # Payments ledger
                """, configuration: "review: {approvals: {Approved: 2}}"),
        ],
        failingExamples: [
            Example("""
                ---
                status: Approved ↓
                approvers: [alice]
                ---
                # Payments ledger
                """, configuration: "review: {approvals: {Approved: 2}}"),
            Example("""
                ---
                status: Approved ↓
                ---
                # Payments ledger

                ## Reviewers

                - [x] @alice
                - [ ] @bob
                - @carol (review requested)
                """, configuration: "review: {approvals: {Approved: 2}}"),
        ])

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        guard let status = context.status, let minimum = context.review.minimumApprovers(for: status.value),
              minimum > 0 else { return [] }
        let signOffs = SignOffs.read(context.document)
        let needs = "status \(status.value) needs \(Self.count(minimum, "approver"))"
        guard context.review.owners else {
            guard signOffs.count < minimum else { return [] }
            return [Violation("\(needs); found \(Self.listing(signOffs))", at: status.location)]
        }
        let path = context.path ?? "this document"
        let whoOwn = minimum == 1 ? "who owns" : "who own"
        guard let codeOwners = context.codeOwners else {
            return [Violation("\(needs) \(whoOwn) \(path), but the repository has no CODEOWNERS file "
                              + "(\(CodeOwners.locations.joined(separator: ", ")))", at: status.location)]
        }
        let ownerships = codeOwners.owners(of: path)
        guard !ownerships.isEmpty else {
            guard signOffs.count < minimum else { return [] }
            return [Violation("\(needs); found \(Self.listing(signOffs)); no rule in \(codeOwners.file) owns \(path), "
                              + "so anyone's sign-off counts", at: status.location)]
        }
        var violations: [Violation] = []
        let owners = Self.unique(ownerships.flatMap(\.entry.owners))
        let qualified = signOffs.filter { context.review.approver($0.name, countsForAnyOf: owners) }
        if qualified.count < minimum {
            let others = signOffs.filter { !qualified.contains($0) }
            violations.append(Violation(
                "\(needs) \(whoOwn) \(Self.unique(ownerships.map(\.entry.pattern)).joined(separator: ", ")); "
                    + "found \(Self.listing(qualified)); owners: \(owners.joined(separator: ", "))"
                    + (others.isEmpty ? "" : "; not owners: \(others.map(\.name).joined(separator: ", "))"),
                at: status.location))
        }
        // Every required GitLab section that owns the path needs its own owners' sign-off.
        for ownership in ownerships where !ownership.section.optional && (ownerships.count > 1 || ownership.section.approvals > 1) {
            let needed = ownership.section.approvals
            let signed = signOffs.filter { context.review.approver($0.name, countsForAnyOf: ownership.entry.owners) }
            guard signed.count < needed else { continue }
            let section = ownership.section.name.map { "section [\($0)]" } ?? "rules outside any section"
            violations.append(Violation(
                "status \(status.value) needs \(Self.count(needed, "approver")) from \(codeOwners.file) \(section) "
                    + "(owners of \(ownership.entry.pattern): \(ownership.entry.owners.joined(separator: ", "))); "
                    + "found \(Self.listing(signed))",
                at: status.location))
        }
        return violations
    }

    /// `1 (alice)`, `2 (alice, bob)` or `none`.
    private static func listing(_ signOffs: [SignOff]) -> String {
        signOffs.isEmpty ? "none" : "\(signOffs.count) (\(signOffs.map(\.name).joined(separator: ", ")))"
    }

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
