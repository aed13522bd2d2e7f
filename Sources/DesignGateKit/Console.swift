import Foundation
import TDDMarkdown

/// Writes to standard output and standard error without buffering surprises.
public enum Console {
    /// Writes `text` as it is stored, without a copy: a report can be megabytes long.
    public static func out(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, start + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                // A closed pipe or a full disk: nothing more can be shown.
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    public static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether standard output is a terminal.
    public static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width prose is wrapped to: the terminal's, else `COLUMNS`, else 80 (at least 40).
    public static func textWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        var size = winsize()
        if outputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return max(40, Int(size.ws_col))
        }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return max(40, columns) }
        return 80
    }

    /// Reads all of standard input.
    public static func readInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Reads a document from standard input, up to one byte past the largest document read.
    public static func readDocument() -> [UInt8] { readInput(limit: InputLimits().maxBytes) }

    /// Reads standard input up to `limit` bytes and one more, so a caller can tell it was longer.
    static func readInput(limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count <= limit {
            let chunk = FileHandle.standardInput.readData(ofLength: min(1 << 16, limit + 1 - bytes.count))
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }
}
