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
            that cannot be audited (not UTF-8, not JSON, a key missing or named twice, arrays or objects \
            nested over 32 deep, a text over --max-text-bytes, a line over --max-line-bytes) is answered \
            {"id", "line", "error": {"code", "message"}} and the feed goes on. A line over \
            --max-line-bytes is skipped to its line break without being held in memory. Blank lines \
            (spaces, tabs) are skipped.

            Articles are audited on --jobs threads at once; the answers keep the input order and are \
            the same byte for byte whatever --jobs is. If the reader of the output goes away, the feed \
            stops quietly.

            While it runs, a line on standard error shows stories and megabytes a second, the share done \
            and the time left (for a file), and the unreadable and failing stories so far; it is redrawn \
            at most four times a second, and only when standard error is a terminal unless --progress or \
            --no-progress says otherwise.

            Exit status: 0 every version passed, 1 some version failed the gate, 2 some line could not \
            be audited.
            """
    )

    @Argument(help: ArgumentHelp("The JSON Lines file to read, or - for standard input.", valueName: "file"))
    var file: String = "-"

    @Option(name: .long, help: "The largest source or version text a line may carry, in UTF-8 bytes.")
    var maxTextBytes: Int = FeedProcessor.defaultMaximumTextBytes

    @Option(name: .long, help: "The longest line read, in bytes; a longer one is answered with an error and skipped.")
    var maxLineBytes: Int = FeedProcessor.defaultMaximumLineBytes

    @Option(name: .long, help: "Articles audited at once (default: one per core). Output is the same whatever the number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(inversion: .prefixedNo, help: "Show progress on standard error (default: only when it is a terminal).")
    var progress: Bool?

    @OptionGroup var gate: GateOptions

    /// At most this many lines, or about this many bytes, go to a worker at once.
    static let batchLines = 16
    static let batchBytes = 1 << 16

    func validate() throws {
        if maxTextBytes < 1 { throw ValidationError("--max-text-bytes must be positive") }
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be positive") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let reporter = JSONReporter()
        let name = file == "-" ? "<stdin>" : file
        let tally = Tally()
        StandardOutput.ignoreBrokenPipes()
        try ToolFailure.reporting {
            let processor = FeedProcessor(auditor: Auditor(configuration: try gate.configuration()),
                                          maximumTextBytes: maxTextBytes)
            let reader = try LineReader(path: file, maximumLineBytes: maxLineBytes)
            let limit = maxLineBytes
            let meter = ProgressMeter(forced: progress, totalBytes: reader.totalBytes)
            // Lines go to the workers in small batches: one at a time, handing a short line to another
            // thread cost nearly as much as auditing it. A batch takes only lines that can be read
            // without waiting, so that a slow stream is still answered line by line as it comes.
            OrderedParallelMap.run(
                jobs: jobs,
                next: { () -> [LineReader.Line]? in
                    var batch: [LineReader.Line] = [], bytes = 0
                    while batch.isEmpty || (batch.count < Self.batchLines && bytes < Self.batchBytes && reader.hasLineReady),
                          let line = reader.next() {
                        switch line {
                        case .bytes(let text, _):
                            if FeedProcessor.isBlank(text) { continue }
                            bytes += text.count
                        case .tooLong: break
                        }
                        batch.append(line)
                    }
                    return batch.isEmpty ? nil : batch
                },
                work: { batch -> AnsweredBatch in
                    let answers = batch.map { line -> (FeedAnswer, Int) in
                        switch line {
                        case .bytes(let bytes, let number):
                            return (processor.answer(bytes, line: number), bytes.count + 1)
                        case .tooLong(let count, let number):
                            return (processor.answerTooLong(byteCount: count, line: number, limit: limit), count + 1)
                        }
                    }
                    // The batch's lines in one buffer: one allocation a batch, not one (or more) a line.
                    let (bytes, ends) = reporter.feedLinesBytes(answers.map(\.0))
                    return AnsweredBatch(answers: answers, bytes: bytes, ends: ends)
                },
                emit: { batch in
                    // The batch's answers were all ready at once, so they go out in one write (a write
                    // a line was 5% of the time of a feed of short pairs); only an unreadable line's
                    // message on standard error splits it, so that the answers before it come first.
                    var written = 0, start = 0
                    for ((answer, _), end) in zip(batch.answers, batch.ends) {
                        switch answer {
                        case .audited(_, let result): tally.record(failed: !result.passed)
                        case .failed(let line, let error):
                            tally.recordUnreadable()
                            guard StandardOutput.write(batch.bytes[written..<start]) else { return false }
                            written = start
                            meter.clear()
                            Console.error("mtaudit: \(name):\(line): \(error)")
                        }
                        start = end
                    }
                    guard StandardOutput.write(batch.bytes[written...]) else { return false }
                    for (answer, size) in batch.answers { meter.record(answer, byteCount: size) }
                    return true
                })
            meter.finish()
            // The auditor's recent sources (a document for each source kept, with all it derived)
            // are left for the process's exit to reclaim: freed one by one they cost about 8.6
            // million instructions at the end of a 1,517-line feed, and the command ends here.
            KeptUntilExit.keep(processor)
        }
        let (unreadable, failed) = tally.counts
        if unreadable > 0 { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// A batch of answers (each with the size of its input line, its line break counted) and their
/// output lines, one after another in `bytes`, answer `k`'s ending at `ends[k]`.
private struct AnsweredBatch: Sendable {
    let answers: [(FeedAnswer, Int)]
    let bytes: [UInt8]
    let ends: [Int]
}

/// The feed's processor held until the process ends, never released: what freeing it (its recent
/// sources) would cost is not spent on memory the process is about to give back whole. (Held by a
/// global, so that it stays reachable and a leak checker does not count it lost.)
private enum KeptUntilExit {
    nonisolated(unsafe) private static var kept: [FeedProcessor] = []
    private static let lock = NSLock()

    static func keep(_ processor: FeedProcessor) {
        lock.lock()
        defer { lock.unlock() }
        kept.append(processor)
    }
}

/// Counts of answers, kept by the one thread that emits them and read at the end.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var unreadable = 0
    private var failed = 0

    func record(failed versionFailed: Bool) { lock.withLock { if versionFailed { failed += 1 } } }
    func recordUnreadable() { lock.withLock { unreadable += 1 } }
    var counts: (unreadable: Int, failed: Int) { lock.withLock { (unreadable, failed) } }
}
