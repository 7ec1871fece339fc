import Foundation
import MTAudit
import MTAuditReports
import Testing

/// The feed line's metrics, sorted by insertion in `JSONLineWriter`, against `sorted(by:)` of the
/// dictionary, which the writer used before.
@Suite("Feed6: a feed line's metrics in the order sorted(by:) gives")
struct Feed6MetricsOrderTests {
    @Test("Metrics of 0 to 12 names, random, some alike, some beyond ASCII, come out in sorted order")
    func metricsSorted() throws {
        let names = ["BLEU", "TER", "chrF", "chrF++", "chrF+", "A", "a", "é", "e", "Z9", "z", "ß", "BLEU2", "", "TER "]
        var random = SplitMix(seed: 6)
        let reporter = JSONReporter()
        let source = try Fixture.input().result.source
        for _ in 0..<300 {
            var metrics: [String: Double] = [:]
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                metrics[names.randomElement(using: &random)!] = Double(Int.random(in: 0...10_000, using: &random)) / 100
            }
            let version = VersionResult(id: "v", path: nil, language: "und", score: 50, verdict: .fail, relation: .full,
                                        coverage: 1, metrics: metrics, findings: [], gateReasons: [])
            let line = try reporter.feedLineBytes(.audited(id: "s", result: AuditResult(source: source, versions: [version])))
            let text = String(decoding: line, as: UTF8.self)
            let expected = metrics.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\(Self.number($0.value))" }.joined(separator: ",")
            #expect(text.contains("\"metrics\":{\(expected)}"), "\(text)")
        }
    }

    /// A number as JSON writes it: without a trailing ".0".
    private static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
