import TDDRules

/// Finds and reads the repository's CODEOWNERS from its working tree, as the configuration is read.
enum CodeOwnersFile {
    /// GitHub refuses a CODEOWNERS file over 3 MB; so does designgate.
    static let maxBytes = 3 * 1024 * 1024

    /// The first of `CodeOwners.locations` under `root` that exists, parsed; nil when none does.
    static func load(root: String) throws(DesignGateError) -> CodeOwners? {
        for location in CodeOwners.locations {
            guard let bytes = try FileSystem.readRepositoryFile(FileSystem.join(root, location), shown: location, limit: maxBytes,
                                                                hint: "commit CODEOWNERS itself as a regular file, or turn `review.owners` off")
            else { continue }
            return CodeOwners(file: location, text: String(decoding: bytes, as: UTF8.self))
        }
        return nil
    }
}
