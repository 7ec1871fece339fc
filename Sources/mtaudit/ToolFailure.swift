import ArgumentParser
import Foundation
import MTAudit
import MTAuditReports

/// A failure of the tool or its input (not of a version): printed to standard error, exit status 2.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String
    /// The file or folder at fault, when there is one, and what is wrong with it.
    let path: String?
    let problem: String

    init(_ description: String) {
        self.description = description
        path = nil
        problem = description
    }

    /// A failure of the file or folder at `path`: "path: problem".
    init(at path: String, _ problem: String) {
        description = "\(path): \(problem)"
        self.path = path
        self.problem = problem
    }

    /// Runs `body`; a `ToolFailure` (or any error but an exit code) is reported and becomes exit status 2.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error("mtaudit: error: \(error)")
            throw ExitCode(2)
        }
    }
}

enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A few lines for a person at a terminal: the summary of a folder of stories.
    static func summary(_ tree: TreeReportInput) -> String {
        let summary = tree.summary
        var lines = ["\(summary.stories) stories, \(summary.versions) versions, \(summary.failingVersions) failing."]
        if summary.unauditedStories > 0 { lines.append("\(summary.unauditedStories) stories not audited (see the errors above).") }
        for version in summary.worst.prefix(5) {
            lines.append("  \(version.story)/\(version.version)  \(String(format: "%6.2f", version.score))  \(version.verdict.rawValue)")
        }
        return lines.joined(separator: "\n")
    }

    /// A few lines for a person at a terminal: the versions ranked, with score and verdict.
    static func summary(_ input: ReportInput) -> String {
        let width = input.ranking.map(\.id.count).max() ?? 0
        return input.ranking.enumerated().map { rank, version in
            let counts = "\(version.count(.critical)) critical, \(version.count(.major)) major, \(version.count(.minor)) minor"
            let padded = version.id.padding(toLength: max(width, version.id.count), withPad: " ", startingAt: 0)
            return "\(rank + 1). \(padded)  \(String(format: "%6.2f", version.score))  \(version.verdict.rawValue)  \(counts)"
        }.joined(separator: "\n")
    }
}
