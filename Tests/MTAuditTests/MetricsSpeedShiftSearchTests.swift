@testable import MTAudit
import Testing

/// TER's shift search stops a round, and passes over a candidate, where no order of the words can
/// come closer to the reference than the round's distance (`ShiftSearch.lowestDistance`): the plain
/// search, which scores every candidate, finds the same edits.
@Suite("Metrics speed: shift search's lowest distance")
struct MetricsSpeedShiftSearchTests {
    @Test("No order of the words has an edit distance below the lowest distance")
    func lowestDistanceIsABound() {
        var generator = SplitMix(seed: 61)
        for _ in 0..<2000 {
            let reference = generator.words(1...30, of: 0...7)
            let words = generator.words(1...30, of: 0...9)
            let bound = ShiftSearch<UInt64>.lowestDistance(words, reference)
            // The words as they are, and shuffled: every order is at least the bound away.
            for order in [words, words.shuffled(using: &generator), words.sorted()] {
                #expect(BitVectorEditDistance<UInt64>(words: order, reference: reference).distance >= bound, "\(order) \(reference)")
            }
        }
    }

    @Test("Edits with the search stopped at the lowest distance are the plain search's")
    func editsAsThePlainSearch() {
        var generator = SplitMix(seed: 67)
        for _ in 0..<3000 {
            // Short references (the beam covers them) and long ones; hypotheses near them or not:
            // words substituted (no shift helps), moved, dropped and added.
            let reference = generator.words(1...(Bool.random(using: &generator) ? 20 : 70), of: 0...14)
            let words = TranslationEditRateTests.edited(reference, edits: 0...8, values: 0...20, runs: false,
                                                        longestMove: 6, using: &generator)
            let searched = TranslationEditRate.editsAndLength(words, reference)
            let plain = TranslationEditRate.editsAndLength(words, reference, prunes: false)
            #expect(searched == plain, "\(words) \(reference)")
        }
    }
}
