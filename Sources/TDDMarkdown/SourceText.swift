/// The bytes of a document prepared for parsing: BOM removed, front matter split off, line
/// starts indexed so byte columns can become character columns.
struct SourceText {
    /// The Markdown after the front matter.
    let body: [UInt8]
    /// The YAML between the front matter fences, and the file line it starts on.
    let frontMatter: (text: String, firstLine: Int)?
    /// Lines before `body` starts (the front matter block).
    let lineOffset: Int
    let lineCount: Int
    /// Where the first invalid UTF-8 sequence is, if any.
    let invalidUTF8Line: Int?
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        var input = bytes[...]
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { input = input.dropFirst(3) }
        let all = Array(input)
        let starts = SourceText.lineStarts(all)
        lineCount = all.isEmpty ? 0 : (all.last == 0x0A ? starts.count - 1 : starts.count)
        invalidUTF8Line = SourceText.firstInvalidUTF8(all).map { offset in
            (starts.lastIndex { $0 <= offset } ?? 0) + 1
        }

        if let (yaml, closingLine) = SourceText.frontMatter(all, starts: starts) {
            frontMatter = (yaml, 2)
            lineOffset = closingLine
            let bodyStart = closingLine < starts.count ? starts[closingLine] : all.count
            body = Array(all[bodyStart...])
        } else {
            frontMatter = nil
            lineOffset = 0
            body = all
        }
        lineStarts = lineOffset == 0 ? starts : SourceText.lineStarts(body)
    }

    /// Converts a parser position (1-based line in `body`, 1-based byte column) to a file
    /// position with a 1-based column counted in Unicode scalars.
    func location(bodyLine: Int, byteColumn: Int) -> SourceLocation {
        let line = max(bodyLine, 1)
        guard line - 1 < lineStarts.count else {
            return SourceLocation(line: line + lineOffset, column: max(byteColumn, 1))
        }
        let start = lineStarts[line - 1]
        let end = min(start + max(byteColumn - 1, 0), body.count)
        var column = 1
        for byte in body[start..<end] where byte & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(line: line + lineOffset, column: column)
    }

    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { bytes in
            var starts = [0]
            for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
            return starts
        }
    }

    /// The YAML text and the 1-based line of the closing fence, when the file opens with `---`.
    private static func frontMatter(_ bytes: [UInt8], starts: [Int]) -> (String, Int)? {
        func line(_ index: Int) -> String {
            var end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            while end > starts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            return String(decoding: bytes[starts[index]..<end], as: UTF8.self)
        }
        guard starts.count > 1, line(0).trimmingWhitespace == "---" else { return nil }
        for index in 1..<starts.count where starts[index] < bytes.count {
            let text = line(index).trimmingWhitespace
            if text == "---" || text == "..." {
                let yaml = (1..<index).map(line).joined(separator: "\n")
                return (yaml, index + 1)
            }
        }
        return nil
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // The standard library's validation is fast; decode scalar by scalar only to find where it fails.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
