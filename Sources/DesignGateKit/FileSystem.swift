import Foundation

/// The few file operations designgate needs, with errors that say what to do.
public enum FileSystem {
    public static func read(_ path: String) throws(DesignGateError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw DesignGateError("cannot read \(path): no such file", hint: "check the path")
            }
            throw DesignGateError("cannot read \(path): permission denied", hint: "make the file readable")
        }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw DesignGateError("cannot read \(path): \(error.localizedDescription)", hint: "make the file readable")
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Markdown files under `directory`, relative paths joined to it, hidden folders skipped.
    public static func markdownFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let item = enumerator.nextObject() as? String {
            let name = (item as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if isDirectory(directory + "/" + item) { enumerator.skipDescendants() }
                continue
            }
            let lower = name.lowercased()
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                result.append(directory == "." ? item : (directory.hasSuffix("/") ? directory + item : directory + "/" + item))
            }
        }
        return result.sorted()
    }

    /// Writes `data` to `path` atomically: a temporary file beside it, then a rename. On
    /// failure nothing is left behind and an existing file is untouched. `executable` makes it
    /// runnable (mode 0755), as a git hook must be.
    public static func writeAtomically(_ data: String, to path: String, executable: Bool = false) throws(DesignGateError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        guard isDirectory(directory) else {
            throw DesignGateError("cannot write \(path): folder \(directory) does not exist",
                                  hint: "create the folder or choose another output path")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".designgate-\(getpid()).tmp"
        let attributes: [FileAttributeKey: Any]? = executable ? [.posixPermissions: 0o755] : nil
        guard FileManager.default.createFile(atPath: temporary, contents: Data(data.utf8), attributes: attributes) else {
            throw DesignGateError("cannot write \(path): folder \(directory) is not writable",
                                  hint: "choose a writable output path")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw DesignGateError("cannot write \(path): \(reason)", hint: "choose a writable output path")
        }
    }
}
