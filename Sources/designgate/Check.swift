import ArgumentParser
import DesignGateKit
import Reporters

extension ReportFormat: ExpressibleByArgument {}
extension Annotation: ExpressibleByArgument {}

/// When to colour the text report.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the design documents in a change set against the policy.",
        discussion: """
            Modes (at most one; default: the working tree against HEAD):
              --staged            what is about to be committed (the index)
              --range A..B        tree of A against tree of B (A...B: from their merge base)
              --commit REV        REV against its first parent
              --all [--rev REV]   every design document in the tree of REV (default HEAD)
              --pre-push REMOTE   the refs a pre-push hook reads on standard input
              --ci [--base REF]   base and head from the CI environment
              PATH...             exactly these files (or folders), read from disk

            With --new-only, a finding the base version of its document already had (same
            rule, section and message, wherever its line) does not count: reports mark it
            unchanged (JSON `baselineState`, SARIF `baselineState`) and the text report lists
            it only with -v. A new document has only new findings; paths, --all and a newly
            pushed branch have no base, so every finding there is new.

            Exit status: 0 passed, 1 findings of severity error (or warning with --strict),
            2 designgate could not do its job.
            """)

    @Flag(help: "Check the staged content (pre-commit).") var staged = false
    @Option(help: ArgumentHelp("Check a commit range.", valueName: "A..B|A...B")) var range: String?
    @Option(help: ArgumentHelp("Check one commit against its first parent.", valueName: "REV")) var commit: String?
    @Flag(help: "Check every design document in a tree.") var all = false
    @Option(help: ArgumentHelp("The tree --all reads (default HEAD).", valueName: "REV")) var rev: String?
    @Option(name: .customLong("pre-push"), help: ArgumentHelp("Check what git is pushing (pre-push hook); refs on stdin.", valueName: "REMOTE"))
    var prePush: String?
    @Flag(help: "Detect base and head from the CI environment.") var ci = false
    @Option(help: ArgumentHelp("Base for --ci when the CI does not give one.", valueName: "REF")) var base: String?

    @Option(name: [.customShort("C"), .customLong("repo")], help: CommonOptions.repository, completion: .directory)
    var directory: String?
    @Option(help: CommonOptions.configuration, completion: .file(extensions: ["yml", "yaml"]))
    var config: String?
    @Option(help: ArgumentHelp("Profile: auto, standard, extended or a configured one.", valueName: "NAME"),
            completion: .list(Completions.profiles))
    var profile: String?
    @Option(name: [.short, .long], help: "Report format.") var format: ReportFormat = .text
    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to FILE.", valueName: "FILE"), completion: .file())
    var output: String?
    @Option(help: ArgumentHelp("Also write a report; repeatable.", valueName: "FORMAT:FILE")) var report: [String] = []
    @Flag(name: .customLong("junit-strict"), help: "JUnit without file/line attributes (Jenkins xUnit schema).")
    var junitStrict = false
    @Flag(help: "Warnings fail the check too.") var strict = false
    @Flag(name: .customLong("new-only"),
          help: "Only findings the base version of each document did not have count (also `report: new`).")
    var newOnly = false
    @Option(help: ArgumentHelp("GitHub annotations and step summary: all findings, or only those on lines the change touched "
                               + "(changed; findings about the change or the whole document always; also `annotate: changed`).",
                               valueName: "all|changed"))
    var annotate: Annotation?
    @Option(help: "Colour the text report: auto, always, never (NO_COLOR turns off auto).") var color: ColorChoice = .auto
    @Flag(name: .shortAndLong, help: "Print only findings.") var quiet = false
    @Flag(name: .shortAndLong, help: "Also list the documents skipped and why.") var verbose = false
    @Flag(name: .customLong("trust-repo-owner"), help: "Skip the repository-ownership (safe.directory) check for a checkout you trust.")
    var trustRepoOwner = false

    @Option(name: .customLong("stdin-filename"),
            help: ArgumentHelp("The path the document read from `-` stands for (selection and messages).", valueName: "PATH"))
    var stdinFilename: String?

    @Argument(help: "Files or folders to check; - reads one document from standard input (the pre-push URL after --pre-push).",
              completion: .file(extensions: ["md", "markdown"]))
    var paths: [String] = []

    func validate() throws {
        let modes = [staged, range != nil, commit != nil, all, prePush != nil, ci,
                     prePush == nil && !paths.isEmpty].filter { $0 }.count
        if modes > 1 {
            throw ValidationError("choose one mode: --staged, --range, --commit, --all, --pre-push, --ci or paths")
        }
        if rev != nil && !all { throw ValidationError("--rev goes with --all") }
        if base != nil && !ci { throw ValidationError("--base goes with --ci") }
        if prePush != nil && paths.count > 1 { throw ValidationError("--pre-push takes REMOTE and at most one URL") }
        if quiet && verbose { throw ValidationError("choose --quiet or --verbose, not both") }
        let dashes = prePush == nil ? paths.filter { $0 == "-" }.count : 0
        if dashes > 1 { throw ValidationError("standard input can be read once: give - at most once") }
        if stdinFilename != nil && dashes == 0 { throw ValidationError("--stdin-filename goes with - (a document on standard input)") }
    }

    func run() throws {
        var options = CheckOptions()
        options.directory = directory
        options.configPath = config
        options.profile = profile
        options.strict = strict
        options.newOnly = newOnly
        options.annotation = annotate
        options.trustRepositoryOwner = trustRepoOwner
        if staged { options.mode = .staged }
        else if let range { options.mode = .range(range) }
        else if let commit { options.mode = .commit(commit) }
        else if all { options.mode = .all(rev: rev) }
        else if let prePush {
            options.mode = .prePush(remote: prePush, url: paths.first)
            options.prePushInput = Console.readInput()
        }
        else if ci { options.mode = .ci(base: base) }
        else if !paths.isEmpty {
            options.mode = .paths(paths)
            if paths.contains("-") {
                options.standardInput = (Console.readDocument(), stdinFilename)
            }
        }

        do {
            var targets = try report.map { (argument: String) throws(DesignGateError) in try ReportTarget(argument: argument) }
            targets.insert(ReportTarget(format: format, path: output), at: 0)
            try ReportOutput.check(targets)
            let outcome = try Checker().run(options)
            for line in verbose ? outcome.notices : outcome.warnings { Console.error("designgate: \(line)") }
            // An explicit `--color` wins; NO_COLOR (no-color.org) turns off only the automatic choice.
            let noColor = !(options.environment["NO_COLOR"] ?? "").isEmpty
            let useColor = color == .always || (color == .auto && !noColor && Console.outputIsTerminal)
            let quietClean = quiet && outcome.report.errors + outcome.report.warnings == 0
            try ReportOutput.write(outcome.report, to: quietClean ? targets.filter { $0.path != nil } : targets,
                                   options: RenderOptions(color: useColor, junitStrict: junitStrict, verbose: verbose, quiet: quiet),
                                   environment: options.environment)
            if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        } catch let error as DesignGateError {
            throw fail(error)
        }
    }
}
