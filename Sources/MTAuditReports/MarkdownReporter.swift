import MTAudit

/// A GitHub-flavoured Markdown report: the scoreboard, then each version's findings by severity, each
/// with its context, what the source says there and the suggestion. Every text from the audit is
/// escaped, so a version cannot inject Markdown or HTML.
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ input: ReportInput) throws -> [UInt8] {
        var out = ""
        let source = input.result.source
        out += "# mtaudit report: \(Self.escape(source.id))\n\n"
        out += "Source: \(Self.escape(source.path ?? source.id)) (\(source.sentences) sentences, \(source.words) words). "
        out += "Score: `\(input.scoreSignature)`.\n"
        for name in input.metricNames { if let signature = input.signatures[name] { out += "\(Self.escape(name)): `\(signature)`.\n" } }
        out += "\n"
        out += scoreboard(input)
        for (version, text) in input.pairs {
            out += "\n## \(Self.escape(version.id)): \(version.score.reportText), \(version.verdict.rawValue)\n\n"
            out += "Relation \(version.relation.rawValue), coverage \(version.coverage.reportText)"
            if let path = text.path { out += ", file \(Self.escape(path))" }
            out += ".\n"
            if !version.gateReasons.isEmpty {
                out += "Fails the gate: \(version.gateReasons.map(Self.escape).joined(separator: "; ")).\n"
            }
            if version.findings.isEmpty { out += "\nNo findings.\n"; continue }
            for severity in Severity.descending {
                let findings = version.findings.filter { $0.severity == severity }
                guard !findings.isEmpty else { continue }
                out += "\n### \(severity.rawValue.capitalized) (\(findings.count))\n\n"
                for finding in findings { out += item(finding, text: text.text) }
            }
        }
        return Array(out.utf8)
    }

    public func renderTree(_ tree: TreeReportInput) throws -> [UInt8] {
        let summary = tree.summary
        var out = "# mtaudit report: \(summary.stories) stories in \(Self.escape(tree.root))\n\n"
        out += "Score: `\(tree.scoreSignature)`.\n"
        for name in ReportInput.metricOrder { if let signature = tree.signatures[name] { out += "\(Self.escape(name)): `\(signature)`.\n" } }
        out += "\n## Summary\n\n"
        out += "\(summary.stories) stories, \(summary.versions) versions. \(summary.failingVersions) versions fail the gate, "
        out += "in \(summary.failingStories) stories.\n"
        if !tree.errors.isEmpty {
            out += "\n### Stories not audited (\(tree.errors.count))\n\n"
            for error in tree.errors {
                out += "- **\(Self.escape(error.story))**: \(Self.escape(error.path)): \(Self.escape(error.message))\n"
            }
        }
        if !summary.worst.isEmpty {
            out += "\n### Worst versions\n\n| Story | Version | Score | Verdict | Relation | Critical | Major | Minor |\n"
            out += "|---|---|---:|---|---|---:|---:|---:|\n"
            for version in summary.worst {
                let verdict = version.verdict == .pass ? "pass" : "**fail**"
                out += "| \(Self.escape(version.story)) | \(Self.escape(version.version)) | \(version.score.reportText) | \(verdict) | "
                out += "\(version.relation.rawValue) | \(version.critical) | \(version.major) | \(version.minor) |\n"
            }
        }
        out += "\n### Findings by rule\n\n"
        if summary.findingsByRule.isEmpty {
            out += "No findings.\n"
        } else {
            out += "| Rule | Findings | Critical | Major | Minor | Versions |\n|---|---:|---:|---:|---:|---:|\n"
            for rule in summary.findingsByRule {
                out += "| `\(rule.rule)` | \(rule.findings) | \(rule.critical) | \(rule.major) | \(rule.minor) | \(rule.versions) |\n"
            }
        }
        out += "\n### Score distribution\n\n| Score | Versions |\n|---|---:|\n"
        for bucket in summary.scoreDistribution { out += "| \(bucket.label) | \(bucket.versions) |\n" }
        for story in tree.stories {
            // The story's own report, one heading level down, under the story's name.
            var lines = String(decoding: try render(story), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            lines[0] = "# Story: \(Self.escape(story.result.source.id))"
            out += "\n" + lines.map { $0.hasPrefix("#") ? "#" + $0 : $0 }.joined(separator: "\n")
        }
        return Array(out.utf8)
    }

    private func scoreboard(_ input: ReportInput) -> String {
        let metrics = input.metricNames
        var out = "| Rank | Version | Score | Verdict | Relation | Coverage | Critical | Major | Minor |"
        out += metrics.map { " \(Self.escape($0)) |" }.joined() + "\n"
        out += "|---:|---|---:|---|---|---:|---:|---:|---:|" + String(repeating: "---:|", count: metrics.count) + "\n"
        for (index, version) in input.ranking.enumerated() {
            let verdict = version.verdict == .pass ? "pass" : "**fail**"
            out += "| \(index + 1) | \(Self.escape(version.id)) | \(version.score.reportText) | \(verdict) | "
            out += "\(version.relation.rawValue) | \(version.coverage.reportText) | \(version.count(.critical)) | "
            out += "\(version.count(.major)) | \(version.count(.minor)) |"
            out += metrics.map { " \(version.metrics[$0]?.reportText ?? "") |" }.joined() + "\n"
        }
        if let (best, worst) = input.bestAndWorst {
            out += "\nBest: \(Self.escape(best.id)) (\(best.score.reportText)). "
            out += "Worst: \(Self.escape(worst.id)) (\(worst.score.reportText)).\n"
        }
        return out
    }

    private func item(_ finding: Finding, text: String) -> String {
        let context = FindingContext(text: text, span: finding.span)
        let marked = context.match.isEmpty ? "⟂" : "**\(Self.escape(context.match))**"
        var out = "- `\(finding.rule)` (\(finding.category.rawValue)) at \(finding.span.start)–\(finding.span.end): "
        out += Self.escape(finding.message) + "\n"
        out += "  > \(Self.escape(context.before))\(marked)\(Self.escape(context.after))\n"
        if let source = finding.sourceSpan { out += "  Source: “\(Self.escape(source.text))”.\n" }
        if let suggestion = finding.suggestion {
            out += suggestion.isEmpty ? "  Suggestion: delete it.\n" : "  Suggestion: “\(Self.escape(suggestion))”.\n"
        }
        return out
    }

    /// Text made inert in Markdown: punctuation that Markdown reads is backslash-escaped, HTML's
    /// specials become entities, and line breaks and other controls become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "|", "!", "~", "{", "}":
                out += "\\" + String(scalar)
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
