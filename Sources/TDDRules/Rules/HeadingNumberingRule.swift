import TDDMarkdown

/// Numbered headings of one level run 1, 2, 3 … without gaps or repeats.
public struct HeadingNumberingRule: Rule {
    public static let description = RuleDescription(
        id: "heading-numbering",
        summary: "numbered headings run 1, 2, 3 … without gaps or repeats",
        description: """
            Among sibling headings (same level, same parent), numbered ones must count up by one \
            from 1 (or 0). A dotted number (`2.3`) is judged by its last part. Unnumbered headings \
            are ignored.
            """,
        defaultSeverity: .warning,
        passingExamples: [Example("# T\n## 1. A\n## 2. B\n### 2.1 B1\n### 2.2 B2\n## 3. C\n## Appendix\n")],
        failingExamples: [Example("# T\n## 1. A\n## 2. B\n## 4. D ↓\n## 4. E ↓\n")])

    public init() {}

    public func check(_ context: RuleContext) -> [Violation] {
        var violations = check(siblings: context.document.sections)
        for section in context.document.allSections {
            violations += check(siblings: section.subsections)
        }
        return violations
    }

    private func check(siblings: [Section]) -> [Violation] {
        var previous: Int?
        var violations: [Violation] = []
        for section in siblings {
            guard let number = Self.number(section.title) else { continue }
            if let last = previous {
                if number == last {
                    violations.append(Violation("heading number \(number) repeats the previous heading's number: renumber to \(last + 1)",
                                                at: section.location, section: section.title))
                } else if number != last + 1 {
                    violations.append(Violation("heading numbered \(number), expected \(last + 1)",
                                                at: section.location, section: section.title))
                }
            } else if number > 1 {
                violations.append(Violation("first numbered heading is \(number), expected 1", at: section.location, section: section.title))
            }
            previous = number
        }
        return violations
    }

    /// The last part of a heading's leading decimal number (`10.` → 10, `2.3` → 3).
    static func number(_ title: String) -> Int? {
        guard let token = TitleNormalizer.leadingNumber(title) else { return nil }
        let digits = token.split(whereSeparator: { !$0.isNumber })
        // A section number has a few digits; longer runs (`# 9223372036854775807`) are not one,
        // and counting on from them could overflow.
        guard let last = digits.last, last.count <= 9, token.first?.isNumber == true else { return nil }
        return Int(last)
    }
}
