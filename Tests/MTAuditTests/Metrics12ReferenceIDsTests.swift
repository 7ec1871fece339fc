@testable import MTAudit
import Testing

/// A version's words numbered against its reference's with every word the reference lacks numbered
/// alike (`WordVocabulary.withReferenceIDs`): the reference's words as `withIDs` numbers them, the
/// others all `count`, and the metrics that read them (chrF++, BLEU, TER, whole texts and aligned
/// sentences) score as their plain ways do.
@Suite("Metrics 12: a version's words the reference lacks numbered alike")
struct Metrics12ReferenceIDsTests {
    @Test("The reference's words numbered as withIDs numbers them, the others alike, one number more")
    func referenceIDs() {
        var generator = SplitMix(seed: 1211)
        for round in 0..<3000 {
            let longest = [2, 8, 9, 17][round % 4]
            func pool(_ values: ClosedRange<UInt8>) -> [[UInt8]] {
                (0..<Int.random(in: 1...10, using: &generator)).map { _ in
                    (0..<Int.random(in: 1...longest, using: &generator)).map { _ in UInt8.random(in: values, using: &generator) }
                }
            }
            let referencePool = pool(0...3)
            let versionPool = [pool(4...6) + referencePool, pool(2...5), referencePool][round % 3]
            let (reference, _) = generator.byteWords(referencePool, count: Int.random(in: 0...20, using: &generator))
            let (hypothesis, _) = generator.byteWords(versionPool, count: Int.random(in: 0...60, using: &generator))
            let vocabulary = WordVocabulary(reference)
            let (plainHyp, plainRef, _) = vocabulary.ids(continuing: hypothesis)
            vocabulary.withReferenceIDs(continuing: hypothesis) { hyp, ref, count in
                #expect(Array(ref) == plainRef, "round \(round)")
                let newWords = plainHyp.contains { Int($0) >= vocabulary.count }
                #expect(count == vocabulary.count + (newWords ? 1 : 0), "round \(round)")
                for (id, plain) in zip(hyp, plainHyp) {
                    #expect(id == (Int(plain) < vocabulary.count ? plain : UInt32(vocabulary.count)), "round \(round)")
                }
                #expect(hyp.count == plainHyp.count)
            }
        }
    }

    @Test("chrF++, BLEU and TER of versions with words their source lacks score as the plain ways do")
    func scores() {
        var generator = SplitMix(seed: 1212)
        let words = ["the", "The", "cat", "sat", "on", "mat", "a", "dog", "ran", "é", "Ω", "1,000", "end.", "(hi)", "zorblat", "qwixen",
                     "storms", "harbour", "X", "x", "in", "of"]
        let bleu = SentenceBLEU(), ter = TranslationEditRate()
        for round in 0..<2000 {
            func text(_ count: ClosedRange<Int>) -> String {
                (0..<Int.random(in: count, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            }
            let source = text(0...30), version = text(0...30)
            // The n-gram matches of chrF++'s words and of 13a's tokens, against numbering every word apart.
            for (hypWords, refWords) in [(CharacterFScore.words(version), CharacterFScore.words(source)),
                                         (Tokenizer13a.words(MetricText(version)), Tokenizer13a.words(MetricText(source)))] {
                let (plainHyp, plainRef, plainCount) = WordNumbering.ids(hypWords, refWords)
                let plain = SharedNGramGroups.matchLanes(plainHyp, plainRef, alphabetSize: plainCount, maximumOrder: 4)
                let lanes = WordVocabulary(refWords).withReferenceIDs(continuing: hypWords) { hyp, ref, count in
                    SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: count, maximumOrder: 4)
                }
                #expect(lanes == plain, "round \(round): \(version) | \(source)")
            }
            #expect(bleu.score(hypothesis: MetricText(version), reference: MetricText(source))
                        == bleu.scoreReadingBoth(hypothesis: MetricText(version), reference: MetricText(source)), "round \(round)")
            #expect(ter.score(hypothesis: MetricText(version), reference: MetricText(source))
                        == ter.score(segments: [(version, source)]), "round \(round): \(version) | \(source)")
        }
    }
}
