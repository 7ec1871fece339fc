import MTAudit
import MTAuditText

/// One self-contained HTML file: the scoreboard, then each version beside the source sentence by
/// sentence, with every finding highlighted by severity and explained on hover or focus, a legend,
/// and filters by severity and rule that work without JavaScript.
///
/// The page runs no script at all: its Content-Security-Policy allows none, and every text, id and
/// message from the audit is escaped (`Markup.escape`). Styles are inline and no resource is fetched.
public struct HTMLReporter: Reporter {
    public init() {}

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    public func render(_ input: ReportInput) throws -> [UInt8] {
        let title = "mtaudit report: " + input.result.source.id
        let rules = Array(Set(input.result.versions.flatMap { $0.findings.map(\.rule) })).sorted()
        var html = Self.head(title: title, rules: rules)
        html += header(input)
        html += filters(rules)
        html += "<main>\n"
        html += scoreboard(input)
        html += legend(rules)
        html += try versions(input)
        html += "</main>\n</body>\n</html>\n"
        return Array(html.utf8)
    }

    /// One page: the summary across the stories (worst versions, findings by rule, score
    /// distribution), then each story with its scoreboard and versions; ids are prefixed `story-N-`.
    public func renderTree(_ tree: TreeReportInput) throws -> [UInt8] {
        let summary = tree.summary
        let title = "mtaudit report: \(summary.stories) stories in \(tree.root)"
        let rules = summary.findingsByRule.map(\.rule).sorted()
        var html = Self.head(title: title, rules: rules)
        html += """
            <header>
            <h1>mtaudit report: \(summary.stories) stories in <span class="id">\(Markup.escape(tree.root))</span></h1>
            <p>\(summary.versions) versions; \(summary.failingVersions) fail the gate, in \(summary.failingStories) stories.\
            \(tree.errors.isEmpty ? "" : " \(tree.errors.count) stories could not be audited.") \
            Score <code>\(Markup.escape(tree.scoreSignature))</code>.</p>
            </header>

            """
        html += filters(rules)
        html += "<main>\n"
        html += treeSummary(summary, tree: tree)
        html += legend(rules)
        for (index, story) in tree.stories.enumerated() {
            let prefix = "story-\(index + 1)-"
            html += "<section class=\"story\" id=\"story-\(index + 1)\" aria-labelledby=\"\(prefix)title\">\n"
            html += "<h2 id=\"\(prefix)title\">Story <span class=\"id\">\(Markup.escape(story.result.source.id))</span></h2>\n"
            let source = story.result.source
            html += "<p>Source <span class=\"id\">\(Markup.escape(source.path ?? source.id))</span>: \(source.paragraphs) paragraphs, "
            html += "\(source.sentences) sentences, \(source.words) words. \(story.result.versions.count) versions.</p>\n"
            html += scoreboard(story, prefix: prefix)
            html += try versions(story, prefix: prefix)
            html += "</section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return Array(html.utf8)
    }

    private func versions(_ input: ReportInput, prefix: String = "") throws -> String {
        var html = ""
        let segmenter = try Segmenter()
        let source = Document(id: input.source.id, text: input.source.text, language: input.source.language, segmenter: segmenter)
        for (index, pair) in input.pairs.enumerated() {
            let version = Document(id: pair.text.id, text: pair.text.text, language: pair.text.language, segmenter: segmenter)
            html += section(pair.result, number: index + 1, source: source, version: version, input: input, prefix: prefix)
        }
        return html
    }

    private func treeSummary(_ summary: TreeSummary, tree: TreeReportInput) -> String {
        var out = "<section class=\"scoreboard summary\" aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n"
        if !tree.errors.isEmpty {
            out += "<h3 class=\"not-audited\">Stories not audited (\(tree.errors.count))</h3>\n<ul class=\"not-audited\">\n"
            for error in tree.errors {
                out += "<li><span class=\"id\">\(Markup.escape(error.story))</span>: <span class=\"id\">\(Markup.escape(error.path))</span>: "
                out += "\(Markup.escape(error.message))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h3>Worst versions</h3>\n<table>\n<thead><tr><th scope=\"col\">Story</th><th scope=\"col\">Version</th>"
        out += "<th scope=\"col\">Score</th><th scope=\"col\">Verdict</th><th scope=\"col\">Relation</th>"
        out += "<th scope=\"col\">Critical</th><th scope=\"col\">Major</th><th scope=\"col\">Minor</th></tr></thead>\n<tbody>\n"
        for version in summary.worst {
            let storyNumber = (tree.stories.firstIndex { $0.result.source.id == version.story } ?? 0) + 1
            let versionNumber = (tree.stories[storyNumber - 1].result.versions.firstIndex { $0.id == version.version } ?? 0) + 1
            out += "<tr class=\"\(version.verdict.rawValue)\"><td><a href=\"#story-\(storyNumber)\">\(Markup.escape(version.story))</a></td>"
            out += "<th scope=\"row\"><a href=\"#story-\(storyNumber)-version-\(versionNumber)\">\(Markup.escape(version.version))</a></th>"
            out += "<td>\(version.score.reportText)</td><td class=\"verdict\">\(version.verdict.rawValue)</td>"
            out += "<td>\(version.relation.rawValue)</td><td>\(version.critical)</td><td>\(version.major)</td><td>\(version.minor)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<h3>Findings by rule</h3>\n"
        if summary.findingsByRule.isEmpty {
            out += "<p>No findings.</p>\n"
        } else {
            out += "<table>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Findings</th><th scope=\"col\">Critical</th>"
            out += "<th scope=\"col\">Major</th><th scope=\"col\">Minor</th><th scope=\"col\">Versions</th></tr></thead>\n<tbody>\n"
            for rule in summary.findingsByRule {
                out += "<tr><th scope=\"row\"><code>\(Markup.escape(rule.rule))</code></th><td>\(rule.findings)</td>"
                out += "<td>\(rule.critical)</td><td>\(rule.major)</td><td>\(rule.minor)</td><td>\(rule.versions)</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<h3>Score distribution</h3>\n<table>\n<thead><tr><th scope=\"col\">Score</th><th scope=\"col\">Versions</th></tr></thead>\n<tbody>\n"
        for bucket in summary.scoreDistribution {
            out += "<tr><th scope=\"row\">\(Markup.escape(bucket.label))</th><td>\(bucket.versions)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private static func head(title: String, rules: [String]) -> String {
        """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="mtaudit \(MTAuditVersion.current)">
            <title>\(Markup.escape(title))</title>
            <style>\(HTMLStyle.css(rules: rules))</style>
            </head>
            <body>

            """
    }

    // MARK: Page parts

    private func header(_ input: ReportInput) -> String {
        let source = input.result.source
        return """
            <header>
            <h1>mtaudit report: <span class="id">\(Markup.escape(source.id))</span></h1>
            <p>Source <span class="id">\(Markup.escape(source.path ?? source.id))</span>: \(source.paragraphs) paragraphs, \
            \(source.sentences) sentences, \(source.words) words. \(input.result.versions.count) versions. \
            Score <code>\(Markup.escape(input.scoreSignature))</code>.</p>
            </header>

            """
    }

    /// Checkboxes before <main>, so that CSS sibling selectors can hide what they turn off.
    private func filters(_ rules: [String]) -> String {
        var out = ""
        for severity in Severity.descending {
            out += "<input type=\"checkbox\" class=\"toggle\" id=\"show-\(severity.rawValue)\" checked>\n"
        }
        for rule in rules { out += "<input type=\"checkbox\" class=\"toggle\" id=\"show-rule-\(rule)\" checked>\n" }
        out += "<nav class=\"filters\" aria-label=\"Filters\">\n<fieldset><legend>Severity</legend>\n"
        for severity in Severity.descending {
            out += "<label for=\"show-\(severity.rawValue)\" class=\"chip sev-\(severity.rawValue)\">\(severity.rawValue)</label>\n"
        }
        out += "</fieldset>\n<fieldset><legend>Rule</legend>\n"
        for rule in rules { out += "<label for=\"show-rule-\(rule)\" class=\"chip\">\(Markup.escape(rule))</label>\n" }
        out += "</fieldset>\n</nav>\n"
        return out
    }

    private func scoreboard(_ input: ReportInput, prefix: String = "") -> String {
        var out = """
            <section class="scoreboard" aria-labelledby="\(prefix)scoreboard">
            <h2 id="\(prefix)scoreboard">Scoreboard</h2>
            <table>
            <thead><tr><th scope="col">Rank</th><th scope="col">Version</th><th scope="col">Score</th>\
            <th scope="col">Verdict</th><th scope="col">Relation</th><th scope="col">Coverage</th>\
            <th scope="col">Critical</th><th scope="col">Major</th><th scope="col">Minor</th>
            """
        for name in input.metricNames { out += "<th scope=\"col\" title=\"\(Markup.escape(input.signatures[name] ?? ""))\">\(Markup.escape(name))</th>" }
        out += """
            </tr></thead>
            <tbody>

            """
        for (rank, version) in input.ranking.enumerated() {
            let number = (input.result.versions.firstIndex { $0.id == version.id } ?? 0) + 1
            out += "<tr class=\"\(version.verdict.rawValue)\"><td>\(rank + 1)</td>"
            out += "<th scope=\"row\"><a href=\"#\(prefix)version-\(number)\">\(Markup.escape(version.id))</a></th>"
            out += "<td>\(version.score.reportText)</td><td class=\"verdict\">\(version.verdict.rawValue)</td>"
            out += "<td>\(version.relation.rawValue)</td><td>\(version.coverage.reportText)</td>"
            out += "<td>\(version.count(.critical))</td><td>\(version.count(.major))</td><td>\(version.count(.minor))</td>"
            for name in input.metricNames { out += "<td>\(version.metrics[name]?.reportText ?? "")</td>" }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if let (best, worst) = input.bestAndWorst {
            out += "<p>Best: <span class=\"id\">\(Markup.escape(best.id))</span> (\(best.score.reportText)). "
            out += "Worst: <span class=\"id\">\(Markup.escape(worst.id))</span> (\(worst.score.reportText)).</p>\n"
        }
        return out + "</section>\n"
    }

    private func legend(_ rules: [String]) -> String {
        var out = "<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">Legend</h2>\n<dl>\n"
        out += "<dt><mark class=\"f sev-critical\">critical</mark></dt><dd>misinforms or makes the text unusable</dd>\n"
        out += "<dt><mark class=\"f sev-major\">major</mark></dt><dd>changes meaning or confuses</dd>\n"
        out += "<dt><mark class=\"f sev-minor\">minor</mark></dt><dd>a blemish that does not mislead</dd>\n"
        let descriptions = DetectorRegistry.descriptions
        for rule in rules {
            let summary = descriptions.first { $0.id == rule }.map { "\($0.category.rawValue): \($0.summary)" } ?? ""
            out += "<dt><code>\(Markup.escape(rule))</code></dt><dd>\(Markup.escape(summary))</dd>\n"
        }
        return out + "</dl>\n<p>Hover over or tab to a highlight to read the finding. ⟂ marks a place where something is missing.</p>\n</section>\n"
    }

    private func section(_ result: VersionResult, number: Int, source: Document, version: Document, input: ReportInput,
                         prefix: String = "") -> String {
        let id = "\(prefix)version-\(number)"
        var out = "<section class=\"version \(result.verdict.rawValue)\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        out += "<h2 id=\"\(id)-title\"><span class=\"id\">\(Markup.escape(result.id))</span>: "
        out += "\(result.score.reportText), <span class=\"verdict\">\(result.verdict.rawValue)</span></h2>\n"
        out += "<p>Rank \(input.rank(of: result.id)), relation \(result.relation.rawValue), coverage \(result.coverage.reportText)"
        if let path = input.versions[number - 1].path { out += ", file <span class=\"id\">\(Markup.escape(path))</span>" }
        out += ".</p>\n"
        if !result.gateReasons.isEmpty {
            out += "<p class=\"reasons\">Fails the gate: \(Markup.escape(result.gateReasons.joined(separator: "; "))).</p>\n"
        }
        let alignment = SentenceAligner().align(source: source, version: version)
        out += "<table class=\"side-by-side\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Version</th></tr></thead>\n<tbody>\n"
        let sourceHighlights = result.findings.compactMap { finding in finding.sourceSpan.map { (span: $0.span, finding: finding) } }
        let versionHighlights = result.findings.map { (span: $0.span.span, finding: $0) }
        var shown: Set<Int> = []
        for (index, sentence) in version.sentences.enumerated() {
            let sourceIndex = alignment.sourceOf[index]
            var sourceCell = ""
            if let sourceIndex {
                shown.insert(sourceIndex)
                sourceCell = Self.highlighted(source, source.sentences[sourceIndex].span, sourceHighlights, marksPoints: false)
            }
            let last = index + 1 == version.sentences.count
            let versionCell = Self.highlighted(version, sentence.span, versionHighlights, marksPoints: true, takesTail: last)
            out += "<tr><td>\(sourceCell)</td><td>\(versionCell)</td></tr>\n"
        }
        if version.sentences.isEmpty {
            let cell = Self.highlighted(version, TextSpan(start: 0, end: version.length), versionHighlights, marksPoints: true, takesTail: true)
            out += "<tr><td></td><td>\(cell)</td></tr>\n"
        }
        let missing = source.sentences.indices.filter { !shown.contains($0) }
        for index in missing {
            let cell = Self.highlighted(source, source.sentences[index].span, sourceHighlights, marksPoints: false)
            out += "<tr class=\"unrendered\"><td>\(cell)</td><td><em>no counterpart in this version</em></td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += findingList(result)
        return out + "</section>\n"
    }

    private func findingList(_ result: VersionResult) -> String {
        guard !result.findings.isEmpty else { return "<p>No findings.</p>\n" }
        var out = "<ol class=\"findings\">\n"
        for finding in result.findings {
            out += "<li class=\"f \(Self.classes(finding))\"><span class=\"chip sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
            out += "<code>\(Markup.escape(finding.rule))</code> <span class=\"category\">\(Markup.escape(finding.category.rawValue))</span>: "
            out += Markup.escape(finding.message)
            out += " <span class=\"where\">(\(finding.span.start)–\(finding.span.end))</span>"
            if let source = finding.sourceSpan { out += " Source: “<q>\(Markup.escape(source.text))</q>”." }
            if let suggestion = finding.suggestion {
                out += suggestion.isEmpty ? " Suggestion: delete it." : " Suggestion: “<ins>\(Markup.escape(suggestion))</ins>”."
            }
            out += "</li>\n"
        }
        return out + "</ol>\n"
    }

    // MARK: Highlighting

    static func classes(_ finding: Finding) -> String {
        "sev-\(finding.severity.rawValue) rule-\(finding.rule)"
    }

    /// The text of `span` in `document` with the highlights that fall in it marked. With `takesTail`,
    /// points and spans at or after the span's end are drawn too (a missing final stop).
    static func highlighted(_ document: Document, _ span: TextSpan, _ highlights: [(span: TextSpan, finding: Finding)],
                            marksPoints: Bool, takesTail: Bool = false) -> String {
        let scalars = Array(document.text.unicodeScalars)
        let limit = takesTail ? scalars.count : span.end
        let inside = highlights.filter { highlight in
            highlight.span.isEmpty
                ? marksPoints && highlight.span.start >= span.start && highlight.span.start <= limit
                : highlight.span.start < limit && highlight.span.end > span.start
        }
        var cuts: Set<Int> = [span.start, span.end]
        for highlight in inside {
            cuts.insert(max(span.start, min(span.end, highlight.span.start)))
            cuts.insert(max(span.start, min(span.end, highlight.span.end)))
        }
        let sorted = cuts.sorted()
        var out = ""
        func points(at offset: Int) {
            for point in inside where point.span.isEmpty && min(point.span.start, span.end) == offset {
                out += "<mark class=\"f point \(classes(point.finding))\" tabindex=\"0\">⟂<span class=\"note\">"
                out += Markup.escape(point.finding.message) + "</span></mark>"
            }
        }
        for (from, to) in zip(sorted, sorted.dropFirst()) {
            points(at: from)
            let text = Markup.escape(String(String.UnicodeScalarView(scalars[from..<to])))
            let covering = inside.filter { !$0.span.isEmpty && $0.span.start < to && $0.span.end > from }
            if covering.isEmpty {
                out += text
            } else {
                let worst = covering.max { $0.finding.severity < $1.finding.severity }!.finding
                let rules = Set(covering.map(\.finding.rule)).sorted().map { "rule-\($0)" }.joined(separator: " ")
                let notes = covering.map { Markup.escape("\($0.finding.rule): \($0.finding.message)") }.joined(separator: "<br>")
                out += "<mark class=\"f sev-\(worst.severity.rawValue) \(rules)\" tabindex=\"0\">\(text)<span class=\"note\">\(notes)</span></mark>"
            }
        }
        points(at: span.end)
        return out
    }
}
