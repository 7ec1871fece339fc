@testable import MTAudit
import MTAuditText
import Testing

/// A version's metrics written into a copy of one dictionary of the metrics' names by their places
/// (`Auditor.metrics`) are each metric's own: the default metrics against the same metrics in another
/// order, against each alone, and against a configuration naming a metric twice (filled name by name).
@Suite("Default metrics' scores by their places")
struct Metrics8DefaultScoresTests {
    @Test("The default metrics' scores are each metric's own, whatever the order of the metrics")
    func asFilledByName() throws {
        var generator = SplitMix(seed: 84)
        let words = ["The", "council", "approved", "the", "plan", "on", "Monday.", "It", "will", "cost", "40", "million", "crowns.", "Work",
                     "starts", "in", "spring.", "über", "café"]
        let reordered = AuditConfiguration(metrics: [TranslationEditRate(), CharacterFScore.chrFPlusPlus, SentenceBLEU(), CharacterFScore.chrF])
        for _ in 0..<40 {
            func text() -> String {
                (0..<Int.random(in: 1...25, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            }
            let source = TextInput(id: "s", text: text())
            let versions = (0..<Int.random(in: 1...3, using: &generator)).map { TextInput(id: "v\($0)", text: text()) }
            let byPlaces = try Auditor().audit(source: source, versions: versions)
            let byNames = try Auditor(configuration: reordered).audit(source: source, versions: versions)
            for (placed, named) in zip(byPlaces.versions, byNames.versions) {
                #expect(placed.metrics == named.metrics)
                #expect(Set(placed.metrics.keys) == ["chrF", "chrF++", "BLEU", "TER"])
            }
            // A metric named twice: no places, the scores filled name by name.
            let twice = try Auditor(configuration: AuditConfiguration(metrics: [SentenceBLEU(), SentenceBLEU()])).audit(source: source, versions: versions)
            for (placed, named) in zip(byPlaces.versions, twice.versions) {
                #expect(named.metrics == ["BLEU": placed.metrics["BLEU"]!])
            }
            // Each metric alone.
            for metric in AuditConfiguration().metrics {
                let alone = try Auditor(configuration: AuditConfiguration(metrics: [metric])).audit(source: source, versions: versions)
                for (placed, single) in zip(byPlaces.versions, alone.versions) {
                    #expect(single.metrics == [metric.name: placed.metrics[metric.name]!])
                }
            }
        }
    }
}
