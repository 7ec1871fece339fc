/// The report formats, with the file each is written to under `--output`.
public enum ReportFormat: String, Sendable, CaseIterable, Hashable {
    case markdown, html, json, junit, sarif, github

    /// The file name under the output directory; nil for GitHub annotations, which go to standard output.
    public var fileName: String? {
        switch self {
        case .markdown: return "report.md"
        case .html: return "report.html"
        case .json: return "report.json"
        case .junit: return "report.junit.xml"
        case .sarif: return "report.sarif"
        case .github: return nil
        }
    }

    /// The formats written when `--output` is given without `--format`: every one with a file.
    public static let files: [ReportFormat] = allCases.filter { $0.fileName != nil }

    /// The reporter for the format.
    public var reporter: any Reporter {
        switch self {
        case .markdown: return MarkdownReporter()
        case .html: return HTMLReporter()
        case .json: return JSONReporter()
        case .junit: return JUnitReporter()
        case .sarif: return SARIFReporter()
        case .github: return GitHubAnnotationsReporter()
        }
    }
}

/// Turns an audit into one report format. Output is deterministic: the same audit gives the same bytes.
public protocol Reporter: Sendable {
    func render(_ report: ReportInput) throws -> [UInt8]
    /// The report of a folder of stories: a summary across them, then each story as `render` shows it.
    func renderTree(_ tree: TreeReportInput) throws -> [UInt8]
}
