import TDDRules

/// Which findings GitHub annotations and the step summary show (`--annotate`, `annotate:`).
public enum Annotation: String, Sendable, CaseIterable {
    /// Every finding that counts.
    case all
    /// Only findings on lines the change set touched, as a review shows the change: findings
    /// about the change itself (regressions, the change set's rules) and about the whole
    /// document (at its title) always; in a document the base does not have, every finding.
    case changed
}

/// The lines of a document the change set added or modified, as sorted, disjoint ranges.
public struct TouchedLines: Sendable, Hashable {
    public let ranges: [ClosedRange<Int>]

    /// `ranges` in any order, overlapping or not.
    public init(_ ranges: [ClosedRange<Int>]) {
        var merged: [ClosedRange<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    public func contains(_ line: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < line { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(line)
    }
}

extension Report {
    /// True when GitHub annotations and the step summary show `finding` of `document`: it
    /// counts and, under `.changed`, sits on a touched line or is about the change itself.
    public func annotates(_ finding: Finding, in document: Document) -> Bool {
        guard finding.counts else { return false }
        guard annotation == .changed, let touched = document.touchedLines else { return true }
        return RuleRegistry.changeRuleIds.contains(finding.ruleId) || touched.contains(finding.location.line)
    }

    /// The findings that count but `annotates(_:in:)` leaves out.
    public var unannotated: Int {
        documents.reduce(0) { total, document in
            total + document.verdict.findings.filter { $0.counts && !annotates($0, in: document) }.count
        }
    }
}
