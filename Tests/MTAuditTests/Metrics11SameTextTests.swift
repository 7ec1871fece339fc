@testable import MTAudit
import Testing

/// A version that is its source byte for byte: chrF, chrF++, BLEU and TER known from the source's
/// counts alone (every n-gram matched, no edit), with nothing of the version read. Each against the
/// way that reads both texts, on many generated texts.
@Suite("Metrics 11: a version the same as its source")
struct Metrics11SameTextTests {
    private static let pieces = ["The", "cat", "sat", ".", ",", "-", " ", " ", "  ", "\n", "é", "e\u{301}", "中文", "İ", "ß", "&amp;",
                                 "<skipped>", "1.5", "(", ")", "\t", "Ω", "don't"]

    private static func text(_ generator: inout SplitMix) -> String {
        (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("The same bytes, not strings equal as Swift compares them")
    func sameBytes() {
        #expect(MetricText("caf\u{E9}").hasSameBytes(as: MetricText("caf\u{E9}")))
        #expect(!MetricText("caf\u{E9}").hasSameBytes(as: MetricText("cafe\u{301}")))
        #expect(!MetricText("cat").hasSameBytes(as: MetricText("cot")))
        #expect(!MetricText("cat").hasSameBytes(as: MetricText("cats")))
        #expect(MetricText("").hasSameBytes(as: MetricText("")))
        var generator = SplitMix(seed: 1121)
        for _ in 0..<2000 {
            let first = Self.text(&generator), second = Bool.random(using: &generator) ? first : Self.text(&generator)
            #expect(MetricText(first).hasSameBytes(as: MetricText(second)) == Array(first.utf8).elementsEqual(second.utf8))
        }
    }

    @Test("Scores of a text against itself are those of reading both texts")
    func sameTextScores() {
        var generator = SplitMix(seed: 1123)
        let bleu = SentenceBLEU(), ter = TranslationEditRate()
        let chrFs = [CharacterFScore.chrF, CharacterFScore.chrFPlusPlus, CharacterFScore(charOrder: 3, wordOrder: 4, beta: 1)]
        for round in 0..<2000 {
            let text = Self.text(&generator)
            // The two texts made apart, as a version and its source are.
            let hypothesis = MetricText(String(decoding: Array(text.utf8), as: UTF8.self)), reference = MetricText(text)
            #expect(bleu.score(hypothesis: hypothesis, reference: reference)
                        == bleu.scoreReadingBoth(hypothesis: MetricText(text), reference: MetricText(text)), "round \(round): \(text)")
            #expect(ter.score(hypothesis: hypothesis, reference: reference)
                        == ter.scoreReadingBoth(hypothesis: MetricText(text), reference: MetricText(text)), "round \(round): \(text)")
            var fast = [Double](repeating: -1, count: chrFs.count), plain = fast
            CharacterFScore.forEachScore(chrFs, hypothesis: hypothesis, reference: reference) { fast[$0] = $1 }
            CharacterFScore.forEachScore(chrFs, hypothesis: MetricText(text), reference: MetricText(text), readingBoth: true) { plain[$0] = $1 }
            #expect(fast == plain, "round \(round): \(text)")
        }
    }
}
