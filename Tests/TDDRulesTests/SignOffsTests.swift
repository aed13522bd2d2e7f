import Testing
import TDDMarkdown
import TDDRules

/// Each form of sign-off the `approvals` rule reads, and the forms that are not sign-offs.
@Suite struct SignOffsTests {
    static func names(_ markdown: String) -> [String] {
        guard case .document(let document) = DocumentReader.parse(markdown) else { return ["not a document"] }
        return SignOffs.read(document).map { "\($0.name)@\($0.location.line)" }
    }

    @Test(arguments: [
        ("---\napprovers: [alice, \"@org/payments\"]\n---\n# T\n", ["alice@2", "@org/payments@2"]),
        ("---\napprovers:\n  - name: alice\n    date: 2026-03-01\n  - {github: bob, status: pending}\n---\n# T\n", ["alice@3"]),
        ("---\napproved-by: alice, bob\n---\n# T\n", ["alice@2", "bob@2"]),
        ("# T\n\n**Approvers:** @alice, @bob and carol (2026-03-01)\n\n## Summary\n", ["@alice@3", "@bob@3", "carol@3"]),
        ("# T\n\n| Field | Value |\n| --- | --- |\n| Status | Approved |\n| Approvers | @alice, @bob |\n", ["@alice@6", "@bob@6"]),
        ("# T\n\n## Sign-off\n\n| Name | Decision | Date |\n| --- | --- | --- |\n| @alice | Approved | 2026-03-01 |\n| @bob | Pending | |\n| Carol Jones | LGTM | |\n",
         ["@alice@7", "Carol Jones@9"]),
        ("# T\n\n## Approvals\n\n- @alice — 2026-03-01\n- @bob (review requested)\n- [ ] @carol\n- [x] @dave\n- TBD\n", ["@alice@5", "@dave@8"]),
        ("# T\n\n## Reviewers\n\n- @alice: approved\n- @bob\n- @carol: LGTM ✅\n\n| Reviewer | Team |\n| --- | --- |\n| @erin | core |\n",
         ["@alice@5", "@carol@7"]),
        ("# T\n\n## Approvals\n\nApproved by @alice and @bob in the design review of 2026-03-01.\n", ["@alice@5", "@bob@5"]),
        ("---\napprovers: [alice, Alice, \"@alice\"]\n---\n# T\n", ["alice@2"]),
        ("# T\n\n## Approvals\n\n| Approver | Status |\n| --- | --- |\n| <name> | |\n| TBD | |\n", []),
    ])
    func readsTheForms(markdown: String, expected: [String]) {
        #expect(Self.names(markdown) == expected)
    }
}
