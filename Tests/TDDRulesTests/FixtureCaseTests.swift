import Foundation
import Testing
import TDDMarkdown
import TestSupport
@testable import TDDRules

/// A fixture under Tests/Fixtures/cases with its expectations in a trailing comment.
struct FixtureCase: CustomStringConvertible {
    let name: String
    let bytes: [UInt8]
    let expected: [String]
    let profile: ProfileChoice
    let only: [String]?

    init?(name: String) {
        guard let data = FileManager.default.contents(atPath: Package.fixture("cases/" + name)) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let start = text.range(of: "<!-- expect"), let end = text.range(of: "-->", range: start.upperBound..<text.endIndex) else {
            return nil
        }
        var expected: [String] = []
        var profile = ProfileChoice.auto
        var only: [String]?
        for line in text[start.upperBound..<end.lowerBound].split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.hasPrefix("profile:") {
                let value = entry.dropFirst("profile:".count).trimmingCharacters(in: .whitespaces)
                profile = BuiltInProfiles.all.first { $0.name == value }.map(ProfileChoice.named) ?? .auto
            } else if entry.hasPrefix("only:") {
                only = entry.dropFirst("only:".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            } else if !entry.isEmpty {
                expected.append(entry)
            }
        }
        self.name = name
        bytes = Array(data)
        self.expected = expected
        self.profile = profile
        self.only = only
    }

    var description: String { name }

    /// `LINE RULE-ID` for each finding of the built-in policy (or of the `only` rules).
    func findings() -> [String] {
        var settings: [String: RuleSetting] = [:]
        if let only {
            for rule in RuleRegistry.descriptions {
                settings[rule.id] = RuleSetting(severity: only.contains(rule.id) ? rule.defaultSeverity : .off)
            }
        }
        let engine = Engine(policy: Policy(profile: profile, rules: settings, today: "2026-11-21"))
        let verdict = engine.check(DocumentReader.read(bytes, limits: InputLimits()))
        return verdict?.findings.map { "\($0.location.line) \($0.ruleId)" } ?? ["no verdict"]
    }
}

let fixtureCases: [FixtureCase] = ((try? FileManager.default.contentsOfDirectory(atPath: Package.fixture("cases"))) ?? [])
    .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().compactMap(FixtureCase.init(name:))

@Suite struct FixtureCaseTests {
    @Test func thereAreCases() { #expect(fixtureCases.count >= 5) }

    @Test(arguments: fixtureCases)
    func caseReportsExactlyItsExpectations(_ fixture: FixtureCase) {
        #expect(fixture.findings() == fixture.expected)
    }
}
