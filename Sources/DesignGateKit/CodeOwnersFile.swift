import TDDRules

/// Finds and reads the repository's CODEOWNERS from its working tree, as the configuration is read.
enum CodeOwnersFile {
    /// GitHub refuses a CODEOWNERS file over 3 MB; so does designgate.
    static let maxBytes = 3 * 1024 * 1024

    /// The first of `CodeOwners.locations` under `root` that exists, parsed; nil when none does.
    /// A link or special file there is an error: it could point anywhere on the machine.
    static func load(root: String) throws(DesignGateError) -> CodeOwners? {
        for location in CodeOwners.locations {
            let path = root + "/" + location
            guard let kind = FileSystem.kind(of: path) else { continue }
            guard case .regular = kind else {
                throw DesignGateError("\(location) is \(FileSystem.describe(kind)), not a regular file; it was not read",
                                      hint: "commit CODEOWNERS itself as a regular file, or turn `review.owners` off")
            }
            let bytes = try FileSystem.read(path, limit: maxBytes)
            return CodeOwners(file: location, text: String(decoding: bytes, as: UTF8.self))
        }
        return nil
    }
}
