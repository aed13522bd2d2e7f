/// The review policy of `.designgate.yml`'s `review:` section: who must sign a design off,
/// and which code needs an approved design.
public struct ReviewPolicy: Sendable {
    /// Status → the fewest approvers a document with that status needs (`review.approvals`).
    public var approvals: [String: Int]
    /// Every approver must own the document's path in CODEOWNERS (`review.owners`).
    public var owners: Bool
    /// Team → its members (`review.teams`), so that a member's sign-off counts for a team that
    /// owns the path (designgate cannot ask the forge who is in a team).
    public var teams: [String: [String]]
    /// The statuses that make a design approved, for references (`review.approving`).
    public var approving: [String]
    /// The code that needs a design (`review.designs`).
    public var designs: [DesignGuard]

    public init(approvals: [String: Int] = [:], owners: Bool = false, teams: [String: [String]] = [:],
                approving: [String] = ["Approved"], designs: [DesignGuard] = []) {
        self.approvals = approvals
        self.owners = owners
        self.teams = teams
        self.approving = approving
        self.designs = designs
    }

    /// The fewest approvers `status` needs (statuses compared ignoring case); nil when the policy names none.
    public func minimumApprovers(for status: String) -> Int? {
        approvals.first { $0.key.lowercased() == status.lowercased() }?.value
    }

    /// Whether `status` approves a design.
    public func isApproving(_ status: String) -> Bool {
        approving.contains { $0.lowercased() == status.lowercased() }
    }

    /// Whether `approver` speaks for `owner`: the same user or team, or a member of the team.
    public func approver(_ approver: String, countsFor owner: String) -> Bool {
        let name = OwnerName.normalized(approver)
        let owner = OwnerName.normalized(owner)
        if name == owner { return true }
        return teams.contains { team, members in
            OwnerName.normalized(team) == owner && members.contains { OwnerName.normalized($0) == name }
        }
    }

    /// Whether `approver` speaks for one of `owners`.
    public func approver(_ approver: String, countsForAnyOf owners: [String]) -> Bool {
        owners.contains { self.approver(approver, countsFor: $0) }
    }
}

/// Code paths whose changes need a design, and when (`review.designs` entries).
public struct DesignGuard: Sendable {
    /// What about a change to a guarded path calls for a design.
    public enum Trigger: Sendable, Hashable {
        /// Any change: a file added, modified, renamed or deleted.
        case change
        /// A file added.
        case newFile
        /// A file added in a folder the base did not have.
        case newFolder
        /// More than this many lines added and removed, over all guarded files together.
        case linesOver(Int)
    }

    public var paths: [Glob]
    public var trigger: Trigger
    /// The documents that satisfy it; empty: any design document.
    public var documents: [Glob]

    public init(paths: [Glob], trigger: Trigger = .change, documents: [Glob] = []) {
        self.paths = paths
        self.trigger = trigger
        self.documents = documents
    }

    /// Whether a change to `path` falls under this guard.
    public func guards(_ path: String) -> Bool { paths.contains { $0.matches(path) } }

    /// Whether `document` satisfies this guard.
    public func accepts(_ document: String) -> Bool { documents.isEmpty || documents.contains { $0.matches(document) } }
}
