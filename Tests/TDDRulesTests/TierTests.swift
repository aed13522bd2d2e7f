import Testing
import TDDMarkdown
@testable import TDDRules

/// The severity of each finding of `rule` (risks by default) on `text`, by line.
private func tiers(_ text: String, rule: String = RisksHaveMitigationsRule.description.id) -> [String] {
    let engine = Engine(policy: Policy(profile: .auto, rules: [:], today: "2026-11-21"))
    return engine.check(DocumentReader.read(Array(text.utf8)))?.findings
        .filter { $0.ruleId == rule }
        .map { "\($0.location.line) \($0.severity)" } ?? ["no verdict"]
}

/// The severity of each `open-questions-resolved` finding on `text`, by line.
private func questionTiers(_ text: String) -> [String] {
    tiers(text, rule: OpenQuestionsResolvedRule.description.id)
}

/// Errors are for what a reviewer would call wrong without hesitating; a risk the author goes
/// on about in words the rule cannot read as handling is only possibly unmitigated, and a
/// question answered tentatively only possibly unresolved. (Rule examples check lines, not tiers.)
@Suite struct TierTests {
    @Test func aRiskWithNothingAfterItIsAnError() {
        #expect(tiers("# Cache\n## Risks\n- Cache nodes may fail during a deploy.\n") == ["3 error"])
    }

    @Test func aRiskWithAPlaceholderAfterItIsAnError() {
        #expect(tiers("# Cache\n## Risks\n- Cache nodes may fail during a deploy.\n\n  TBD\n") == ["3 error"])
    }

    @Test func aRiskTheAuthorGoesOnAboutIsAWarning() {
        let text = "# Cache\n## Risks\n- Cache nodes may fail during a deploy.\n\n  The deploy tool drains one zone at a time.\n"
        #expect(tiers(text) == ["3 warning"])
    }

    @Test func aRiskWhoseSecondParagraphTellsMoreHarmIsStillAWarningNotSilence() {
        let text = "# Cache\n## Risks\n- Cache nodes may fail during a deploy.\n  - Sessions held there are lost.\n"
        #expect(tiers(text) == ["3 warning"])
    }

    @Test func aRiskStillUnderStudyIsAnError() {
        let text = "# Cache\n## Risks\n#### Warming the first node\nA key question here is whether the first node warms itself. One option is a job.\n"
        #expect(tiers(text) == ["3 error"])
    }

    @Test func aTentativeAnswerIsAWarning() {
        #expect(questionTiers("# Cache\n## Open Questions\n- Do we shard by tenant? I think we should.\n") == ["3 warning"])
    }

    @Test func aTentativeAnswerTheAuthorTakesBackIsAnError() {
        let text = "# Cache\n## Open Questions\n- Is the sweeper safe? I think it is, but I haven't proved it.\n"
        #expect(questionTiers(text) == ["3 error"])
    }

    @Test func anAsideAfterTheQuestionAnswersNothing() {
        let text = "# Cache\n## Open Questions\n- What limits should the API have?\n  (Keeping in mind possibly other clients.)\n"
        #expect(questionTiers(text) == ["3 error"])
    }

    @Test func anAnswerThatSupposesOneChoiceWithoutMakingItIsAnError() {
        let text = "# Cache\n## Open Questions\n- Keep the sweeper or drop it? Dropping it would not affect the first tenants. If we do keep it, we probably need a rate limit.\n"
        #expect(questionTiers(text) == ["3 error"])
    }
}
