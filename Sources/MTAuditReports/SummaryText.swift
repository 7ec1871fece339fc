import MTAudit

/// A tree's summary as plain lines, for the formats that carry it as text (JUnit, GitHub annotations).
enum SummaryText {
    static func lines(_ summary: TreeSummary) -> [String] {
        var lines = ["\(summary.stories) stories, \(summary.versions) versions; \(summary.failingVersions) versions fail the gate, "
            + "in \(summary.failingStories) stories."]
        if summary.unauditedStories > 0 { lines.append("\(summary.unauditedStories) stories could not be audited.") }
        if !summary.worst.isEmpty {
            lines.append("Worst: " + summary.worst.map { "\($0.story)/\($0.version) \($0.score.reportText) \($0.verdict.rawValue)" }
                .joined(separator: ", ") + ".")
        }
        lines.append("Findings by rule: " + (summary.findingsByRule.isEmpty ? "none"
            : summary.findingsByRule.map { "\($0.rule) \($0.findings)" }.joined(separator: ", ")) + ".")
        lines.append("Scores: " + summary.scoreDistribution.map { "\($0.label): \($0.versions)" }.joined(separator: ", ") + ".")
        return lines
    }
}
