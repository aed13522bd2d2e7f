import Foundation

/// The result of running a program.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs `executable` with `arguments`; standard input from `input`.
@discardableResult
public func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
               environment: [String: String]? = nil, input: String = "") throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe(), inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    inPipe.fileHandleForWriting.write(Data(input.utf8))
    try inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a large output cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Paths of the package and its built products.
public enum Package {
    /// The package root (found from this file's path).
    public static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The `designgate` binary built beside the test bundle.
    public static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [beside, beside.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("designgate").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root + "/.build/debug/designgate"
    }()

    /// A finished design document (extended profile) that passes every rule.
    public static var finishedDocument: String {
        (try? String(contentsOfFile: fixture("documents/finished-extended.md"), encoding: .utf8)) ?? ""
    }

    /// A file under `Tests/Fixtures`.
    public static func fixture(_ path: String) -> String { root + "/Tests/Fixtures/" + path }
}

/// A temporary folder removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("designgate-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (folders created), returning the full path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }
}

/// A bare repository in a temporary folder, standing for the remote a push goes to.
public final class BareRemote: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public var path: String { directory.path }

    public init() throws {
        directory = try TemporaryDirectory()
        try run("/usr/bin/git", ["init", "-q", "--bare", directory.path])
    }

    /// The commit `branch` points at on the remote.
    public func tip(_ branch: String = "main") throws -> String {
        try run("/usr/bin/git", ["--git-dir", path, "rev-parse", branch]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Writes `text` to the absolute `path`, creating its folders.
public func writeFile(_ path: String, _ text: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// A git repository in a temporary folder, driven with the git CLI.
public final class GitRepository: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public var path: String { directory.path }

    public init(branch: String = "main") throws {
        directory = try TemporaryDirectory()
        try git("init", "-q", "-b", branch)
        try git("config", "user.email", "test@example.com")
        try git("config", "user.name", "Test")
        try git("config", "commit.gpgsign", "false")
    }

    /// Runs git in the repository; throws when it fails.
    @discardableResult
    public func git(_ arguments: String..., environment: [String: String] = [:], input: String = "") throws -> String {
        try gitArgs(arguments, environment: environment, input: input)
    }

    @discardableResult
    public func gitArgs(_ arguments: [String], environment: [String: String] = [:], input: String = "") throws -> String {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = path + "/.home"
        env.merge(environment) { $1 }
        let result = try run("/usr/bin/git", arguments, in: path, environment: env, input: input)
        guard result.status == 0 else {
            throw GitFailure(message: "git \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String { try directory.write(relative, text) }

    /// Adds a new bare repository as `origin` and pushes `main` to it.
    public func addOrigin(environment: [String: String] = [:]) throws -> BareRemote {
        let remote = try BareRemote()
        try git("remote", "add", "origin", remote.path)
        try git("push", "-q", "origin", "main", environment: environment)
        return remote
    }

    /// Writes files, stages them and commits; returns the new commit id.
    @discardableResult
    public func commit(_ files: [String: String], message: String = "change") throws -> String {
        for (file, text) in files { try write(file, text) }
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }
}

public struct GitFailure: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Runs the designgate binary.
@discardableResult
public func designgate(_ arguments: [String], in directory: String? = nil,
                       environment: [String: String] = [:], input: String = "") throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") && !CIEnvironment.isCIVariable($0.key) }
    env.merge(environment) { $1 }
    return try run(Package.binary, arguments, in: directory, environment: env, input: input)
}

/// The environment git runs hooks in for a test: no inherited git or CI variables, a private
/// HOME, and `DESIGNGATE` naming the binary when given.
public func hookEnvironment(home: String, designgate: String? = Package.binary) -> [String: String] {
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") && !CIEnvironment.isCIVariable($0.key) }
    env["DESIGNGATE"] = designgate
    env["HOME"] = home
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    return env
}

/// Runs the report's real consumers (Tests/Fixtures/validate_report.py): `kind` is junit,
/// junit-strict, sarif or json; `schemas` the schema folder (or, for json, the schema file).
public func validateReport(_ kind: String, _ report: String, schemas: String = Package.fixture("schemas")) throws -> ProcessResult {
    try run("/usr/bin/env", ["python3", Package.fixture("validate_report.py"), kind, report, schemas])
}

/// Golden files under `Tests/Fixtures/golden`: `DESIGNGATE_RECORD=1 swift test` rewrites them
/// from the actual output, to be reviewed as a diff before committing.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["DESIGNGATE_RECORD"] == "1" }

    /// The golden text of `name`, after writing `actual` into it when recording.
    public static func expected(_ name: String, actual: String) throws -> String {
        let path = Package.fixture("golden/" + name)
        if isRecording { try writeFile(path, actual) }
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(no golden file \(name): run DESIGNGATE_RECORD=1 swift test)"
    }
}

/// Names of variables CI providers set, removed from the environment tests run designgate in.
public enum CIEnvironment {
    static let prefixes = ["GITHUB_", "GITLAB_", "CI_", "BITBUCKET_", "CIRCLE", "BUILDKITE", "SYSTEM_", "BUILD_",
                           "JENKINS_", "CHANGE_", "TF_BUILD"]

    public static func isCIVariable(_ name: String) -> Bool {
        name == "CI" || name == "GIT_COMMIT" || prefixes.contains { name.hasPrefix($0) }
    }
}
