import MTAudit

/// JUnit XML, which CI systems show natively: one test case per version, failed when the gate fails
/// it, with its findings in the failure's text.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ input: ReportInput) throws -> [UInt8] {
        let failures = input.result.versions.filter { $0.verdict == .fail }.count
        let count = input.result.versions.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"mtaudit\" tests=\"\(count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += suite(input)
        out += "</testsuites>\n"
        return Array(out.utf8)
    }

    /// One test suite a story; one a story that could not be audited, whose one test case is in
    /// error; then a suite named "summary" without test cases whose output is the summary across the
    /// stories.
    public func renderTree(_ tree: TreeReportInput) throws -> [UInt8] {
        let summary = tree.summary
        let errors = tree.errors.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"mtaudit\" tests=\"\(summary.versions + errors)\" failures=\"\(summary.failingVersions)\" "
        out += "errors=\"\(errors)\">\n"
        for story in tree.stories { out += suite(story) }
        for error in tree.errors {
            let suite = Markup.escape(error.story)
            out += "  <testsuite name=\"\(suite)\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
            out += "    <testcase classname=\"mtaudit.\(suite)\" name=\"audit\" file=\"\(Markup.escape(error.path))\">\n"
            out += "      <error type=\"input\" message=\"\(Markup.escape(error.message))\">\(Markup.escape(error.line))</error>\n"
            out += "    </testcase>\n  </testsuite>\n"
        }
        out += "  <testsuite name=\"summary\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        out += "    <system-out>\(Markup.escape(SummaryText.lines(summary).joined(separator: "\n")))</system-out>\n"
        out += "  </testsuite>\n</testsuites>\n"
        return Array(out.utf8)
    }

    private func suite(_ input: ReportInput) -> String {
        let failures = input.result.versions.filter { $0.verdict == .fail }.count
        let count = input.result.versions.count
        let suite = Markup.escape(input.result.source.id)
        var out = ""
        out += "  <testsuite name=\"\(suite)\" tests=\"\(count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        if let (best, worst) = input.bestAndWorst {
            out += "    <properties>\n"
            out += "      <property name=\"best\" value=\"\(Markup.escape(best.id)) (\(best.score.reportText))\"/>\n"
            out += "      <property name=\"worst\" value=\"\(Markup.escape(worst.id)) (\(worst.score.reportText))\"/>\n"
            out += "    </properties>\n"
        }
        for (version, text) in input.pairs {
            out += "    <testcase classname=\"mtaudit.\(suite)\" name=\"\(Markup.escape(version.id))\""
            out += " file=\"\(Markup.escape(input.location(of: text)))\">\n"
            if version.verdict == .fail {
                let reasons = version.gateReasons.joined(separator: "; ")
                out += "      <failure type=\"gate\" message=\"\(Markup.escape(reasons))\">"
                out += Markup.escape(details(version))
                out += "</failure>\n"
            }
            let rank = "rank \(input.rank(of: version.id)) of \(count), "
            out += "      <system-out>\(Markup.escape(rank + summary(version)))</system-out>\n"
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n"
        return out
    }

    private func summary(_ version: VersionResult) -> String {
        "score \(version.score.reportText), relation \(version.relation.rawValue), coverage \(version.coverage.reportText), "
            + "\(version.count(.critical)) critical, \(version.count(.major)) major, \(version.count(.minor)) minor"
    }

    private func details(_ version: VersionResult) -> String {
        ([summary(version)] + version.findings.map { finding in
            "[\(finding.severity.rawValue)] \(finding.rule) at \(finding.span.start)-\(finding.span.end): \(finding.message)"
        }).joined(separator: "\n")
    }
}
