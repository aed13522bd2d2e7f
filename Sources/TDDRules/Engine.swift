import TDDMarkdown

/// A rule's configured severity and options.
public struct RuleSetting: Sendable, Hashable {
    public var severity: Severity?
    public var options: RuleOptions

    public init(severity: Severity? = nil, options: RuleOptions = RuleOptions()) {
        self.severity = severity
        self.options = options
    }
}

/// Which profile judges a document.
public enum ProfileChoice: Sendable, Hashable {
    /// The built-in profile whose sections best match the document.
    case auto
    case named(Profile)
}

/// Per-status rule severities (SPEC §4, policy by document status).
public struct StatusPolicy: Sendable, Hashable {
    /// Front-matter key holding the status.
    public var field: String
    /// The allowed statuses; empty allows any.
    public var values: [String]
    /// Status → rule id → severity.
    public var rules: [String: [String: Severity]]

    /// The built-in policy for work in progress: while a document's status is Draft, what an
    /// author fills in last (placeholders, open questions, unhandled risks, empty sections) is a
    /// warning, so a draft can be committed and pushed; once it is In Review, Approved or has no
    /// status, the rules run as configured. An entry under `status.rules` replaces it for its
    /// status (`Draft: {}` makes drafts as strict as the rest).
    public static let builtInRules: [String: [String: Severity]] = [
        "Draft": [NoPlaceholdersRule.description.id: .warning, OpenQuestionsResolvedRule.description.id: .warning,
                  RisksHaveMitigationsRule.description.id: .warning, SectionNotEmptyRule.description.id: .warning],
    ]

    public init(field: String = "status", values: [String] = [], rules: [String: [String: Severity]] = builtInRules) {
        self.field = field
        self.values = values
        self.rules = rules
    }
}

/// Everything the engine needs to judge documents.
public struct Policy: Sendable {
    public var profile: ProfileChoice
    public var rules: [String: RuleSetting]
    public var status: StatusPolicy
    /// Today's date as `YYYY-MM-DD`, for waiver expiry.
    public var today: String
    public var review: ReviewPolicy
    /// The repository's CODEOWNERS, if it has one.
    public var codeOwners: CodeOwners?

    public init(profile: ProfileChoice = .auto, rules: [String: RuleSetting] = [:],
                status: StatusPolicy = StatusPolicy(), today: String,
                review: ReviewPolicy = ReviewPolicy(), codeOwners: CodeOwners? = nil) {
        self.profile = profile
        self.rules = rules
        self.status = status
        self.today = today
        self.review = review
        self.codeOwners = codeOwners
    }
}

/// The engine's judgement of one document.
public struct Verdict: Sendable {
    public let profile: String
    /// The document's status, when it declares one.
    public let status: String?
    /// The rules that ran (severity not `off`), in registry order.
    public let rules: [RuleDescription]
    public internal(set) var findings: [Finding]
    /// The base version's findings that the change removed (`--new-only`), marked absent.
    public internal(set) var absent: [Finding] = []

    public var errors: Int { findings.filter { $0.counts && $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.counts && $0.severity == .warning }.count }

    /// The verdict with each unsuppressed finding that `known` lists marked unchanged (each
    /// entry matches one finding), and the entries that matched none.
    public func accepting(_ known: [FindingIdentity: Int]) -> (verdict: Verdict, unmatched: [FindingIdentity: Int]) {
        var remaining = known
        var accepted = self
        for index in accepted.findings.indices where !accepted.findings[index].isSuppressed {
            let identity = FindingIdentity(accepted.findings[index])
            guard let count = remaining[identity], count > 0 else { continue }
            accepted.findings[index].baselineState = .unchanged
            remaining[identity] = count - 1
        }
        return (accepted, remaining.filter { $0.value > 0 })
    }

    /// This verdict with another's rules and findings added (a change-set rule's findings on a document).
    public func adding(_ other: Verdict) -> Verdict {
        let ids = Set(rules.map(\.id))
        return Verdict(profile: profile, status: status, rules: rules + other.rules.filter { !ids.contains($0.id) },
                       findings: Finding.ordered(findings + other.findings))
    }

    /// This verdict with each finding marked against the verdict on the base version of the
    /// document (nil: none, so every finding is new): an unsuppressed finding is unchanged when
    /// the base has an unsuppressed finding of the same rule, section and message (as many
    /// times), wherever its line; updated when the base's finding of that rule and section
    /// matches nothing else (its words changed); new otherwise. The base's findings left over
    /// are absent: the change fixed them.
    public func comparedWith(base: Verdict?) -> Verdict {
        let before = (base?.findings ?? []).filter { !$0.isSuppressed }
        let known = before.reduce(into: [FindingIdentity: Int]()) { $0[FindingIdentity($1), default: 0] += 1 }
        var (compared, unmatched) = accepting(known)
        var gone = before.filter { finding in
            let identity = FindingIdentity(finding)
            guard let count = unmatched[identity], count > 0 else { return false }
            unmatched[identity] = count - 1
            return true
        }
        for index in compared.findings.indices where compared.findings[index].baselineState == nil {
            let finding = compared.findings[index]
            let previous = finding.isSuppressed ? nil
                : gone.firstIndex { $0.ruleId == finding.ruleId && $0.section == finding.section }
            if let previous { gone.remove(at: previous) }
            compared.findings[index].baselineState = previous == nil ? .new : .updated
        }
        compared.absent = gone.map { finding in
            var absent = finding
            absent.baselineState = .absent
            return absent
        }
        return compared
    }
}

/// Applies the policy to documents: picks the profile, runs every enabled rule, applies
/// suppressions, and orders the findings.
public struct Engine: Sendable {
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Judges the outcome of reading the file at `path` (repository-relative), against its base
    /// version when the change set has one; nil for binary files, which are not documents.
    public func check(_ outcome: ReadOutcome, base: BaseVersion? = nil, path: String? = nil) -> Verdict? {
        switch outcome {
        case .document(let document):
            return check(document, base: base, path: path)
        case .binary:
            return nil
        case .tooLarge(let bytes, let limit):
            return inputFailure("file is \(bytes) bytes, over the \(limit)-byte limit; it was not parsed", line: 1)
        case .refused(let message, let line):
            return inputFailure(message, line: line)
        }
    }

    /// Judges a document at `path`; `base`, its version before the change, lets rules compare the two.
    public func check(_ document: Document, base: BaseVersion? = nil, path: String? = nil) -> Verdict {
        let profile: Profile
        switch policy.profile {
        case .auto: profile = BuiltInProfiles.best(for: document)
        case .named(let named): profile = named
        }
        let status = DocumentStatus(document: document, field: policy.status.field)
        let context = RuleContext(document: document, profile: profile,
                                  match: ProfileMatch(document: document, profile: profile),
                                  options: RuleOptions(), today: policy.today,
                                  status: status, allowedStatuses: policy.status.values,
                                  base: base.map { base in
                                      var base = base
                                      base.statusField = policy.status.field
                                      return base
                                  },
                                  path: path, review: policy.review, codeOwners: policy.codeOwners)
        var findings: [Finding] = []
        var ran: [RuleDescription] = []
        /// What each rule found, for the rules that read it.
        var found: [String: [Violation]] = [:]
        /// Rules reading the other rules' findings, run once those have run.
        var comparing: [(rule: any ComparingRule, description: RuleDescription, severity: Severity, context: RuleContext)] = []
        /// Rules about the suppressions, run once the suppressions are applied.
        var afterSuppression: [(rule: any SuppressionRule, description: RuleDescription, severity: Severity, context: RuleContext)] = []
        for rule in RuleRegistry.rules {
            let description = type(of: rule).description
            let severity = self.severity(of: description, status: status?.value)
            guard severity != .off else { continue }
            ran.append(description)
            let setting = policy.rules[description.id] ?? RuleSetting()
            let ruleContext = context.with(options: setting.options)
            switch rule.stage {
            case .suppression(let rule):
                afterSuppression.append((rule, description, severity, ruleContext))
            case .comparing(let rule):
                comparing.append((rule, description, severity, ruleContext))
            case .document:
                let violations = rule.check(ruleContext)
                found[description.id] = violations
                findings += Self.findings(violations, of: description, at: severity)
            }
        }
        if !comparing.isEmpty {
            let read = RuleFindings(context: context, settings: policy.rules.mapValues(\.options), found: found)
            for deferred in comparing {
                findings += Self.findings(deferred.rule.check(deferred.context, findings: read), of: deferred.description,
                                          at: deferred.severity)
            }
        }
        let directives = context.directives
        let used: Set<Directives.Entry>
        (findings, used) = suppress(findings, with: directives)
        let outcome = SuppressionOutcome(entries: directives.entries, used: used, ran: Set(ran.map(\.id)))
        for deferred in afterSuppression {
            findings += Self.findings(deferred.rule.check(deferred.context, suppressions: outcome),
                                      of: deferred.description, at: deferred.severity)
        }
        return Verdict(profile: profile.name, status: status?.value, rules: ran,
                       findings: Finding.ordered(findings))
    }

    /// Judges a whole change set with the change-set rules: one verdict per path a finding is on.
    public func check(_ changeSet: ChangeSetContext) -> [(path: String, verdict: Verdict)] {
        var byPath: [String: [Finding]] = [:]
        var ran: [RuleDescription] = []
        for rule in RuleRegistry.changeSetRules {
            let description = type(of: rule).description
            let severity = self.severity(of: description, status: nil)
            guard severity != .off else { continue }
            ran.append(description)
            for (path, violations) in Dictionary(grouping: rule.check(changeSet), by: \.path) {
                byPath[path, default: []] += Self.findings(violations.map(\.violation), of: description, at: severity)
            }
        }
        return byPath.keys.sorted().map { path in
            (path, Verdict(profile: "none", status: nil, rules: ran, findings: Finding.ordered(byPath[path] ?? [])))
        }
    }

    /// A rule's violations as findings at the severity it runs at (a violation may ask for less).
    private static func findings(_ violations: [Violation], of description: RuleDescription, at severity: Severity) -> [Finding] {
        violations.map {
            Finding(ruleId: description.id, severity: min(severity, $0.severity ?? severity), message: $0.message,
                    location: $0.location, section: $0.section)
        }
    }

    /// The severity a rule runs at: configured or default, then the document status's override
    /// (a status's `warning` lowers a rule; it never switches on a rule that is off).
    public func severity(of description: RuleDescription, status: String?) -> Severity {
        let configured = policy.rules[description.id]?.severity ?? description.defaultSeverity
        guard let status,
              let overrides = policy.status.rules.first(where: { $0.key.lowercased() == status.lowercased() })?.value,
              let override = overrides[description.id] else { return configured }
        return override == .warning && configured == .off ? .off : override
    }

    /// The findings with their suppressions, and the entries that hid at least one.
    private func suppress(_ findings: [Finding], with directives: Directives) -> ([Finding], Set<Directives.Entry>) {
        let suppressors = directives.suppressors(of: findings.map { ($0.ruleId, $0.location.line) }, today: policy.today)
        var used = Set<Directives.Entry>()
        let suppressed = zip(findings, suppressors).map { finding, entry in
            guard let entry, !RuleRegistry.unsuppressible.contains(finding.ruleId) else { return finding }
            used.insert(entry)
            var finding = finding
            switch entry.kind {
            case .comment:
                finding.suppression = Suppression(source: .comment, reason: entry.reason ?? "no reason given")
            case .waiver:
                finding.suppression = Suppression(source: .waiver, reason: entry.reason ?? "no reason given",
                                                  approver: entry.approver)
            }
            return finding
        }
        return (suppressed, used)
    }

    /// The verdict on a file that was not parsed: `input-readable`'s finding, at the severity
    /// the configuration gives that rule (none when it is off), or an error when it gives none:
    /// a file nothing was checked in never passes by default.
    private func inputFailure(_ message: String, line: Int) -> Verdict {
        let description = InputReadableRule.description
        let severity = policy.rules[description.id]?.severity ?? InputReadableRule.refusalSeverity
        guard severity != .off else { return Verdict(profile: "none", status: nil, rules: [], findings: []) }
        return Verdict(profile: "none", status: nil, rules: [description],
                       findings: [Finding(ruleId: description.id, severity: severity, message: message,
                                          location: SourceLocation(line: line))])
    }
}
