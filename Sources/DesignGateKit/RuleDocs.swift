import TDDRules

/// The text of `designgate rules` and `designgate explain RULE`.
public enum RuleDocs {
    public static func list() -> String {
        let descriptions = RuleRegistry.descriptions
        let width = descriptions.map(\.id.count).max() ?? 0
        return descriptions.map { rule in
            rule.id.padding(to: width) + "  " + rule.defaultSeverity.rawValue.padding(to: 7) + "  " + rule.summary
        }.joined(separator: "\n") + "\n"
    }

    public static func explain(_ id: String) throws(DesignGateError) -> String {
        guard let rule = RuleRegistry.description(of: id) else {
            let ids = RuleRegistry.descriptions.map(\.id)
            let suggestion = closest(to: id, in: ids).map { " (did you mean `\($0)`?)" } ?? ""
            throw DesignGateError("unknown rule `\(id)`\(suggestion)", hint: "`designgate rules` lists them")
        }
        var text = "\(rule.id) (default: \(rule.defaultSeverity.rawValue))\n\(rule.summary)\n\n\(rule.description)\n"
        if !rule.suppressible {
            text += "\nIts findings cannot be suppressed: disable comments and waivers do not apply to it.\n"
        }
        if !rule.options.isEmpty {
            text += "\nOptions:\n" + rule.options.map { "  \($0.name) (default \($0.defaultValue)): \($0.summary)" }
                .joined(separator: "\n") + "\n"
        }
        let strip = { (example: String) in
            example.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasSuffix(String(RuleDescription.marker))
                    ? String(line.dropLast()).trimmingTrailingSpaces + "    <- finding here" : String(line)
            }.joined(separator: "\n")
        }
        for example in rule.passingExamples { text += "\nPasses:\n" + indent(strip(example)) }
        for example in rule.failingExamples { text += "\nFails:\n" + indent(strip(example)) }
        return text
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
