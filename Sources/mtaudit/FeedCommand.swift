import ArgumentParser
import Foundation
import MTAudit
import MTAuditReports

struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Audit a feed of articles: JSON Lines in, one JSON answer a line out.",
        discussion: """
            Each input line is one article:
              {"id": "story-1", "source": "…", "versions": [{"id": "outlet-a", "text": "…"}]}
            with optional "sourceLang" and a version's "lang". Each line is answered on standard output, \
            in order, as soon as it is audited: {"id", "versions": [{"id", "score", "verdict", …}]}. A line \
            that cannot be audited (not UTF-8, not JSON, a key missing, a text over --max-text-bytes) is \
            answered {"id", "line", "error": {"code", "message"}} and the feed goes on. Blank lines are \
            skipped.

            Exit status: 0 every version passed, 1 some version failed the gate, 2 some line could not \
            be audited.
            """
    )

    @Argument(help: ArgumentHelp("The JSON Lines file to read, or - for standard input.", valueName: "file"))
    var file: String = "-"

    @Option(name: .long, help: "The largest source or version text a line may carry, in UTF-8 bytes.")
    var maxTextBytes: Int = FeedProcessor.defaultMaximumTextBytes

    @OptionGroup var gate: GateOptions

    func validate() throws {
        if maxTextBytes < 1 { throw ValidationError("--max-text-bytes must be positive") }
    }

    func run() throws {
        let processor = FeedProcessor(auditor: Auditor(configuration: gate.configuration),
                                      maximumTextBytes: maxTextBytes)
        let reporter = JSONReporter()
        var unreadable = 0
        var failed = 0
        try ToolFailure.reporting {
            let reader = try LineReader(path: file)
            while let (bytes, number) = reader.next() {
                if FeedProcessor.isBlank(bytes) { continue }
                let answer = processor.answer(bytes, line: number)
                switch answer {
                case .audited(_, let result): if !result.passed { failed += 1 }
                case .failed(let line, let error):
                    unreadable += 1
                    Console.error("mtaudit: \(file == "-" ? "<stdin>" : file):\(line): \(error)")
                }
                FileHandle.standardOutput.write(try reporter.feedLine(answer))
            }
        }
        if unreadable > 0 { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }
}
