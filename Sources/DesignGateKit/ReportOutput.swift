import Foundation
import Reporters

/// Where a report goes: standard output or a file (written atomically).
public struct ReportTarget: Sendable, Hashable {
    public let format: ReportFormat
    /// nil for standard output.
    public let path: String?

    public init(format: ReportFormat, path: String?) {
        self.format = format
        self.path = path
    }

    /// Parses `FORMAT:FILE` (the `--report` option).
    public init(argument: String) throws(DesignGateError) {
        guard let colon = argument.firstIndex(of: ":"),
              let format = ReportFormat(rawValue: String(argument[..<colon])),
              argument.index(after: colon) < argument.endIndex else {
            throw DesignGateError("invalid --report `\(argument)`",
                                  hint: "write FORMAT:FILE with FORMAT one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), e.g. junit:designgate.xml")
        }
        self.init(format: format, path: String(argument[argument.index(after: colon)...]))
    }
}

/// Writes reports as a transaction: every target is checked before the run, every report
/// rendered and staged beside its file before any file is replaced, so a failure leaves
/// every existing file as it was and no partial report behind.
///
/// A regular file (or a new one) is replaced by rename, through a symbolic link to it. A
/// device, a FIFO, `-` and the process's own descriptors (`/dev/stdout`, `/dev/fd/N`) are
/// written in place: renaming over them would replace the device or the link.
public enum ReportOutput {
    /// How a report reaches its target.
    enum Destination: Hashable {
        case standardOutput
        /// Replaced by rename at this path (links resolved).
        case file(String)
        /// Written in place.
        case stream(String)
    }

    /// Checks every target: its folder exists and is writable, it is not a folder, and no two
    /// targets are the same file. Call before the run, so a bad path costs nothing.
    public static func check(_ targets: [ReportTarget]) throws(DesignGateError) {
        var seen: [Destination: String] = [:]
        for target in targets {
            let destination = try self.destination(of: target)
            if destination != .standardOutput, let other = seen[destination] {
                throw DesignGateError("--report targets `\(other)` and `\(target.path ?? "-")` are the same file",
                                      hint: "give each report its own file")
            }
            seen[destination] = target.path ?? "-"
        }
    }

    public static func write(_ report: Report, to targets: [ReportTarget], options: RenderOptions,
                             environment: [String: String]) throws(DesignGateError) {
        var rendered: [(Destination, String)] = []
        for target in targets {
            var renderOptions = options
            if target.path != nil { renderOptions.color = false }
            rendered.append((try destination(of: target), target.format.reporter.render(report, options: renderOptions)))
        }
        var staged: [FileSystem.StagedFile] = []
        for case let (.file(path), text) in rendered {
            do {
                staged.append(try FileSystem.stage(text, besides: path))
            } catch {
                staged.forEach { $0.discard() }
                throw error
            }
        }
        for (index, file) in staged.enumerated() {
            do {
                try file.commit()
            } catch {
                staged.dropFirst(index + 1).forEach { $0.discard() }
                throw error
            }
        }
        for (destination, text) in rendered {
            switch destination {
            case .standardOutput: Console.out(text)
            case .stream(let path): try stream(text, to: path)
            case .file: continue
            }
        }
        if targets.contains(where: { $0.format == .github }),
           let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try append(GitHubReporter().stepSummary(report), to: summary)
        }
    }

    static func destination(of target: ReportTarget) throws(DesignGateError) -> Destination {
        guard let path = target.path, path != "-" else { return .standardOutput }
        let shown = TerminalText.path(path)
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
            guard FileSystem.kind(of: path, followLinks: true) != nil else {
                throw DesignGateError("cannot write \(shown): no such file or device", hint: "write reports to a regular file, a device or a FIFO")
            }
            return .stream(path)
        }
        switch FileSystem.kind(of: path, followLinks: true) {
        case .directory?:
            throw DesignGateError("cannot write \(shown): it is a folder", hint: "name a file inside the folder")
        case .special?:
            return .stream(path)
        case .regular?, .symbolicLink?, nil:
            // Replace the file a link points to, not the link.
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let folder = URL(fileURLWithPath: real).deletingLastPathComponent().path
            guard FileSystem.isDirectory(folder) else {
                throw DesignGateError("cannot write \(shown): folder \(TerminalText.path(folder)) does not exist",
                                      hint: "create the folder or choose another output path")
            }
            guard access(folder, W_OK) == 0 else {
                throw DesignGateError("cannot write \(shown): folder \(TerminalText.path(folder)) is not writable",
                                      hint: "choose a writable output path")
            }
            return .file(real)
        }
    }

    /// Writes to a device, FIFO or descriptor in place.
    private static func stream(_ text: String, to path: String) throws(DesignGateError) {
        try write(text, to: path, flags: 0, naming: TerminalText.path(path), hint: "choose another output path")
    }

    private static func append(_ text: String, to path: String) throws(DesignGateError) {
        try write(text, to: path, flags: O_APPEND | O_CREAT, naming: "the step summary to \(TerminalText.path(path))",
                  hint: "check GITHUB_STEP_SUMMARY")
    }

    /// Opens `path` for writing with `flags` and writes `text`; an error names `what` could not be written.
    private static func write(_ text: String, to path: String, flags: Int32, naming what: String,
                              hint: String) throws(DesignGateError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | flags, 0o666)
        let failure = descriptor < 0 ? errno : FileSystem.writeAll(Array(text.utf8), to: descriptor)
        if descriptor >= 0 { close(descriptor) }
        if let failure {
            throw DesignGateError("cannot write \(what): \(String(cString: strerror(failure)))", hint: hint)
        }
    }
}
