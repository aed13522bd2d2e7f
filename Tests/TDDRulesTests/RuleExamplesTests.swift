import DesignGateKit
import Testing
import TDDMarkdown
@testable import TDDRules

/// A finding by line and severity: what a marker expects and what a rule found.
struct MarkedFinding: Equatable, CustomStringConvertible {
    let line: Int
    let severity: Severity
    var description: String { "\(line) \(severity)" }
}

/// One rule example: the Markdown without markers, the findings its markers expect, and
/// the configuration it names, read by the real `.designgate.yml` loader.
struct MarkedExample: CustomStringConvertible {
    let rule: RuleDescription
    let text: String
    let expected: [MarkedFinding]
    /// The whole `.designgate.yml` the example runs with.
    let configuration: String
    let passing: Bool
    let example: Example

    init(rule: RuleDescription, example: Example, passing: Bool) {
        self.rule = rule
        self.example = example
        self.passing = passing
        var lines: [String] = []
        var expected: [MarkedFinding] = []
        for (index, raw) in example.document.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if let severity = RuleDescription.expectedSeverity(of: raw) {
                line = String(line.dropLast())
                while line.last == " " { line.removeLast() }
                expected.append(MarkedFinding(line: index + 1, severity: severity))
            }
            lines.append(line)
        }
        text = lines.joined(separator: "\n")
        self.expected = expected
        configuration = RuleDocs.configurationFile(example)
    }

    var description: String { "\(rule.id) \(passing ? "passing" : "failing"): \(text.prefix(40))" }

    /// Where the example is written in its rule's source: a failure is reported there.
    var sourceLocation: Testing.SourceLocation {
        Testing.SourceLocation(fileID: "TDDRules/" + (example.filePath.split(separator: "/").last.map(String.init) ?? ""),
                       filePath: example.filePath, line: example.line, column: 1)
    }

    /// What the rule reports under the example's configuration (other rules off unless it
    /// sets them), with `variant` applied to the document and to its base version.
    func findings(variant: (String) -> String = { $0 }) throws -> [MarkedFinding] {
        let loaded = try ConfigurationLoader(file: Configuration.fileName).load(configuration)
        var settings: [String: RuleSetting] = [:]
        // The other rules are off unless the example's configuration sets them.
        for other in RuleRegistry.descriptions { settings[other.id] = loaded.rules[other.id] ?? RuleSetting(severity: .off) }
        settings[rule.id] = RuleSetting(severity: .error, options: loaded.rules[rule.id]?.options ?? RuleOptions())
        let engine = Engine(policy: Policy(profile: try loaded.profileChoice(), rules: settings, today: "2026-11-21",
                                                  review: loaded.review))
        let text = variant(text)
        let base = example.base.map { BaseVersion(bytes: Array(variant($0).utf8), head: Array(text.utf8), limits: InputLimits()) }
        return engine.check(DocumentReader.parse(text), base: base)?.findings.filter { $0.ruleId == rule.id && !$0.isSuppressed }
            .map { MarkedFinding(line: $0.location.line, severity: $0.severity) } ?? []
    }
}

let allExamples: [MarkedExample] = RuleRegistry.descriptions.flatMap { rule in
    rule.passingExamples.map { MarkedExample(rule: rule, example: $0, passing: true) }
        + rule.failingExamples.map { MarkedExample(rule: rule, example: $0, passing: false) }
}

@Suite struct RuleExamplesTests {
    @Test(arguments: allExamples)
    func exampleFindsExactlyTheMarkedFindings(example: MarkedExample) throws {
        let found = try example.findings()
        #expect(found == example.expected, "found \(found)", sourceLocation: example.sourceLocation)
        if !example.passing {
            #expect(!example.expected.isEmpty, "a failing example needs a ↓ or ⇣ marker", sourceLocation: example.sourceLocation)
        }
    }

    /// Every failing example of a rule that can be suppressed finds nothing behind a
    /// `designgate-disable-file` comment for that rule.
    @Test(arguments: allExamples.filter { !$0.passing && $0.rule.suppressible })
    func aDisableCommentSilencesTheFailingExample(example: MarkedExample) throws {
        let disabled = try example.findings { $0 + "\n<!-- designgate-disable-file \(example.rule.id) -- an example variant -->\n" }
        #expect(disabled.isEmpty, "found \(disabled)", sourceLocation: example.sourceLocation)
    }

    /// Every example behind front matter finds the same, three lines further down.
    @Test(arguments: allExamples.filter { !$0.text.hasPrefix("---") })
    func frontMatterShiftsTheFindings(example: MarkedExample) throws {
        let shifted = try example.findings { "---\ntags: [example]\n---\n" + $0 }
        let expected = example.expected.map { MarkedFinding(line: $0.line + 3, severity: $0.severity) }
        #expect(shifted == expected, "found \(shifted)", sourceLocation: example.sourceLocation)
    }

    @Test func everyRuleIsDescribedWithExamples() {
        for rule in RuleRegistry.descriptions {
            #expect(!rule.summary.isEmpty && !rule.description.isEmpty, "\(rule.id)")
            // A rule about a whole change set is shown by the policy lines to copy (its examples are repositories,
            // in DesignRequiredTests); a document rule by its examples.
            if RuleRegistry.changeSetRuleIds.contains(rule.id) {
                #expect(rule.configuration != nil, "\(rule.id) needs policy lines to copy")
            } else if rule.id != "known-status" {
                #expect(!rule.passingExamples.isEmpty && !rule.failingExamples.isEmpty, "\(rule.id) needs examples")
            }
        }
        #expect(Set(RuleRegistry.descriptions.map(\.id)).count == RuleRegistry.descriptions.count)
    }

    /// The policy lines `explain` offers to copy load as they stand.
    @Test(arguments: RuleRegistry.descriptions.filter { $0.configuration != nil }.map(\.id))
    func configurationToCopyLoads(id: String) throws {
        let rule = try #require(RuleRegistry.description(of: id))
        let configuration = try ConfigurationLoader(file: Configuration.fileName)
            .load("version: 1\n" + (rule.configuration ?? ""))
        #expect(configuration.review.approvals.isEmpty == false || configuration.review.designs.isEmpty == false)
    }
}
