/// Refuses input that Debian's cmark-gfm (0.29.0.gfm.6, without the 2023 fixes) would take
/// super-linear time or memory on, before it reaches the parser.
///
/// One pass over the bytes the parser will read, with its line ends (LF, CR or CRLF) and its
/// containers (`>` quotes, list markers) as it sees them:
/// - a GFM table fills every row up to the header's column count, so a few kilobytes of
///   `x|x|x|…` make millions of cells, and each row costs the square of its columns: the
///   columns of one table and the cells of all tables are bounded;
/// - containers nested thousands deep make every later inline quadratic: nesting is bounded;
/// - brackets (`![[]()`) and emphasis delimiters (`*a**b_`) are matched against a stack that
///   the parser scans back over: their number in one paragraph is bounded.
struct InputGuard {
    let limits: InputLimits

    /// A refusal: what is wrong and the file line where it starts.
    struct Refusal: Error {
        let message: String
        let line: Int
    }

    /// The bytes of one line, borrowed from the body without copying or reference counting.
    typealias Line = Slice<UnsafeBufferPointer<UInt8>>

    /// The refusal with its file line, or nil when the input is safe to parse.
    func check(_ body: [UInt8], lineOffset: Int) -> Refusal? {
        body.withUnsafeBufferPointer { body in
            var scan = Scan(limits: limits, lineOffset: lineOffset)
            var start = 0
            var index = 0
            while index < body.count {
                let byte = body[index]
                if byte == 0x0A || byte == 0x0D {
                    if let refusal = scan.line(body[start..<index]) { return refusal }
                    if byte == 0x0D, index + 1 < body.count, body[index + 1] == 0x0A { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            return start < body.count ? scan.line(body[start...]) : nil
        }
    }

    /// The state of the pass: the table and the paragraph being read.
    private struct Scan {
        let limits: InputLimits
        let lineOffset: Int
        var line = 0
        var cells = 0
        /// The columns of the table being read, if a delimiter row opened one.
        var tableColumns: Int?
        var paragraphLine = 0
        var brackets = 0
        var delimiters = 0

        mutating func line(_ bytes: Line) -> Refusal? {
            line += 1
            let (depth, opensItem, rest) = InputGuard.containers(of: bytes)
            if depth > limits.maxNesting {
                return refuse("containers (quotes or lists) nested \(depth) deep; at most \(limits.maxNesting) are read: flatten them")
            }
            guard !InputGuard.isBlank(rest) else {
                tableColumns = nil
                brackets = 0
                delimiters = 0
                return nil
            }
            // A list item, a heading and a table cell are each parsed on their own.
            if opensItem || rest.first == UInt8(ascii: "#") || tableColumns != nil {
                brackets = 0
                delimiters = 0
            }
            if brackets == 0 && delimiters == 0 { paragraphLine = line }
            if let columns = tableColumns {
                cells += columns
            } else if let columns = InputGuard.delimiterColumns(rest) {
                if columns > limits.maxTableColumns {
                    return refuse("table with \(columns) columns; at most \(limits.maxTableColumns) are read: split the table")
                }
                tableColumns = columns
                cells += 2 * columns
            }
            if cells > limits.maxTableCells {
                return refuse("tables would expand to more than \(limits.maxTableCells) cells; split the table or reduce its columns")
            }
            for byte in rest {
                switch byte {
                case UInt8(ascii: "["): brackets += 1
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"): delimiters += 1
                default: continue
                }
            }
            if brackets > limits.maxBracketsPerParagraph {
                return refuse("paragraph with more than \(limits.maxBracketsPerParagraph) `[`; split it", at: paragraphLine)
            }
            if delimiters > limits.maxDelimitersPerParagraph {
                return refuse("paragraph with more than \(limits.maxDelimitersPerParagraph) emphasis marks (`*`, `_`, `~`); split it",
                              at: paragraphLine)
            }
            return nil
        }

        private func refuse(_ what: String, at bodyLine: Int? = nil) -> Refusal {
            let line = (bodyLine ?? self.line) + lineOffset
            return Refusal(message: "\(what); the document was not parsed", line: line)
        }
    }

    /// How many containers open a line (`> - 1. text` is three), whether one is a list item, and
    /// the bytes after them.
    private static func containers(of line: Line) -> (depth: Int, opensItem: Bool, rest: Line) {
        var depth = 0
        var opensItem = false
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == 0x20 || byte == 0x09 {
                index += 1
            } else if byte == UInt8(ascii: ">") {
                depth += 1
                index += 1
            } else if let after = listMarkerEnd(line, at: index) {
                depth += 1
                opensItem = true
                index = after
            } else {
                break
            }
        }
        return (depth, opensItem, line[index...])
    }

    /// The index after a list marker (`-`, `*`, `+`, `1.`, `1)`) and its space, if one starts at `index`.
    private static func listMarkerEnd(_ line: Line, at index: Int) -> Int? {
        var end = index
        let first = line[end]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            end += 1
        } else {
            while end < line.endIndex, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) { end += 1 }
            guard end > index, end < line.endIndex, line[end] == UInt8(ascii: ".") || line[end] == UInt8(ascii: ")") else { return nil }
            end += 1
        }
        guard end < line.endIndex, line[end] == 0x20 || line[end] == 0x09 else { return nil }
        return end + 1
    }

    /// The column count of a GFM delimiter row (`| --- | :-: |`), or nil for any other line.
    private static func delimiterColumns(_ line: Line) -> Int? {
        var pipes = 0
        var dashes = false
        var cells = 0
        var inCell = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"):
                pipes += 1
                inCell = false
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if byte == UInt8(ascii: "-") { dashes = true }
                if !inCell { cells += 1; inCell = true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            default:
                return nil
            }
        }
        return pipes > 0 && dashes ? cells : nil
    }

    private static func isBlank(_ line: Line) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
