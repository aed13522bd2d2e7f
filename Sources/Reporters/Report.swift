import TDDRules

/// Everything one run found, in the order reports print it.
public struct Report: Sendable {
    /// The program that made the report.
    public struct Tool: Sendable, Hashable {
        public let name: String
        public let version: String
        public let informationURI: String

        public init(name: String, version: String, informationURI: String) {
            self.name = name
            self.version = version
            self.informationURI = informationURI
        }
    }

    /// What was compared: the mode and, for git modes, the base and head commits.
    public struct ChangeSet: Sendable, Hashable {
        public let mode: String
        public let base: String?
        public let head: String?

        public init(mode: String, base: String? = nil, head: String? = nil) {
            self.mode = mode
            self.base = base
            self.head = head
        }
    }

    /// One checked document and its verdict.
    public struct Document: Sendable {
        /// Repository-relative path (or the path as given), `/`-separated.
        public let path: String
        public let change: ChangeKind
        public let previousPath: String?
        public var verdict: Verdict
        /// The lines the change set touched, for annotating only those (`--annotate changed`);
        /// nil when every line counts: a new document, or a run without a base.
        public var touchedLines: TouchedLines?

        public init(path: String, change: ChangeKind, previousPath: String? = nil, verdict: Verdict,
                    touchedLines: TouchedLines? = nil) {
            self.path = path
            self.change = change
            self.previousPath = previousPath
            self.verdict = verdict
            self.touchedLines = touchedLines
        }

        /// A changed path that is no design document, reported for a rule about the change set as a whole.
        public var isOnlyAboutTheChangeSet: Bool {
            !verdict.rules.isEmpty && verdict.rules.allSatisfy { RuleRegistry.changeSetRuleIds.contains($0.id) }
        }

    }

    public let tool: Tool
    public let changeSet: ChangeSet
    public let documents: [Document]
    /// Every rule designgate knows, for formats that carry a catalogue (SARIF).
    public let catalogue: [RuleDescription]
    /// Warnings fail a document too (`--strict`): every report counts them as the exit status does.
    public let strict: Bool
    /// Which findings GitHub annotations and the step summary show.
    public let annotation: Annotation

    public init(tool: Tool, changeSet: ChangeSet, documents: [Document], catalogue: [RuleDescription],
                strict: Bool = false, annotation: Annotation = .all) {
        self.tool = tool
        self.changeSet = changeSet
        self.documents = documents.sorted { $0.path < $1.path }
        self.catalogue = catalogue
        self.strict = strict
        self.annotation = annotation
    }

    /// True when `document` fails the check: one of its findings does.
    public func fails(_ document: Document) -> Bool {
        document.verdict.findings.contains(where: fails)
    }

    /// True when `finding` fails its document: it counts (not suppressed, not already in the
    /// base version under `--new-only`), and is an error or, under `--strict`, a warning.
    public func fails(_ finding: Finding) -> Bool {
        finding.counts && (finding.severity == .error || (strict && finding.severity == .warning))
    }

    public var errors: Int { documents.reduce(0) { $0 + $1.verdict.errors } }
    public var warnings: Int { documents.reduce(0) { $0 + $1.verdict.warnings } }
    public var suppressed: Int { documents.reduce(0) { $0 + $1.verdict.findings.filter(\.isSuppressed).count } }
    /// Findings the base version already had (`--new-only`), not suppressed: they do not fail the run.
    public var unchanged: Int {
        documents.reduce(0) { $0 + $1.verdict.findings.filter { !$0.isSuppressed && $0.baselineState == .unchanged }.count }
    }
    public var passedDocuments: Int { documents.filter { !fails($0) }.count }
    /// True when the run fails: the exit status is 1.
    public var failed: Bool { documents.contains(where: fails) }
}

/// How a report is rendered.
public struct RenderOptions: Sendable, Hashable {
    public var color: Bool
    public var junitStrict: Bool
    public var verbose: Bool
    /// Only the findings: no per-rule count, no summary line.
    public var quiet: Bool

    public init(color: Bool = false, junitStrict: Bool = false, verbose: Bool = false, quiet: Bool = false) {
        self.color = color
        self.junitStrict = junitStrict
        self.verbose = verbose
        self.quiet = quiet
    }
}

/// Renders a report in one format. Reporters are stateless.
public protocol Reporter: Sendable {
    func render(_ report: Report, options: RenderOptions) -> String
}

/// The report formats, each with its reporter.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
    case junit
    case sarif
    case github
    case codeclimate

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .junit: return JUnitReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubReporter()
        case .codeclimate: return CodeClimateReporter()
        }
    }
}
