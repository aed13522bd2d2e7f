import Foundation
import Testing
import TestSupport

/// A pull request as a CI job sees it: `origin` has `main`; the job's clone holds the
/// feature branch, which adds one finished and one unfinished design document.
private struct PullRequest {
    let remote: TemporaryDirectory
    let clone: GitRepository
    let base: String
    let head: String

    /// `fetchMain: false` fetches only the pull request's branch, as Jenkins multibranch does.
    init(fetchMain: Bool = true) throws {
        remote = try TemporaryDirectory()
        let author = try GitRepository()
        base = try author.commit(["README.md": "x", "design/old.md": "# Technical Design Document: Old\n"])
        try author.git("checkout", "-q", "-b", "feature")
        head = try author.commit(["design/pr-good.md": Package.finishedDocument,
                                  "design/pr-bad.md": "# Technical Design Document: Unfinished\n"])
        try run("/usr/bin/git", ["clone", "-q", "--bare", author.path, remote.path + "/origin.git"])
        clone = try GitRepository()
        try clone.git("remote", "add", "origin", remote.path + "/origin.git")
        try clone.git("fetch", "-q", "origin", fetchMain ? "+refs/heads/*:refs/remotes/origin/*" : "feature")
        try clone.git("checkout", "-q", "--detach", head)
    }

    /// Runs the template's check scripts in order, in the CI's environment; the last result.
    func runTemplate(_ kind: String, _ file: String, environment: [String: String]) throws -> ProcessResult {
        let scripts = try run("/usr/bin/env", ["python3", Package.fixture("ci_commands.py"), kind, Package.root + "/" + file])
        #expect(scripts.status == 0, "\(scripts.stderr)")
        var env = hookEnvironment(home: clone.path + "/.home", designgate: nil)
        env["PATH"] = URL(fileURLWithPath: Package.binary).deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env.merge(environment) { $1 }
        var results: [ProcessResult] = []
        for script in scripts.stdout.split(separator: "\u{0}") {
            if let previous = results.last { #expect(previous.status == 0, "an earlier step failed: \(previous.stderr)") }
            results.append(try run("/bin/sh", ["-c", String(script)], in: clone.path, environment: env))
        }
        guard let last = results.last else { throw GitFailure(message: "\(file): no check commands") }
        return last
    }

    /// The documents a validated report names.
    func checked(_ kind: String, _ report: String, schemas: String = Package.fixture("schemas")) throws -> Set<String> {
        let result = try validateReport(kind, clone.path + "/" + report, schemas: schemas)
        #expect(result.status == 0, "\(kind) rejected: \(result.stderr)")
        return Set(result.stdout.split(separator: "\n").compactMap { line in
            line.split(separator: "|").first { $0.hasPrefix("design/") }.map(String.init)
        })
    }
}

private let prDocuments: Set<String> = ["design/pr-bad.md", "design/pr-good.md"]

@Suite struct CITemplateTests {
    @Test(arguments: [("github", "ci/github/designgate.yml"), ("action", "action.yml")])
    func gitHubActions(kind: String, file: String) throws {
        let pr = try PullRequest()
        let event = try pr.clone.write(".event.json", #"{"pull_request": {"base": {"sha": "\#(pr.base)"}, "head": {"sha": "\#(pr.head)"}}}"#)
        let summary = pr.clone.path + "/.step-summary.md"
        var env = ["GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": event,
                   "GITHUB_SHA": pr.head, "GITHUB_BASE_REF": "main", "GITHUB_HEAD_REF": "feature",
                   "GITHUB_WORKSPACE": pr.clone.path, "GITHUB_STEP_SUMMARY": summary]
        if kind == "action" {
            env.merge(["DESIGNGATE_JUNIT": "designgate-junit.xml", "DESIGNGATE_SARIF": "designgate.sarif", "DESIGNGATE_ARGS": "--strict"]) { $1 }
        }
        let result = try pr.runTemplate(kind, file, environment: env)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("::error file=design/pr-bad.md,line=1"))
        #expect(!result.stdout.contains("design/old.md"))
        #expect(try String(contentsOfFile: summary, encoding: .utf8).contains("design/pr-bad.md"))
        #expect(try pr.checked("junit", "designgate-junit.xml") == prDocuments)
        #expect(try pr.checked("sarif", "designgate.sarif") == ["design/pr-bad.md"], "SARIF lists findings, and only the bad document has any")
    }

    @Test func gitLabMergeRequest() throws {
        let pr = try PullRequest()
        let result = try pr.runTemplate("gitlab", "ci/gitlab/designgate.gitlab-ci.yml", environment: [
            "GITLAB_CI": "true", "CI": "true", "CI_PIPELINE_SOURCE": "merge_request_event",
            "CI_MERGE_REQUEST_DIFF_BASE_SHA": pr.base, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "CI_COMMIT_SHA": pr.head,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("design/pr-bad.md:1:1: error"))
        #expect(try pr.checked("junit", "designgate-junit.xml") == prDocuments)
        let json = try validateReport("json", pr.clone.path + "/designgate.json", schemas: Package.root + "/schemas/designgate-report.schema.json")
        #expect(json.status == 0, "\(json.stderr)")
        let quality = try validateReport("codeclimate", pr.clone.path + "/gl-code-quality-report.json", schemas: Package.fixture("schemas"))
        #expect(quality.status == 0, "\(quality.stderr)")
        #expect(quality.stdout.contains("|design/pr-bad.md|1|major"), "\(quality.stdout)")
    }

    @Test func jenkinsMultibranchPullRequest() throws {
        let pr = try PullRequest(fetchMain: false)
        let result = try pr.runTemplate("jenkins", "ci/jenkins/Jenkinsfile", environment: [
            "JENKINS_URL": "http://jenkins.example.com/", "BRANCH_NAME": "PR-7", "CHANGE_ID": "7",
            "CHANGE_TARGET": "main", "GIT_COMMIT": pr.head,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try pr.checked("junit-strict", "designgate-junit.xml") == prDocuments)
    }

    /// The templates run a pinned release, never the default branch, and build it only when
    /// their cache (keyed on that release and the runner) holds no binary for it.
    @Test func templatesPinTheReleaseAndCacheTheBuiltBinary() throws {
        let version = try designgate(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let workflow = try yaml("ci/github/designgate.yml")
        #expect(workflow["env"]["DESIGNGATE_VERSION"].string == version)
        let steps = workflow["jobs"]["design-review"]["steps"].array
        try expectCachedBuild(steps, keyParts: ["${{ env.DESIGNGATE_VERSION }}", "${{ runner.os }}", "${{ runner.arch }}"])
        let clones = steps.compactMap(\.["run"].string).filter { $0.contains("git clone") }
        #expect(!clones.isEmpty && clones.allSatisfy { $0.contains(#"--branch "v$DESIGNGATE_VERSION""#) })

        let action = try yaml("action.yml")["runs"]["steps"].array
        try expectCachedBuild(action, keyParts: ["${{ steps.designgate-key.outputs.key }}"])
        let keyStep = try #require(action.first { $0["id"].string == "designgate-key" }?["run"].string)
        let output = try TemporaryDirectory()
        let computed = try run("/bin/bash", ["-c", keyStep], environment: [
            "GITHUB_ACTION_PATH": Package.root, "GITHUB_OUTPUT": output.path + "/out", "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64",
            "PATH": "/usr/bin:/bin",
        ])
        #expect(computed.status == 0, "\(computed.stderr)")
        #expect(try output.read("out") == "key=designgate-\(version)-Linux-X64\n")

        let gitlab = try yaml("ci/gitlab/designgate.gitlab-ci.yml")["designgate"]
        #expect(gitlab["variables"]["DESIGNGATE_VERSION"].string == version)
        #expect(gitlab["cache"]["key"].string?.contains("$DESIGNGATE_VERSION") == true)
        #expect(gitlab["cache"]["paths"].array.map(\.string) == [".designgate-bin/"])
        let before = gitlab["before_script"].array.compactMap(\.string).joined(separator: "\n")
        #expect(before.contains("if [ ! -x .designgate-bin/designgate ]"), "builds only on a cache miss")
        #expect(before.contains(#"--branch "v$DESIGNGATE_VERSION""#))

        let readme = try String(contentsOfFile: Package.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("uses: designgate/designgate@v\(version)") && readme.contains("/designgate/v\(version)/ci/gitlab/"))
    }

    /// A cache step, and a build step that runs only when it misses and fills the cached path.
    private func expectCachedBuild(_ steps: [YAMLValue], keyParts: [String]) throws {
        let cache = try #require(steps.first { $0["uses"].string?.hasPrefix("actions/cache@") == true })
        let id = try #require(cache["id"].string)
        let key = cache["with"]["key"].string ?? ""
        #expect(keyParts.allSatisfy(key.contains), "cache key \(key)")
        let build = try #require(steps.first { $0["name"].string == "Build designgate" })
        #expect(build["if"].string == "steps.\(id).outputs.cache-hit != 'true'")
        let path = try #require(cache["with"]["path"].string)
        let run = build["run"].string ?? ""
        #expect(path.hasSuffix("/.build/release/designgate") || run.contains("cp /tmp/designgate/.build/release/designgate \(path)/"),
                "the build fills the cached path \(path)")
    }

    /// A CI template parsed as YAML (by PyYAML, as the CI systems read it).
    private func yaml(_ file: String) throws -> YAMLValue {
        let json = try run("/usr/bin/env", ["python3", "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
                                            Package.root + "/" + file])
        #expect(json.status == 0, "\(json.stderr)")
        return YAMLValue(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
    }
}

/// A parsed YAML value, read by key and index; a missing key reads as nothing.
private struct YAMLValue {
    let value: Any?
    init(_ value: Any?) { self.value = value }
    subscript(key: String) -> YAMLValue { YAMLValue((value as? [String: Any])?[key]) }
    var string: String? { value as? String }
    var array: [YAMLValue] { (value as? [Any] ?? []).map(YAMLValue.init) }
}
