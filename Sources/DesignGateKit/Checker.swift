import Foundation
import GitKit
import Reporters
import TDDMarkdown
import TDDRules

/// Which change set `check` reads (SPEC §1, modes).
public enum CheckMode: Sendable, Equatable {
    case worktree
    case staged
    case range(String)
    case commit(String)
    case all(rev: String?)
    case prePush(remote: String, url: String?)
    case ci(base: String?)
    case paths([String])
}

/// What `designgate check` was asked to do.
public struct CheckOptions: Sendable {
    public var mode: CheckMode = .worktree
    /// `-C DIR`: run as if started in DIR.
    public var directory: String?
    public var configPath: String?
    public var profile: String?
    /// Warnings fail the run too.
    public var strict = false
    /// Only findings the base version of each document did not have count (`--new-only`);
    /// the others stay in the reports, marked unchanged.
    public var newOnly = false
    /// Which findings GitHub annotations show (`--annotate`); nil: the configuration's `annotate:`.
    public var annotation: Annotation?
    /// Findings `.designgate-baseline.json` lists do not count (off while writing the baseline).
    public var useBaseline = true
    /// Skip libgit2's repository-ownership check (for a checkout the user trusts).
    public var trustRepositoryOwner = false
    /// The pre-push hook's standard input.
    public var prePushInput = ""
    /// `check -`: the document read from standard input, and the path it stands for
    /// (`--stdin-filename`), relative to the current folder.
    public var standardInput: (bytes: [UInt8], path: String?)?
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init() {}
}

/// The result of a check: the report, notices for the log, and the exit status.
public struct CheckOutcome {
    public let report: Report
    /// Lines for stderr with `-v`: skipped files and why, the profile chosen.
    public let notices: [String]
    /// Lines for stderr always: files named on the command line that were not checked, and why.
    public internal(set) var warnings: [String]
    public let exitCode: Int32
}

/// Runs a check: change set → selection → documents → rules → report.
public struct Checker {
    public static let tool = Report.Tool(name: "designgate", version: DesignGateVersion.current,
                                         informationURI: "https://github.com/designgate/designgate")

    public init() {}

    public func run(_ options: CheckOptions) throws(DesignGateError) -> CheckOutcome {
        try runAtRoot(options).outcome
    }

    /// The check, and the repository root its configuration and baseline were read from.
    private func runAtRoot(_ options: CheckOptions) throws(DesignGateError) -> (outcome: CheckOutcome, root: String) {
        let start = options.directory ?? FileManager.default.currentDirectoryPath
        if let directory = options.directory, !FileSystem.isDirectory(directory) {
            throw DesignGateError("cannot change to \(directory): no such directory", hint: "check the -C/--repo path")
        }
        let files: ChangeSetFiles
        let configRoot: String
        switch options.mode {
        case .paths(let paths):
            configRoot = Self.repositoryRoot(from: start) ?? start
            // `documents.include` is written relative to the configuration's folder: the
            // repository's root, or the folder of the file `--config` names.
            let selectionRoot = options.configPath.map {
                URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: start, isDirectory: true))
                    .deletingLastPathComponent().path
            } ?? configRoot
            files = try Self.pathFiles(paths, relativeTo: options.directory, root: selectionRoot,
                                       standardInput: options.standardInput)
        default:
            let reader = try GitChangeReader(directory: start, mode: options.mode, environment: options.environment,
                                             prePushInput: options.prePushInput, trustOwner: options.trustRepositoryOwner)
            files = try reader.files()
            configRoot = reader.root
        }
        let configuration = try Self.configuration(options.configPath, root: configRoot, directory: options.directory)
        // CODEOWNERS is read only when sign-offs must come from owners.
        let codeOwners = configuration.review.owners ? try CodeOwnersFile.load(root: configRoot) : nil
        let policy = Policy(profile: try configuration.profileChoice(options.profile), rules: configuration.rules,
                            status: configuration.status, today: Self.today(), review: configuration.review,
                            codeOwners: codeOwners)
        let baseline = options.useBaseline ? try Baseline.load(root: configRoot) : nil
        var outcome = try check(files, selection: configuration.selection, engine: Engine(policy: policy), strict: options.strict,
                                newOnly: options.newOnly || configuration.newOnly,
                                annotation: options.annotation ?? configuration.annotation, baseline: baseline)
        if let codeOwners {
            outcome.warnings += codeOwners.skipped.map { "\(codeOwners.file):\($0.line): line skipped: \($0.reason)" }
        }
        return (outcome, configRoot)
    }

    /// `designgate baseline`: writes every current finding of the documents `options` selects
    /// to `.designgate-baseline.json` at the repository's root; with `prune`, keeps only the
    /// entries of the existing baseline that still match. Returns the path and the entry count.
    public func writeBaseline(_ options: CheckOptions, prune: Bool) throws(DesignGateError) -> (path: String, entries: Int) {
        var options = options
        options.useBaseline = false
        let (outcome, root) = try runAtRoot(options)
        let current = Baseline(outcome.report.documents)
        var written = current
        if prune {
            guard let existing = try Baseline.load(root: root) else {
                throw DesignGateError("there is no \(Baseline.fileName) to prune", hint: "write one with `designgate baseline`")
            }
            written = existing.keeping(current)
        }
        let path = FileSystem.join(root, Baseline.fileName)
        try FileSystem.writeAtomically(written.json, to: path)
        return (path, written.count)
    }

    func check(_ files: ChangeSetFiles, selection: DocumentSelection, engine: Engine,
               strict: Bool, newOnly: Bool = false, annotation: Annotation = .all,
               baseline: Baseline? = nil) throws(DesignGateError) -> CheckOutcome {
        var notices = files.skipped.map { "skipped \(TerminalText.path($0.path)): \($0.reason)" }
        var warnings: [String] = []
        func skip(_ candidate: Candidate, because reason: String) {
            let line = "skipped \(TerminalText.path(candidate.path)): \(reason)"
            notices.append(line)
            if candidate.named { warnings.append(line) }
        }
        var documents: [Report.Document] = []
        // Read in order (the repository is not shared between threads), judge a batch on all
        // cores, report in order: memory holds one batch of documents at a time.
        var batch: [(candidate: Candidate, input: DocumentInput)] = []
        func judgeBatch() {
            let judged = batch.map(\.input).parallelMap { Self.judge($0, engine: engine) }
            for ((candidate, _), judgement) in zip(batch, judged) {
                switch judgement {
                case .notDesignDocument:
                    skip(candidate, because: "not a design document by path, front matter or title")
                case .binary:
                    skip(candidate, because: "binary file (contains NUL bytes)")
                case .checked(let verdict, let touched):
                    notices.append("checked \(TerminalText.path(candidate.path)) with profile \(verdict.profile)")
                    documents.append(Report.Document(path: candidate.path, change: candidate.change,
                                                     previousPath: candidate.previousPath, verdict: verdict,
                                                     touchedLines: touched))
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        let limits = InputLimits()
        // The base version is read only when a rule, `--new-only` or `--annotate changed` compares with it.
        let readsBase = newOnly || annotation == .changed
            || engine.severity(of: NoRegressionsRule.description, status: nil) != .off
        let batchSize = 8 * ProcessInfo.processInfo.activeProcessorCount
        for candidate in files.candidates {
            // Standard input without a name is a design document if its content says so.
            let decision = candidate.selectionPath.map(selection.decide) ?? .needsContent
            if case .skipped(let reason) = decision {
                skip(candidate, because: reason)
                continue
            }
            let content: DocumentInput.Content
            if let size = candidate.size, size > limits.maxBytes {
                content = .tooLarge(bytes: size)
            } else {
                content = .bytes(try candidate.read())
            }
            var base: DocumentInput.Base?
            if readsBase { base = try candidate.readBase?().map(DocumentInput.Base.bytes) ?? .newDocument }
            batch.append((candidate, DocumentInput(content: content, path: candidate.selectionPath, limits: limits,
                                                   needsDetection: decision == .needsContent, base: base, newOnly: newOnly,
                                                   findsTouchedLines: annotation == .changed)))
            if batch.count == batchSize { judgeBatch() }
        }
        judgeBatch()
        if let history = files.history {
            documents = try Self.judgeChangeSet(history, documents: documents, engine: engine)
        }
        if let baseline {
            let (marked, stale) = baseline.apply(to: documents)
            documents = marked
            if let line = Baseline.staleNotice(stale) {
                notices.append(line)
                warnings.append(line)
            }
        }
        let report = Report(tool: Self.tool, changeSet: files.changeSet, documents: documents,
                            catalogue: RuleRegistry.descriptions, strict: strict, annotation: annotation)
        return CheckOutcome(report: report, notices: notices, warnings: warnings, exitCode: report.failed ? 1 : 0)
    }

    /// A selected file's content, ready to be judged on any core.
    struct DocumentInput: Sendable {
        enum Content: Sendable {
            case bytes([UInt8])
            case tooLarge(bytes: Int)
        }
        let content: Content
        /// The repository-relative path, for the rules that look the path up (CODEOWNERS).
        let path: String?
        let limits: InputLimits
        /// Selected only if its content shows it is a design document.
        let needsDetection: Bool
        /// The base version, for `--new-only` and the rules that compare versions.
        var base: Base?
        /// Only findings the base version does not have count.
        var newOnly = false
        /// Find the lines the change touched (`--annotate changed`).
        var findsTouchedLines = false

        enum Base: Sendable {
            case bytes([UInt8])
            /// A new document (or one the base does not have): every finding is new.
            case newDocument
        }
    }

    /// What judging one file found.
    enum Judgement: Sendable {
        /// The verdict, and the lines the change touched when they were asked for and the base has the document.
        case checked(Verdict, touched: TouchedLines?)
        case notDesignDocument
        case binary
    }

    /// Parses and checks one file: pure, so files are judged in parallel.
    static func judge(_ input: DocumentInput, engine: Engine) -> Judgement {
        let outcome: ReadOutcome
        switch input.content {
        case .tooLarge(let bytes): outcome = .tooLarge(bytes: bytes, limit: input.limits.maxBytes)
        case .bytes(let bytes): outcome = DocumentReader.read(bytes, limits: input.limits)
        }
        if input.needsDetection {
            guard case .document(let document) = outcome, DocumentSelection.detected(document) else { return .notDesignDocument }
        }
        // Under `--new-only` the base is judged whole; the rules comparing versions then reuse its parse.
        var baseOutcome: ReadOutcome?
        var base: BaseVersion?
        if case .bytes(let bytes)? = input.base {
            if input.newOnly { baseOutcome = DocumentReader.read(bytes, limits: input.limits) }
            if case .bytes(let head) = input.content {
                var parsed: Document?
                if case .document(let document)? = baseOutcome { parsed = document }
                base = BaseVersion(bytes: bytes, head: head, limits: input.limits, document: parsed)
            }
        }
        guard let verdict = engine.check(outcome, base: base, path: input.path) else { return .binary }
        let touched = input.findsTouchedLines ? touchedLines(input, outcome) : nil
        guard input.newOnly else { return .checked(verdict, touched: touched) }
        return .checked(verdict.comparedWith(base: baseOutcome.flatMap { engine.check($0, path: input.path) }), touched: touched)
    }

    /// The lines of the head version the change touched, and its title (where findings about
    /// the whole document sit); nil when the base has no such document (every line is new) or
    /// the two cannot be compared line by line: then every line counts.
    private static func touchedLines(_ input: DocumentInput, _ outcome: ReadOutcome) -> TouchedLines? {
        guard case .bytes(let old)? = input.base, case .bytes(let new) = input.content,
              let changed = try? LineDiff.touchedLines(from: old, to: new) else { return nil }
        var title = 1
        if case .document(let document) = outcome { title = document.titleLocation.line }
        return TouchedLines(changed + [title...title])
    }

    /// The configuration: `--config FILE`, else `.designgate.yml` at `root`, else defaults.
    static func configuration(_ explicit: String?, root: String, directory: String?) throws(DesignGateError) -> Configuration {
        let path: String
        let bytes: [UInt8]
        if let explicit {
            path = directory.map { FileSystem.resolve(explicit, in: $0) } ?? explicit
            bytes = try FileSystem.read(path, limit: Configuration.maxBytes, followLinks: true)
        } else {
            path = FileSystem.join(root, Configuration.fileName)
            guard let read = try FileSystem.readRepositoryFile(path, shown: TerminalText.path(path), limit: Configuration.maxBytes,
                                                               hint: "commit the configuration itself as a regular file, or pass one with --config")
            else { return Configuration() }
            bytes = read
        }
        return try ConfigurationLoader(file: path).load(String(decoding: bytes, as: UTF8.self))
    }

    /// `PATH...` mode: the files as given (folders expanded to the Markdown files in them;
    /// links and special files found there are skipped, never followed). A path is relative
    /// to the current folder (or `-C`), and is selected by its path relative to `root` (as
    /// given when outside it).
    static func pathFiles(_ paths: [String], relativeTo directory: String?, root: String,
                          standardInput: (bytes: [UInt8], path: String?)? = nil) throws(DesignGateError) -> ChangeSetFiles {
        let rootPrefix = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        /// `file` already holds `-C`'s folder: resolved against the current folder.
        func selectionPath(_ file: String) -> String {
            let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
            return absolute.hasPrefix(rootPrefix) ? String(absolute.dropFirst(rootPrefix.count)) : file
        }
        var candidates: [Candidate] = []
        var skipped: [(path: String, reason: String)] = []
        func display(_ file: String) -> String {
            var shown = directory.map { file.hasPrefix($0 + "/") ? String(file.dropFirst($0.count + 1)) : file } ?? file
            while shown.hasPrefix("./") { shown.removeFirst(2) }
            return shown
        }
        /// A path as given, in `-C`'s folder when relative.
        func onDisk(_ given: String) -> String {
            directory.map { FileSystem.resolve(given, in: $0) } ?? given
        }
        for given in paths {
            if given == "-" {
                // Standard input, shown and selected as the path `--stdin-filename` gives.
                let input = standardInput ?? ([], nil)
                guard let name = input.path else {
                    candidates.append(.unnamedInput(input.bytes))
                    continue
                }
                let onDisk = onDisk(name)
                candidates.append(Candidate(path: display(onDisk), change: .unchanged, size: input.bytes.count,
                                            selectionPath: selectionPath(onDisk), named: true) { () throws(DesignGateError) in
                    input.bytes
                })
                continue
            }
            let onDisk = onDisk(given)
            let files: [(path: String, size: Int)]
            var named = false
            switch FileSystem.kind(of: onDisk, followLinks: true) {
            case nil:
                throw DesignGateError("cannot read \(TerminalText.path(given)): no such file",
                                      hint: "check the path, or run without paths to check the changes in this repository")
            case .directory?:
                let found = FileSystem.markdownFiles(under: onDisk)
                files = found.files
                skipped += found.skipped.map { (display($0.path), $0.reason) }
            case .regular(let size)?:
                files = [(onDisk, size)]
                named = true
            case let kind?:
                throw DesignGateError("cannot read \(TerminalText.path(given)): it is \(FileSystem.describe(kind)), not a regular file",
                                      hint: "name a regular file")
            }
            for (file, size) in files {
                candidates.append(Candidate(path: display(file), change: .unchanged, size: size,
                                            selectionPath: selectionPath(file), named: named) { () throws(DesignGateError) in
                    try FileSystem.read(file, limit: InputLimits().maxBytes, followLinks: true)
                })
            }
        }
        return ChangeSetFiles(changeSet: Report.ChangeSet(mode: "paths"), candidates: candidates, skipped: skipped)
    }

    /// The nearest folder at or above `directory` holding `.git`, found without libgit2.
    static func repositoryRoot(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if FileSystem.exists(url.path + "/.git") { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Today's date (UTC) as `YYYY-MM-DD`.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
