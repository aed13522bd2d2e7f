/// A change to code that needs a design comes with one, or names an approved one.
public struct DesignRequiredRule: ChangeSetRule {
    public static let description = RuleDescription(
        id: "design-required",
        summary: "a change to guarded code comes with a design or names an approved one",
        description: """
            `review.designs` lists the code that needs a design: its `paths` and `when` — any \
            `change` (a file added, modified, renamed or deleted; the default), a `new-file`, a \
            `new-folder` (a file added in a folder the base did not have), or `lines` (more than \
            `lines:` lines added and removed, over the guarded files together). In `--range`, \
            `--commit`, `--pre-push` and `--ci`, a change set that matches must add or change a \
            design document itself (one matching the entry's `documents`, when it names them), \
            or name one with a `Design: docs/design/x.md` trailer in one of its commits' \
            messages (read as git reads trailers: the message's last paragraph) or, under \
            `--ci`, a `Design:` line in the pull or merge request's description (GitHub's event \
            payload, GitLab's CI_MERGE_REQUEST_DESCRIPTION). A named design must exist at the \
            change set's head with a status `review.approving` lists (Approved by default); one \
            that does not exist, or is still Draft, is an error naming it. The finding is on the \
            first path that needs the design.
            """,
        defaultSeverity: .error,
        configuration: """
            review:
              approving: [Approved]   # the statuses of an approved design
              designs:
                - paths: ["services/payments/**"]              # any change needs a design
                - paths: ["api/**/*.proto"]
                  when: new-file                               # or change, new-folder, lines
                - paths: ["services/**"]
                  when: lines
                  lines: 400                                   # more than 400 lines changed
                  documents: ["docs/design/**"]                # which designs satisfy it
            """)

    public init() {}

    public func check(_ changeSet: ChangeSetContext) -> [ChangeSetViolation] {
        let review = changeSet.review
        guard !review.designs.isEmpty else { return [] }
        let documents = Set(changeSet.documents)
        var needing: [(path: String, message: String)] = []
        for designGuard in review.designs {
            let guarded = changeSet.files.filter { designGuard.guards($0.path) && !documents.contains($0.path) }
            guard let trigger = Self.trigger(designGuard, guarded) else { continue }
            let satisfied = changeSet.documents.contains(where: designGuard.accepts)
                || changeSet.references.contains { Self.problem(with: $0, review) == nil && designGuard.accepts($0.path) }
            guard !satisfied else { continue }
            let which = designGuard.documents.isEmpty ? "" : " matching \(designGuard.documents.map(\.pattern).joined(separator: ", "))"
            needing.append((trigger.path, "\(trigger.what) needs a design: add one\(which) to this change, or name an approved one "
                + "in a commit trailer `Design: path/to/design.md` (or, under --ci, a `Design:` line in the pull request's description)"))
        }
        let anchor = needing.first?.path
        let references = changeSet.references.compactMap { reference in
            Self.problem(with: reference, review).map {
                ChangeSetViolation("`Design: \(reference.path)` (\(reference.source)) \($0)", path: anchor ?? reference.path)
            }
        }
        return needing.map { ChangeSetViolation($0.message, path: $0.path) } + references
    }

    /// What about the guarded changes calls for a design, and the first path it concerns; nil when nothing does.
    private static func trigger(_ designGuard: DesignGuard,
                                _ files: [ChangeSetContext.ChangedFile]) -> (path: String, what: String)? {
        let under = "under \(designGuard.paths.map(\.pattern).joined(separator: ", "))"
        func listing(_ files: [ChangeSetContext.ChangedFile], _ verb: String) -> (path: String, what: String)? {
            guard let first = files.first else { return nil }
            let more = files.count > 1 ? " and \(files.count - 1) more file\(files.count == 2 ? "" : "s")" : ""
            return (first.path, "\(verb) \(first.path)\(more) \(under)")
        }
        switch designGuard.trigger {
        case .change:
            return listing(files, "changing")
        case .newFile:
            return listing(files.filter { $0.change == .added }, "adding")
        case .newFolder:
            return listing(files.filter { $0.change == .added && $0.inNewFolder }, "adding a new folder with")
        case .linesOver(let limit):
            let lines = files.reduce(0) { $0 &+ ($1.changedLines ?? 0) }
            guard lines > limit, let first = files.first else { return nil }
            return (first.path, "changing \(lines) lines \(under) (more than \(limit))")
        }
    }

    /// Why a named design does not count, or nil when it does.
    private static func problem(with reference: ChangeSetContext.Reference, _ review: ReviewPolicy) -> String? {
        let approving = "a named design must have the status \(review.approving.joined(separator: " or "))"
        switch reference.target {
        case .missing:
            return "names a document that does not exist at the change set's head"
        case .document(let status?):
            return review.isApproving(status) ? nil : "is \(status), not approved: \(approving)"
        case .document(nil):
            return "has no status, so it is not approved: \(approving)"
        }
    }
}
