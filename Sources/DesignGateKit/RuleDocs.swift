import TDDRules

/// The text of `designgate rules` and `designgate explain RULE`.
public enum RuleDocs {
    /// Every rule id, in registry order.
    public static var ids: [String] { RuleRegistry.descriptions.map(\.id) }

    public static func list() -> String {
        let descriptions = RuleRegistry.descriptions
        let width = descriptions.map(\.id.count).max() ?? 0
        return descriptions.map { rule in
            rule.id.padding(to: width) + "  " + rule.defaultSeverity.rawValue.padding(to: 7) + "  " + rule.summary
        }.joined(separator: "\n") + "\n"
    }

    /// One rule's description (wrapped to `width` columns), options and examples (verbatim).
    public static func explain(_ id: String, width: Int = 80) throws(DesignGateError) -> String {
        guard let rule = RuleRegistry.description(of: id) else {
            let ids = RuleRegistry.descriptions.map(\.id)
            let suggestion = didYouMean(id, in: ids)
            throw DesignGateError("unknown rule `\(id)`\(suggestion)", hint: "`designgate rules` lists them")
        }
        var text = "\(rule.id) (default: \(rule.defaultSeverity.rawValue))\n\(rule.summary)\n\n"
            + wrap(rule.description, width: width) + "\n"
        let statuses = StatusPolicy.builtInRules.filter { $0.value[rule.id] != nil }.keys.sorted()
        if !statuses.isEmpty {
            text += "\n" + wrap("While a document's status is \(statuses.joined(separator: " or ")), its findings are warnings "
                + "(the built-in status policy; `status.rules` in .designgate.yml changes it).", width: width) + "\n"
        }
        if !rule.suppressible {
            text += "\nIts findings cannot be suppressed: disable comments and waivers do not apply to it.\n"
        }
        if !rule.options.isEmpty {
            let column = rule.options.map { $0.name.count + "\($0.defaultValue)".count }.max() ?? 0
            text += "\nOptions, as .designgate.yml sets them (the defaults):\n"
                + indent("rules:\n  \(rule.id):\n" + rule.options.map { option in
                    let setting = "\(option.name): \(option.defaultValue)"
                    return "    " + setting.padding(to: column + 2) + "  # " + option.summary
                }.joined(separator: "\n"))
        }
        if let configuration = rule.configuration {
            text += "\nIts policy, as .designgate.yml sets it (copy and adjust):\n" + indent(configuration.trimmingTrailingNewlines)
        }
        for (examples, verdict) in [(rule.passingExamples, "Passes"), (rule.failingExamples, "Fails")] {
            for example in examples {
                if example.configuration != nil {
                    text += "\n\(verdict) with this .designgate.yml:\n" + indent(configurationFile(example).trimmingTrailingNewlines)
                    text += "  and this document:\n"
                } else {
                    text += "\n\(verdict):\n"
                }
                if let base = example.base {
                    text += indent(base.trimmingTrailingNewlines) + "  changed to:\n"
                }
                text += indent(markedFindings(example.document))
            }
        }
        return text
    }

    /// The whole `.designgate.yml` an example runs with: its fragment under `version: 1`.
    public static func configurationFile(_ example: Example) -> String {
        "version: \(Configuration.currentVersion)\n" + (example.configuration.map { $0 + "\n" } ?? "")
    }

    /// The example's document with each marker (`↓` an error, `⇣` a warning) spelled out.
    private static func markedFindings(_ document: String) -> String {
        document.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let severity = RuleDescription.expectedSeverity(of: line) else { return String(line) }
            return String(line.dropLast()).trimmingTrailingSpaces + "    <- \(severity == .warning ? "warning" : "finding") here"
        }.joined(separator: "\n")
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word keeps its own line).
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
