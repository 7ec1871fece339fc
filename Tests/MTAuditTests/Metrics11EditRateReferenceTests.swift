@testable import MTAudit
import Testing

/// TER's reference prepared once for all its versions (`EditRateReference`): its bit vectors' table
/// and word counts, read by the first round's test and shared with the search, which starts from
/// the test's rows. Each against the plain way (`editsAndLength` of the two numbers' arrays, with
/// every candidate scored), on many generated pairs.
@Suite("Metrics 11: TER's reference prepared once")
struct Metrics11EditRateReferenceTests {
    /// `ids` as words of a text ("w3 w0 w3"), each number its own word.
    private static func byteWords(_ ids: [UInt32]) -> ByteWords {
        let text = ids.map { "w\($0)" }.joined(separator: " ")
        let utf8 = Array(text.utf8)
        return ByteWords(utf8: utf8, ranges: PythonText.split(utf8), isASCII: true)
    }

    /// A reference of `lengths` words and a hypothesis made from it by edits and moves (new words too).
    private static func pair(_ lengths: ClosedRange<Int>, _ generator: inout SplitMix) -> (words: [UInt32], reference: [UInt32]) {
        let reference = generator.words(lengths, of: 0...9)
        let runs = Bool.random(using: &generator)
        return (TranslationEditRateTests.edited(reference, edits: 0...12, values: 0...14, runs: runs, longestMove: 12, using: &generator),
                reference)
    }

    @Test("Edits from the prepared reference are the plain search's, and its counts give the lowest distance")
    func preparedReference() {
        var generator = SplitMix(seed: 1101)
        var searched = 0
        for round in 0..<4000 {
            let (words, reference) = Self.pair(1...64, &generator)
            let prepared = EditRateReference(WordVocabulary(Self.byteWords(reference)))
            #expect(!prepared.positions.isEmpty)
            prepared.vocabulary.withIDs(continuing: Self.byteWords(words)) { hyp, ref, _ in
                #expect(prepared.isVocabularys(ref), "round \(round)")
                let plain = TranslationEditRate.editsAndLength(Array(hyp), Array(ref), prunes: false)
                let fast = TranslationEditRate.editsAndLength(hyp, reference: prepared)
                #expect(fast == plain, "round \(round): \(words) \(reference)")
                #expect(prepared.lowestDistance(hyp) == ShiftSearch<UInt64>.lowestDistance(Array(hyp), Array(ref)), "round \(round)")
                let distance = BitVectorEditDistance<UInt64>.distance(Array(hyp), reference: Array(ref))
                #expect(BitVectorEditDistance<UInt64>.distance(hyp, positions: prepared.positions, count: ref.count) == distance)
                if distance > prepared.lowestDistance(hyp) { searched += 1 }
            }
        }
        // Most pairs go on to the search, which starts from the first test's rows.
        #expect(searched > 1000)
    }

    @Test("A shifted candidate's distance, its last run passed over where its row is the unshifted words' there, is the shifted words' own")
    func shiftedDistance() {
        var generator = SplitMix(seed: 1107)
        for round in 0..<3000 {
            let (words, reference) = Self.pair(1...64, &generator)
            guard !words.isEmpty else { continue }
            let vectors = BitVectorEditDistance<UInt64>(words: words, reference: reference)
            for _ in 0..<8 {
                let start = Int.random(in: 0..<words.count, using: &generator)
                let length = Int.random(in: 1...min(10, words.count - start), using: &generator)
                let target = Int.random(in: 0...words.count, using: &generator)
                let shifted = TranslationEditRate.perform(words, start: start, length: length, target: target)
                #expect(vectors.distance(words, shifting: start, length: length, to: target)
                            == BitVectorEditDistance<UInt64>.distance(shifted, reference: reference), "round \(round)")
            }
        }
    }

    @Test("A reference of more than 64 words, or none, has no table: TER scores it the plain way")
    func noTable() {
        var generator = SplitMix(seed: 1103)
        for _ in 0..<200 {
            let reference = generator.words(65...90, of: 0...20)
            #expect(EditRateReference(WordVocabulary(Self.byteWords(reference))).positions.isEmpty)
        }
        #expect(EditRateReference(WordVocabulary(Self.byteWords([]))).positions.isEmpty)
    }

    @Test("TER of prepared texts is TER of their strings")
    func preparedTexts() {
        var generator = SplitMix(seed: 1105)
        let ter = TranslationEditRate()
        let vocabulary = ["The", "the", "cat", "sat", "on", "mat", "a", "dog", "ran", "Home", "home", ".", ","]
        for round in 0..<1500 {
            let (words, reference) = Self.pair(1...30, &generator)
            let hypothesis = words.map { vocabulary[Int($0) % vocabulary.count] }.joined(separator: " ")
            let source = reference.map { vocabulary[Int($0) % vocabulary.count] }.joined(separator: " ")
            #expect(ter.score(hypothesis: MetricText(hypothesis), reference: MetricText(source))
                        == ter.score(segments: [(hypothesis, source)]), "round \(round)")
        }
    }
}
