import Foundation

/// Finds the base and head of a CI run from the provider's environment (SPEC §1, `--ci`).
///
/// Providers are tried in this order: GitHub Actions, GitLab CI (merge request, else the
/// previous commit, else the default branch `CI_DEFAULT_BRANCH`), Azure Pipelines,
/// Bitbucket Pipelines, Buildkite, CircleCI, Jenkins. `--base REF` replaces the detected
/// base; with neither, the base is the merge base with `origin/HEAD`.
struct CIDetector {
    struct Detection: Equatable {
        /// Short provider name, reported in the change set's mode.
        let provider: String
        /// `base..head` or `base...head`.
        let range: String
        /// The pull or merge request's description, when the CI gives it.
        var description: String? = nil
    }

    let environment: [String: String]
    let explicitBase: String?

    func detect() throws(DesignGateError) -> Detection {
        let detected = try provider()
        let provider = detected?.provider ?? "local"
        let head = detected?.head ?? "HEAD"
        let description = detected?.description
        if let explicitBase { return Detection(provider: provider, range: "\(explicitBase)...\(head)", description: description) }
        if let detected, let base = detected.base {
            return Detection(provider: provider, range: "\(base)\(detected.threeDot ? "..." : "..")\(head)", description: description)
        }
        return Detection(provider: provider, range: "origin/HEAD...\(head)", description: description)
    }

    private struct Found {
        let provider: String
        let base: String?
        let head: String?
        let threeDot: Bool
        /// The pull or merge request's description (GitHub's event payload, GitLab's variable).
        var description: String? = nil
    }

    private func value(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A commit id, unless it is git's all-zero "no commit".
    private func commit(_ name: String) -> String? {
        guard let id = value(name), !id.allSatisfy({ $0 == "0" }) else { return nil }
        return id
    }

    /// `refs/heads/main` or `main` as the remote-tracking branch `origin/main`.
    private func remoteBranch(_ name: String) -> String? {
        guard var branch = value(name) else { return nil }
        if branch.hasPrefix("refs/heads/") { branch.removeFirst("refs/heads/".count) }
        return "origin/" + branch
    }

    private func provider() throws(DesignGateError) -> Found? {
        if value("GITHUB_ACTIONS") == "true" { return try github() }
        if value("GITLAB_CI") != nil {
            if let base = commit("CI_MERGE_REQUEST_DIFF_BASE_SHA") {
                return Found(provider: "gitlab", base: base, head: commit("CI_COMMIT_SHA"), threeDot: false,
                             description: environment["CI_MERGE_REQUEST_DESCRIPTION"])
            }
            if let before = commit("CI_COMMIT_BEFORE_SHA") {
                return Found(provider: "gitlab", base: before, head: commit("CI_COMMIT_SHA"), threeDot: false)
            }
            // A branch pipeline with no previous commit (a new branch, a scheduled or web
            // pipeline): against the project's default branch, from their merge base.
            return Found(provider: "gitlab", base: remoteBranch("CI_DEFAULT_BRANCH"), head: commit("CI_COMMIT_SHA"), threeDot: true)
        }
        if value("TF_BUILD")?.lowercased() == "true" {
            return Found(provider: "azure", base: remoteBranch("SYSTEM_PULLREQUEST_TARGETBRANCH"),
                         head: commit("SYSTEM_PULLREQUEST_SOURCECOMMITID") ?? commit("BUILD_SOURCEVERSION"), threeDot: true)
        }
        if value("BITBUCKET_BUILD_NUMBER") != nil || value("BITBUCKET_COMMIT") != nil {
            return Found(provider: "bitbucket", base: remoteBranch("BITBUCKET_PR_DESTINATION_BRANCH"),
                         head: commit("BITBUCKET_COMMIT"), threeDot: true)
        }
        if value("BUILDKITE") == "true" {
            let base = value("BUILDKITE_PULL_REQUEST_BASE_BRANCH").flatMap { _ in remoteBranch("BUILDKITE_PULL_REQUEST_BASE_BRANCH") }
            return Found(provider: "buildkite", base: base, head: commit("BUILDKITE_COMMIT"), threeDot: true)
        }
        if value("CIRCLECI") == "true" {
            return Found(provider: "circleci", base: nil, head: commit("CIRCLE_SHA1"), threeDot: true)
        }
        if value("JENKINS_URL") != nil || value("JENKINS_HOME") != nil {
            if value("CHANGE_TARGET") != nil {
                return Found(provider: "jenkins", base: remoteBranch("CHANGE_TARGET"), head: commit("GIT_COMMIT"), threeDot: true)
            }
            return Found(provider: "jenkins", base: commit("GIT_PREVIOUS_SUCCESSFUL_COMMIT"), head: commit("GIT_COMMIT"), threeDot: false)
        }
        return nil
    }

    /// GitHub Actions: pull requests compare the PR head with its base from the merge base;
    /// pushes compare `before` with `after` (a new branch: no base, so the merge base with
    /// origin/HEAD).
    private func github() throws(DesignGateError) -> Found {
        let event = value("GITHUB_EVENT_NAME") ?? ""
        var payload: [String: Any] = [:]
        if let path = value("GITHUB_EVENT_PATH") {
            guard let data = FileManager.default.contents(atPath: path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw DesignGateError("cannot read the GitHub event payload at \(path)", hint: "check GITHUB_EVENT_PATH")
            }
            payload = object
        }
        if event.hasPrefix("pull_request") {
            let pull = payload["pull_request"] as? [String: Any]
            let base = (pull?["base"] as? [String: Any])?["sha"] as? String
            let head = (pull?["head"] as? [String: Any])?["sha"] as? String
            return Found(provider: "github", base: base ?? remoteBranch("GITHUB_BASE_REF"),
                         head: head ?? commit("GITHUB_SHA"), threeDot: true, description: pull?["body"] as? String)
        }
        if event == "merge_group", let group = payload["merge_group"] as? [String: Any] {
            return Found(provider: "github", base: group["base_sha"] as? String, head: group["head_sha"] as? String, threeDot: false)
        }
        let before = (payload["before"] as? String).flatMap { $0.allSatisfy { $0 == "0" } ? nil : $0 }
        let after = (payload["after"] as? String) ?? commit("GITHUB_SHA")
        return Found(provider: "github", base: before, head: after, threeDot: false)
    }
}
