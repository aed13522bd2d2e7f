import Testing
import TDDMarkdown
@testable import TDDRules

/// One rule example: the Markdown without markers, the lines that must get a finding, and
/// the profile and options its header comments ask for.
struct MarkedExample: CustomStringConvertible {
    let rule: RuleDescription
    let text: String
    let expectedLines: [Int]
    let profile: ProfileChoice
    let options: RuleOptions
    let passing: Bool

    init(rule: RuleDescription, example: String, passing: Bool) {
        self.rule = rule
        self.passing = passing
        var lines: [String] = []
        var expected: [Int] = []
        var profile = ProfileChoice.auto
        var options = RuleOptions()
        for (index, raw) in example.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if line.hasSuffix(String(RuleDescription.marker)) {
                line = String(line.dropLast())
                while line.last == " " { line.removeLast() }
                expected.append(index + 1)
            }
            if line.hasPrefix("<!-- profile: "), let name = line.split(separator: " ").dropFirst(2).first,
               let builtIn = BuiltInProfiles.all.first(where: { $0.name == name }) {
                profile = .named(builtIn)
            }
            if line.hasPrefix("<!-- option: "), let pair = line.split(separator: " ").dropFirst(2).first {
                let parts = pair.split(separator: "=")
                if parts.count == 2 {
                    options.values[String(parts[0])] = parts[1] == "true" ? .bool(true) : parts[1] == "false" ? .bool(false)
                        : Int(parts[1]).map(OptionValue.int) ?? .strings([String(parts[1])])
                }
            }
            lines.append(line)
        }
        text = lines.joined(separator: "\n")
        expectedLines = expected
        self.profile = profile
        self.options = options
    }

    var description: String { "\(rule.id) \(passing ? "passing" : "failing"): \(text.prefix(40))" }

    /// The lines the rule reports when it runs alone.
    func findingLines() -> [Int] {
        var settings: [String: RuleSetting] = [:]
        for other in RuleRegistry.descriptions { settings[other.id] = RuleSetting(severity: .off) }
        settings[rule.id] = RuleSetting(severity: .error, options: options)
        let engine = Engine(policy: Policy(profile: profile, rules: settings, today: "2026-11-21"))
        return engine.check(DocumentReader.parse(text))?.findings.map(\.location.line) ?? []
    }
}

let allExamples: [MarkedExample] = RuleRegistry.descriptions.flatMap { rule in
    rule.passingExamples.map { MarkedExample(rule: rule, example: $0, passing: true) }
        + rule.failingExamples.map { MarkedExample(rule: rule, example: $0, passing: false) }
}

@Suite struct RuleExamplesTests {
    @Test(arguments: allExamples)
    func exampleFindsExactlyTheMarkedLines(example: MarkedExample) {
        #expect(example.findingLines() == example.expectedLines)
        if !example.passing { #expect(!example.expectedLines.isEmpty, "a failing example needs a ↓ marker") }
    }

    @Test func everyRuleIsDescribedWithExamples() {
        for rule in RuleRegistry.descriptions {
            #expect(!rule.summary.isEmpty && !rule.description.isEmpty, "\(rule.id)")
            if rule.id != "known-status" {
                #expect(!rule.passingExamples.isEmpty && !rule.failingExamples.isEmpty, "\(rule.id) needs examples")
            }
        }
        #expect(Set(RuleRegistry.descriptions.map(\.id)).count == RuleRegistry.descriptions.count)
    }
}
