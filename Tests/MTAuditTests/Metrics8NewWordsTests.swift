@testable import MTAudit
import Testing

/// A version's words the reference lacks, set aside while the reference's table numbers the others
/// and then numbered in `WordVocabulary.withIDs`'s own table, sized for them alone: the same new
/// words alike, other words apart, numbered from the reference's count on, as `WordNumbering`
/// numbers them; with no new word, some, or all.
@Suite("Word vocabulary's new words")
struct Metrics8NewWordsTests {
    @Test("New words numbered from the reference's count, alike exactly where their bytes are")
    func newWords() {
        var generator = SplitMix(seed: 91)
        for round in 0..<3000 {
            let longest = [2, 8, 9, 17][round % 4]
            func pool(_ values: ClosedRange<UInt8>) -> [[UInt8]] {
                (0..<Int.random(in: 1...10, using: &generator)).map { _ in
                    (0..<Int.random(in: 1...longest, using: &generator)).map { _ in UInt8.random(in: values, using: &generator) }
                }
            }
            // The reference's words from one pool, the version's from another (of bytes the
            // reference's never have), with the reference's pool too in some rounds and alone in others.
            let referencePool = pool(0...3)
            let versionPool = [pool(4...6) + [[0x61], [0x61, 0], [4, 4, 4, 4, 4, 4, 4, 4]],
                               pool(4...6) + referencePool, referencePool][round % 3]
            let referenceWordCount = Int.random(in: 0...20, using: &generator)
            let (reference, referenceWords) = generator.byteWords(referencePool, count: referenceWordCount)
            let hypothesisWordCount = Int.random(in: 0...60, using: &generator)
            let (hypothesis, hypothesisWords) = generator.byteWords(versionPool, count: hypothesisWordCount)
            let vocabulary = WordVocabulary(reference)
            let (hypIDs, refIDs, count) = vocabulary.ids(continuing: hypothesis)
            let referenceCount = Set(referenceWords).count
            let all = hypothesisWords + referenceWords, ids = hypIDs + refIDs
            #expect(count == Set(all).count, "round \(round)")
            for (word, id) in zip(hypothesisWords, hypIDs) where !referenceWords.contains(word) {
                #expect(Int(id) >= referenceCount && Int(id) < count, "round \(round)")
            }
            for first in all.indices {
                for second in all.indices where (all[first] == all[second]) != (ids[first] == ids[second]) {
                    Issue.record("round \(round): \(all[first]) \(all[second]) numbered \(ids[first]) \(ids[second])")
                }
            }
            let (plainHyp, plainRef, plainCount) = WordNumbering.ids(hypothesis, reference)
            #expect(plainCount == count)
            let plain = plainHyp + plainRef
            for first in all.indices {
                for second in all.indices where (plain[first] == plain[second]) != (ids[first] == ids[second]) {
                    Issue.record("round \(round): plain and vocabulary numberings differ")
                }
            }
        }
    }
}
