/// Refuses input that Debian's cmark-gfm (0.29.0.gfm.6, without the 2023 fixes) would take
/// quadratic time or memory on, before it reaches the parser.
///
/// A GFM table fills every row up to the header's column count, so a few kilobytes of
/// `x|x|x|…` make millions of cells. The guard estimates each table's cells (columns × rows)
/// from the delimiter row and refuses the document when the total passes `maxTableCells`.
struct InputGuard {
    var maxTableCells: Int

    /// The refusal with its file line, or nil when the input is safe to parse.
    func check(_ body: [UInt8], lineOffset: Int) -> (message: String, line: Int)? {
        var total = 0
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(body.count / 40)
        var start = 0
        for (index, byte) in body.enumerated() where byte == 0x0A {
            lines.append(body[start..<index])
            start = index + 1
        }
        if start < body.count { lines.append(body[start...]) }

        var index = 0
        while index < lines.count {
            guard let columns = Self.delimiterColumns(lines[index]) else {
                index += 1
                continue
            }
            var rows = 1
            var next = index + 1
            while next < lines.count, !Self.isBlank(lines[next]) {
                rows += 1
                next += 1
            }
            total += columns * rows
            if total > maxTableCells {
                return ("table at line \(index + 1 + lineOffset) would expand to more than "
                        + "\(maxTableCells) cells (\(columns) columns); the document was not parsed: "
                        + "split the table or reduce its columns", index + 1 + lineOffset)
            }
            index = next
        }
        return nil
    }

    /// The column count of a GFM delimiter row (`| --- | :-: |`), or nil for any other line.
    private static func delimiterColumns(_ line: ArraySlice<UInt8>) -> Int? {
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
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            default:
                return nil
            }
        }
        return pipes > 0 && dashes ? cells : nil
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
