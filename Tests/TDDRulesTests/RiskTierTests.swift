import Testing
import TDDMarkdown
@testable import TDDRules

/// The severity of each `risks-have-mitigations` finding on `text`, by line.
private func tiers(_ text: String) -> [String] {
    let engine = Engine(policy: Policy(profile: .auto, rules: [:], today: "2026-11-21"))
    return engine.check(DocumentReader.read(Array(text.utf8)))?.findings
        .filter { $0.ruleId == RisksHaveMitigationsRule.description.id }
        .map { "\($0.location.line) \($0.severity)" } ?? ["no verdict"]
}

/// Errors are for what a reviewer would call wrong without hesitating; a risk the author goes
/// on about in words the rule cannot read as handling is only possibly unmitigated.
@Suite struct RiskTierTests {
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
}
