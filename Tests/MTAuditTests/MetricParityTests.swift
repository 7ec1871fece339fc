import Foundation
import MTAudit
import Testing

/// The metrics against sacreBLEU 2.6.0, on pairs written for this project
/// (`Scripts/make-metric-fixtures.py` made `Fixtures/metrics.json`).
@Suite("Metric parity with sacreBLEU")
struct MetricParityTests {
    struct Pair: Decodable, CustomTestStringConvertible {
        let hypothesis: String
        let reference: String
        let chrF: Double
        let chrFPlusPlus: Double
        let BLEU: Double
        let TER: Double

        enum CodingKeys: String, CodingKey {
            case hypothesis, reference, chrF, chrFPlusPlus = "chrF++", BLEU, TER
        }

        var testDescription: String { hypothesis.debugDescription }
    }

    struct Fixtures: Decodable {
        let sacrebleu: String
        let pairs: [Pair]
    }

    static let pairs: [Pair] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/metrics.json")
        guard let data = try? Data(contentsOf: url), let fixtures = try? JSONDecoder().decode(Fixtures.self, from: data) else {
            return []
        }
        return fixtures.pairs
    }()

    @Test("The fixtures load")
    func fixtures() { #expect(Self.pairs.count >= 20) }

    @Test("chrF, chrF++, BLEU and TER agree with sacreBLEU to 0.01", arguments: pairs)
    func parity(pair: Pair) {
        let chrF = CharacterFScore.chrF.score(hypothesis: pair.hypothesis, reference: pair.reference)
        let chrFPlusPlus = CharacterFScore.chrFPlusPlus.score(hypothesis: pair.hypothesis, reference: pair.reference)
        let bleu = SentenceBLEU().score(hypothesis: pair.hypothesis, reference: pair.reference)
        #expect(abs(chrF - pair.chrF) < 0.01, "chrF \(chrF) vs \(pair.chrF)")
        #expect(abs(chrFPlusPlus - pair.chrFPlusPlus) < 0.01, "chrF++ \(chrFPlusPlus) vs \(pair.chrFPlusPlus)")
        #expect(abs(bleu - pair.BLEU) < 0.01, "BLEU \(bleu) vs \(pair.BLEU)")
        let ter = TranslationEditRate().score(hypothesis: pair.hypothesis, reference: pair.reference)
        #expect(abs(ter - pair.TER) < 0.01, "TER \(ter) vs \(pair.TER)")
    }

    @Test("Signatures name the settings as sacreBLEU does")
    func signatures() {
        #expect(CharacterFScore.chrF.signature == "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0")
        #expect(CharacterFScore.chrFPlusPlus.signature == "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0")
        #expect(SentenceBLEU().signature == "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0")
        #expect(CharacterFScore.chrFPlusPlus.name == "chrF++")
        // TER adds how a text of several sentences is cut: into its aligned sentence pairs.
        #expect(TranslationEditRate().signature == "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|seg:aligned|version:2.6.0")
    }

    @Test("TER of a text of several sentences is sacreBLEU's corpus TER over its aligned sentence pairs")
    func segmentedTER() throws {
        let ter = TranslationEditRate()
        let first = "The ferry to the island resumed on Monday.", second = "Tickets cost twelve crowns for adults."
        let segments = [("The ferry to the island resumed on Monday.", first), ("Tickets cost 12 crowns for adults.", second)]
        // Corpus TER: one edit over 14 reference words.
        #expect(abs(ter.score(segments: segments) - 100.0 / 14) < 0.01)
        // Through an audit: paragraphs in the other order are the same sentences, not 14 edits.
        let source = TextInput(id: "s", text: first + "\n\n" + second)
        let reversed = TextInput(id: "v", text: "Tickets cost 12 crowns for adults.\n\nThe ferry to the island resumed on Monday.")
        let result = try Auditor().audit(source: source, versions: [reversed])
        let score = try #require(result.versions.first?.metrics["TER"])
        #expect(abs(score - 100.0 / 14) < 0.01)
        #expect(ter.score(hypothesis: reversed.text, reference: source.text) > 20, "the whole text, shifts and all, scores worse")
    }
}
