import CLibGit2

/// Which lines of a file a change touched, from git's own line diff of the two versions.
public enum LineDiff {
    /// The 1-based lines of `new` that the change from `old` added or modified. A deletion
    /// touches the line before it (the first line when it removed the opening lines), where a
    /// reader of the new version sees it. Binary content touches nothing.
    public static func touchedLines(from old: [UInt8], to new: [UInt8]) throws(GitError) -> [ClosedRange<Int>] {
        precondition(libgit2Ready)
        var options = git_diff_options()
        try check("git_diff_options_init", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
        options.context_lines = 0
        options.interhunk_lines = 0
        var patch: OpaquePointer?
        try check("git_patch_from_buffers", old.withUnsafeBytes { oldBytes in
            new.withUnsafeBytes { newBytes in
                git_patch_from_buffers(&patch, oldBytes.baseAddress, oldBytes.count, nil,
                                       newBytes.baseAddress, newBytes.count, nil, &options)
            }
        })
        defer { git_patch_free(patch) }
        var ranges: [ClosedRange<Int>] = []
        for index in 0..<git_patch_num_hunks(patch) {
            var hunk: UnsafePointer<git_diff_hunk>?
            try check("git_patch_get_hunk", git_patch_get_hunk(&hunk, nil, patch, index))
            guard let hunk else { continue }
            let start = Int(hunk.pointee.new_start), count = Int(hunk.pointee.new_lines)
            // A pure deletion starts at the line before it (0 when it removed the first lines).
            ranges.append(count > 0 ? start...(start + count - 1) : max(start, 1)...max(start, 1))
        }
        return ranges
    }
}
