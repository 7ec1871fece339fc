@testable import MTAudit
import Testing

/// A reference's words numbered by their hash and, for words of up to eight bytes, by their bytes
/// read as one number (`WordVocabulary.hash`, `shortValue`): the same words alike, other words apart,
/// as their byte strings are, wherever a word lies in its text (at its very end, in a text shorter
/// than eight bytes).
@Suite("Word vocabulary by short words' values")
struct Metrics8WordVocabularyTests {
    /// `length` bytes from `start` as one number, the first in the lowest bits: the plain way.
    private static func plainValue(_ bytes: [UInt8], _ start: Int, _ length: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<length { value |= UInt64(bytes[start + index]) << UInt64(8 * index) }
        return value
    }

    @Test("A short word's value is its bytes, anywhere in texts of every length")
    func shortValues() {
        var generator = SplitMix(seed: 81)
        for count in 0...24 {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...count {
                    for length in 0...min(8, count - start) {
                        #expect(WordVocabulary.shortValue(buffer, start, length) == Self.plainValue(bytes, start, length),
                                "\(count) \(start) \(length)")
                    }
                }
            }
        }
    }

    @Test("The hypothesis's words and the reference's numbered alike exactly where their bytes are")
    func numbering() {
        var generator = SplitMix(seed: 82)
        for round in 0..<3000 {
            // Short pools of short words make words that differ in one byte, or in their length alone
            // ("a" and "a\0"); longer words go through the general hash.
            let longest = [3, 9, 20][round % 3]
            let pool = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                (0..<Int.random(in: 1...longest, using: &generator)).map { _ in
                    UInt8.random(in: 0...(round % 2 == 0 ? 2 : 127), using: &generator)
                }
            } + [[0x61], [0x61, 0], [0x61, 0, 0]]
            let referenceWordCount = Int.random(in: 0...30, using: &generator)
            let (reference, referenceWords) = generator.byteWords(pool, count: referenceWordCount)
            let hypothesisWordCount = Int.random(in: 0...30, using: &generator)
            let (hypothesis, hypothesisWords) = generator.byteWords(pool, count: hypothesisWordCount)
            let vocabulary = WordVocabulary(reference)
            let (hypIDs, refIDs, count) = vocabulary.ids(continuing: hypothesis)
            let all = hypothesisWords + referenceWords, ids = hypIDs + refIDs
            #expect(count == Set(all).count, "round \(round)")
            for first in all.indices {
                for second in all.indices where (all[first] == all[second]) != (ids[first] == ids[second]) {
                    Issue.record("round \(round): \(all[first]) \(all[second]) numbered \(ids[first]) \(ids[second])")
                }
            }
            // The numbers as `WordNumbering` gives them, up to their naming.
            let (plainHyp, plainRef, plainCount) = WordNumbering.ids(hypothesis, reference)
            #expect(plainCount == count)
            let plain = plainHyp + plainRef
            for first in all.indices {
                #expect((plain[first] == plain[0]) == (ids[first] == ids[0]))
            }
        }
    }
}
