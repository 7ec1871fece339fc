import Foundation
import MTAudit

/// GitHub Actions workflow commands, one per finding: `::error file=…,line=…,col=…::message`.
/// Critical findings are errors, major ones warnings, minor ones notices.
public struct GitHubAnnotationsReporter: Reporter {
    public init() {}

    /// The annotations, then a notice naming the best and the worst version.
    public func render(_ input: ReportInput) throws -> [UInt8] {
        var out = annotations(input)
        if let (best, worst) = input.bestAndWorst {
            out += "::notice title=\(Self.property("mtaudit ranking of " + input.result.source.id))::"
            out += Self.data("Best: \(best.id) (\(best.score.reportText)). Worst: \(worst.id) (\(worst.score.reportText)).") + "\n"
        }
        return Array(out.utf8)
    }

    /// Every story's annotations, an error for each story that could not be audited, then one notice
    /// with the summary across them.
    public func renderTree(_ tree: TreeReportInput) throws -> [UInt8] {
        var out = tree.stories.map(annotations).joined()
        for error in tree.errors {
            out += "::error file=\(Self.property(error.path)),title=\(Self.property("mtaudit: story \(error.story) not audited"))::"
            out += Self.data(error.message) + "\n"
        }
        out += "::notice title=\(Self.property("mtaudit summary of " + tree.root))::"
        out += Self.data(SummaryText.lines(tree.summary).joined(separator: "\n")) + "\n"
        return Array(out.utf8)
    }

    private func annotations(_ input: ReportInput) -> String {
        var out = ""
        for (version, text) in input.pairs {
            let index = TextPosition.Index(text.text)
            for finding in version.findings {
                let start = index.position(of: finding.span.start)
                let end = index.position(of: finding.span.end)
                let level: String
                switch finding.severity {
                case .critical: level = "error"
                case .major: level = "warning"
                case .minor: level = "notice"
                }
                out += "::\(level) file=\(Self.property(input.location(of: text))),line=\(start.line),col=\(start.column)"
                out += ",endLine=\(end.line),endColumn=\(end.column),title=\(Self.property("mtaudit " + finding.rule))"
                out += "::\(Self.data("\(version.id): \(finding.message)"))\n"
            }
        }
        return out
    }

    /// A command's message: %, CR and LF escaped as GitHub expects; other controls dropped.
    static func data(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if scalar.properties.generalCategory != .control { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A command's property value: as `data`, and also : and , escaped.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
