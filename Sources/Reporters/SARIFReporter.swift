import TDDRules

/// SARIF 2.1.0 for code scanning: the full rule catalogue in `tool.driver.rules`, one result
/// per finding with a repo-relative, percent-encoded URI, `region.startLine` ≥ 1, columns in
/// Unicode code points, and a fingerprint that does not change when unrelated lines move.
public struct SARIFReporter: Reporter {
    public init() {}

    public func render(_ report: Report, options: RenderOptions) -> String {
        let catalogue = report.catalogue
        let rules = catalogue.map { rule -> JSONValue in
            .object([
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(String(rule.description.prefix(1024))))])),
                ("help", .object([("text", .string(rule.description)), ("markdown", .string(rule.description))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
            ])
        }
        var results: [JSONValue] = []
        for document in report.documents {
            // Findings the change fixed follow the document's own, marked absent.
            let absent = zip(document.verdict.absent, Fingerprint.all(document.verdict.absent, path: document.path))
            for (finding, fingerprint) in Array(zip(document.verdict.findings, Fingerprint.all(in: document))) + absent {
                var members: [(String, JSONValue)] = [
                    ("ruleId", .string(finding.ruleId)),
                    ("ruleIndex", .int(catalogue.firstIndex { $0.id == finding.ruleId } ?? 0)),
                    ("level", .string(Self.level(finding.severity))),
                    ("message", .object([("text", .string(finding.message))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(Self.uri(document.path)))])),
                        ("region", .object([("startLine", .int(max(finding.location.line, 1))),
                                            ("startColumn", .int(max(finding.location.column, 1)))])),
                    ]))])])),
                    ("partialFingerprints", .object([
                        ("primaryLocationLineHash", .string(fingerprint)),
                    ])),
                ]
                if let suppression = finding.suppression {
                    members.append(("suppressions", .array([.object([
                        ("kind", .string(suppression.source == .comment ? "inSource" : "external")),
                        ("justification", .string(suppression.reason)),
                    ])])))
                }
                if let state = finding.baselineState {
                    members.append(("baselineState", .string(state.rawValue)))
                }
                results.append(.object(members))
            }
        }
        var properties: [(String, JSONValue)] = [("mode", .string(report.changeSet.mode))]
        if let base = report.changeSet.base { properties.append(("base", .string(base))) }
        if let head = report.changeSet.head { properties.append(("head", .string(head))) }
        let run = JSONValue.object([
            ("tool", .object([("driver", .object([
                ("name", .string(report.tool.name)),
                ("version", .string(report.tool.version)),
                ("semanticVersion", .string(report.tool.version)),
                ("informationUri", .string(report.tool.informationURI)),
                ("rules", .array(rules)),
            ]))])),
            ("invocations", .array([.object([("executionSuccessful", .bool(true))])])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
            ("properties", .object(properties)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).rendered() + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .off: return "none"
        }
    }

    /// A relative URI reference for a repo path: `/` kept, everything outside RFC 3986's
    /// unreserved set percent-encoded as UTF-8.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let char = Character(Unicode.Scalar(byte))
            if byte < 0x80, char.isLetter || char.isNumber || "-._~/".contains(char) {
                result.append(char)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
