import Foundation
import MTAudit
import MTAuditReports
import Testing

@Suite("A batch of feed lines written into one buffer")
struct FeedLinesTests {
    @Test("The batch holds each answer's line as feedLineBytes writes it, in order; a line that cannot be written is empty")
    func batchMatchesLines() throws {
        let reporter = JSONReporter()
        let result = try Fixture.input().result
        let broken = VersionResult(id: "n", path: nil, language: "und", score: .nan, verdict: .fail, relation: .full,
                                   coverage: 1, metrics: [:], findings: [], gateReasons: [])
        let answers: [FeedAnswer] = [
            .audited(id: "ferry/1", result: result),
            .failed(line: 2, error: FeedError(code: .invalidJSON, message: "bad \"quote\"\n", id: nil)),
            .audited(id: "n", result: AuditResult(source: result.source, versions: [broken])),
            .audited(id: String(repeating: "long id é ", count: 400), result: result),
            .failed(line: 5, error: FeedError(code: .missingKey, message: "missing key \"versions\"", id: "s5")),
        ]
        let (bytes, ends) = reporter.feedLinesBytes(answers)
        #expect(ends.count == answers.count)
        var start = 0
        for (answer, end) in zip(answers, ends) {
            let line = (try? reporter.feedLineBytes(answer)) ?? []
            #expect(Array(bytes[start..<end]) == line)
            start = end
        }
        #expect(start == bytes.count)
        #expect(ends[2] == ends[1], "the NaN line is left empty")
        #expect(reporter.feedLinesBytes([]).bytes.isEmpty)
    }
}
