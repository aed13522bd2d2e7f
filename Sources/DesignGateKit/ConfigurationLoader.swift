import Reporters
import TDDMarkdown
import TDDRules

/// Reads `.designgate.yml` strictly: unknown keys, wrong types, unknown rule ids, profiles
/// and severities are errors naming the file, line, key and the closest valid name.
public struct ConfigurationLoader {
    let file: String

    public init(file: String) {
        self.file = file
    }

    public func load(_ text: String) throws(DesignGateError) -> Configuration {
        var configuration = Configuration()
        configuration.source = file
        let root: YAMLNode
        do {
            guard let node = try YAMLNode.parse(text) else { return configuration }
            root = node
        } catch {
            throw DesignGateError("\(file):\(error.line): not valid YAML: \(Self.short(error.message))",
                                  hint: "fix the YAML syntax; `designgate init` writes a valid example")
        }
        let entries = try mapping(root, "the top level")
        try checkKeys(entries, allowed: ["version", "annotate", "documents", "profile", "profiles", "report", "review", "rules", "status"],
                      in: "the top level")

        guard let version = entries.first(where: { $0.key == "version" }) else {
            throw fail(root.line, "missing `version: 1`", hint: "add `version: \(Configuration.currentVersion)` at the top")
        }
        guard version.value.scalar == String(Configuration.currentVersion) else {
            throw fail(version.keyLine, "unsupported version `\(Self.short(version.value.scalar ?? version.value.kindName))`",
                       hint: "this designgate reads `version: \(Configuration.currentVersion)`")
        }
        for entry in entries {
            switch entry.key {
            case "documents": configuration.selection = try documents(entry.value)
            case "profiles": configuration.profiles = try profiles(entry.value)
            case "rules": configuration.rules = try rules(entry.value)
            case "status": configuration.status = try status(entry.value)
            case "review": configuration.review = try review(entry.value)
            case "report":
                // `report: new` is `--new-only` for every run; `all` (the default) counts every finding.
                let value = try string(entry.value, "report")
                guard ["all", "new"].contains(value) else { throw unknownValue(entry.value, value, key: "report", valid: ["all", "new"]) }
                configuration.newOnly = value == "new"
            case "annotate":
                let value = try string(entry.value, "annotate")
                guard let annotation = Annotation(rawValue: value) else {
                    throw unknownValue(entry.value, value, key: "annotate", valid: Annotation.allCases.map(\.rawValue))
                }
                configuration.annotation = annotation
            default: continue
            }
        }
        if let profile = entries.first(where: { $0.key == "profile" }) {
            let name = try string(profile.value, "profile")
            configuration.profile = name
            do {
                _ = try configuration.profileChoice()
            } catch {
                throw fail(profile.value.line, error.message, hint: error.hint)
            }
        }
        return configuration
    }

    // MARK: - Sections

    private func documents(_ node: YAMLNode) throws(DesignGateError) -> DocumentSelection {
        let entries = try mapping(node, "documents")
        try checkKeys(entries, allowed: ["include", "exclude", "detect"], in: "documents")
        var selection = DocumentSelection()
        for entry in entries {
            switch entry.key {
            case "include": selection.include = try strings(entry.value, "documents.include").map(Glob.init)
            case "exclude":
                selection.exclude = try strings(entry.value, "documents.exclude").map(Glob.init)
                selection.excludeTemplates = false
            default: selection.detect = try bool(entry.value, "documents.detect")
            }
        }
        return selection
    }

    private func profiles(_ node: YAMLNode) throws(DesignGateError) -> [String: Profile] {
        var result: [String: Profile] = [:]
        let entries = try mapping(node, "profiles")
        // Profiles may extend ones defined later in the file.
        var pending = entries
        while !pending.isEmpty {
            let before = pending.count
            var next: [YAMLNode.Entry] = []
            for entry in pending {
                let fields = try mapping(entry.value, "profiles.\(entry.key)")
                let base = fields.first { $0.key == "extends" }?.value.scalar
                if let base, base != entry.key, result[base] == nil,
                   entries.contains(where: { $0.key == base }) {
                    next.append(entry)
                    continue
                }
                result[entry.key] = try profile(entry.key, entry.value, defined: result)
            }
            if next.count == before, let first = next.first {
                throw fail(first.keyLine, "profile `\(first.key)` extends itself through a cycle",
                           hint: "make one of the profiles in the cycle extend a built-in profile")
            }
            pending = next
        }
        return result
    }

    private func profile(_ name: String, _ node: YAMLNode,
                         defined: [String: Profile]) throws(DesignGateError) -> Profile {
        let key = "profiles.\(name)"
        let entries = try mapping(node, key)
        try checkKeys(entries, allowed: ["extends", "sections", "remove"], in: key)
        var sections: [SectionSpec] = []
        var template = ""
        if let extends = entries.first(where: { $0.key == "extends" }) {
            let baseName = try string(extends.value, "\(key).extends")
            let known = BuiltInProfiles.all.map(\.name) + defined.keys.sorted()
            guard let base = BuiltInProfiles.all.first(where: { $0.name == baseName }) ?? defined[baseName] else {
                let suggestion = didYouMean(baseName, in: known)
                throw fail(extends.value.line, "`\(key).extends` names unknown profile `\(Self.short(baseName))`\(suggestion)",
                           hint: "extend one of: \(Self.listing(known))")
            }
            sections = base.sections
            template = base.template
        }
        if let remove = entries.first(where: { $0.key == "remove" }) {
            let titles = Set(try strings(remove.value, "\(key).remove").map(TitleNormalizer.normalize))
            sections.removeAll { !titles.isDisjoint(with: $0.names) }
        }
        if let list = entries.first(where: { $0.key == "sections" }) {
            guard let items = list.value.sequence else {
                throw typeError(list.value, "\(key).sections", expected: "a list of sections")
            }
            for item in items {
                let spec = try section(item, "\(key).sections")
                if let index = sections.firstIndex(where: { !Set($0.names).isDisjoint(with: spec.names) }) {
                    sections[index] = spec
                } else {
                    sections.append(spec)
                }
            }
        }
        if template.isEmpty {
            template = "# Technical Design Document\n\n" + sections.map { "## \($0.title)\n\n" }.joined()
        }
        return Profile(name: name, sections: sections, template: template)
    }

    private func section(_ node: YAMLNode, _ key: String) throws(DesignGateError) -> SectionSpec {
        if let title = node.scalar { return SectionSpec(title) }
        let entries = try mapping(node, key)
        try checkKeys(entries, allowed: ["title", "aliases", "required", "fields", "role"], in: key)
        guard let titleEntry = entries.first(where: { $0.key == "title" }) else {
            throw fail(node.line, "a section in `\(key)` has no `title`", hint: "add `title: Section Name`")
        }
        let title = try string(titleEntry.value, "\(key).title")
        var aliases: [String] = []
        var required = true
        var fields: [FieldSpec] = []
        var role: SectionRole?
        for entry in entries {
            switch entry.key {
            case "aliases": aliases = try strings(entry.value, "\(key).aliases")
            case "required": required = try bool(entry.value, "\(key).required")
            case "fields": fields = try strings(entry.value, "\(key).fields").map { FieldSpec($0) }
            case "role":
                let value = try string(entry.value, "\(key).role")
                guard let parsed = SectionRole(rawValue: value) else {
                    throw unknownValue(entry.value, value, key: "\(key).role", valid: SectionRole.allCases.map(\.rawValue))
                }
                role = parsed
            default: continue
            }
        }
        if role == nil {
            let names = Set(([title] + aliases).map(TitleNormalizer.normalize))
            role = SectionRole.allCases.first { role in
                let known = role == .risks ? BuiltInProfiles.standard.spec(for: .risks) : BuiltInProfiles.extended.spec(for: .openQuestions)
                return !names.isDisjoint(with: known?.names ?? [])
            }
        }
        return SectionSpec(title, aliases: aliases, required: required, fields: fields, role: role)
    }

    private func rules(_ node: YAMLNode) throws(DesignGateError) -> [String: RuleSetting] {
        var result: [String: RuleSetting] = [:]
        let ids = RuleRegistry.descriptions.map(\.id)
        for entry in try mapping(node, "rules") {
            guard let description = RuleRegistry.description(of: entry.key) else {
                throw unknownKey(entry, in: "rules", valid: ids, noun: "rule")
            }
            if entry.value.scalar != nil {
                result[entry.key] = RuleSetting(severity: try severity(entry.value, "rules.\(entry.key)"))
                continue
            }
            let fields = try mapping(entry.value, "rules.\(entry.key)")
            try checkKeys(fields, allowed: ["severity"] + description.options.map(\.name), in: "rules.\(entry.key)")
            var setting = RuleSetting()
            for field in fields {
                if field.key == "severity" {
                    setting.severity = try severity(field.value, "rules.\(entry.key).severity")
                } else if let option = description.options.first(where: { $0.name == field.key }) {
                    setting.options.values[option.name] = try value(field.value, like: option.defaultValue,
                                                                      "rules.\(entry.key).\(option.name)")
                }
            }
            result[entry.key] = setting
        }
        return result
    }

    private func status(_ node: YAMLNode) throws(DesignGateError) -> StatusPolicy {
        let entries = try mapping(node, "status")
        try checkKeys(entries, allowed: ["field", "values", "rules"], in: "status")
        var policy = StatusPolicy()
        if let field = entries.first(where: { $0.key == "field" }) { policy.field = try string(field.value, "status.field") }
        if let values = entries.first(where: { $0.key == "values" }) { policy.values = try strings(values.value, "status.values") }
        guard let rules = entries.first(where: { $0.key == "rules" }) else { return policy }
        for status in try mapping(rules.value, "status.rules") {
            if !policy.values.isEmpty, !policy.values.contains(where: { $0.lowercased() == status.key.lowercased() }) {
                throw unknownKey(status, in: "status.rules", valid: policy.values, noun: "status")
            }
            var overrides: [String: Severity] = [:]
            for rule in try mapping(status.value, "status.rules.\(status.key)") {
                guard RuleRegistry.description(of: rule.key) != nil else {
                    throw unknownKey(rule, in: "status.rules.\(status.key)",
                                     valid: RuleRegistry.descriptions.map(\.id), noun: "rule")
                }
                overrides[rule.key] = try severity(rule.value, "status.rules.\(status.key).\(rule.key)")
            }
            // Replaces the built-in entry for the status, however it is capitalised.
            policy.rules = policy.rules.filter { $0.key.lowercased() != status.key.lowercased() }
            policy.rules[status.key] = overrides
        }
        return policy
    }

    // MARK: - Typed values

    func mapping(_ node: YAMLNode, _ key: String) throws(DesignGateError) -> [YAMLNode.Entry] {
        if let entries = node.mapping { return entries }
        if node.scalar == "" { return [] }
        throw typeError(node, key, expected: "a mapping")
    }

    func string(_ node: YAMLNode, _ key: String) throws(DesignGateError) -> String {
        guard let value = node.scalar else { throw typeError(node, key, expected: "a string") }
        return value
    }

    func strings(_ node: YAMLNode, _ key: String) throws(DesignGateError) -> [String] {
        if let single = node.scalar, !single.isEmpty { return [single] }
        guard let items = node.sequence else { throw typeError(node, key, expected: "a list of strings") }
        var result: [String] = []
        for item in items { result.append(try string(item, key)) }
        return result
    }

    func bool(_ node: YAMLNode, _ key: String) throws(DesignGateError) -> Bool {
        switch node.scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw typeError(node, key, expected: "true or false")
        }
    }

    func severity(_ node: YAMLNode, _ key: String) throws(DesignGateError) -> Severity {
        let text = try string(node, key)
        guard let severity = Severity(rawValue: text.lowercased()) else {
            throw unknownValue(node, text, key: key, valid: Severity.allCases.map(\.rawValue))
        }
        return severity
    }

    func value(_ node: YAMLNode, like example: OptionValue, _ key: String) throws(DesignGateError) -> OptionValue {
        switch example {
        case .bool: return .bool(try bool(node, key))
        case .strings: return .strings(try strings(node, key))
        case .int:
            guard let number = node.scalar.flatMap({ Int($0) }) else { throw typeError(node, key, expected: "a number") }
            return .int(number)
        }
    }

    // MARK: - Errors

    func checkKeys(_ entries: [YAMLNode.Entry], allowed: [String], in place: String) throws(DesignGateError) {
        for entry in entries where !allowed.contains(entry.key) {
            throw unknownKey(entry, in: place, valid: allowed, noun: "key")
        }
    }

    func unknownKey(_ entry: YAMLNode.Entry, in place: String, valid: [String], noun: String) -> DesignGateError {
        let suggestion = didYouMean(entry.key, in: valid)
        return fail(entry.keyLine, "unknown \(noun) `\(Self.short(entry.key))` in \(place)\(suggestion)",
                    hint: "valid \(noun)s here: \(Self.listing(valid))")
    }

    func unknownValue(_ node: YAMLNode, _ value: String, key: String, valid: [String]) -> DesignGateError {
        let suggestion = didYouMean(value, in: valid)
        return fail(node.line, "`\(key)` has unknown value `\(Self.short(value))`\(suggestion)",
                    hint: "use one of: \(Self.listing(valid))")
    }

    func typeError(_ node: YAMLNode, _ key: String, expected: String) -> DesignGateError {
        fail(node.line, "`\(key)` must be \(expected), found \(node.kindName)", hint: "see `designgate init` for the expected shape")
    }

    /// At most the first 20 values, then how many more: an error stays readable whatever the file holds.
    static func listing(_ values: [String]) -> String {
        let shown = values.prefix(20).map(short).joined(separator: ", ")
        return values.count > 20 ? shown + ", and \(values.count - 20) more" : shown
    }

    /// A value quoted in an error: at most 60 characters (the error is escaped when printed).
    static func short(_ value: String) -> String {
        value.count > 60 ? String(value.prefix(59)) + "…" : value
    }

    func fail(_ line: Int, _ message: String, hint: String?) -> DesignGateError {
        // Values from the file are quoted short, but a message must stay short whatever they hold.
        let bounded = message.count > 400 ? String(message.prefix(399)) + "…" : message
        return DesignGateError("\(file):\(line): \(bounded)", hint: hint)
    }
}
