import Reporters

/// Reads the change set of a git mode from the repository at or above a directory.
struct GitChangeReader {
    let root: String
    private let options: CheckOptions

    init(directory: String, options: CheckOptions) throws(DesignGateError) {
        throw DesignGateError("git modes are not available yet", hint: "pass the files to check as paths")
    }

    func files() throws(DesignGateError) -> ChangeSetFiles {
        ChangeSetFiles(changeSet: Report.ChangeSet(mode: "worktree"), candidates: [])
    }
}
