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
            let bound = ShiftSearch.lowestDistance(words, reference)
            // The words as they are, and shuffled: every order is at least the bound away.
            for order in [words, words.shuffled(using: &generator), words.sorted()] {
                #expect(BitVectorEditDistance(words: order, reference: reference).distance >= bound, "\(order) \(reference)")
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
            var words = reference
            for _ in 0..<Int.random(in: 0...8, using: &generator) where !words.isEmpty {
                let index = Int.random(in: 0..<words.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: words[index] = UInt32.random(in: 0...20, using: &generator)
                case 1: words.insert(UInt32.random(in: 0...20, using: &generator), at: index)
                case 2: words.remove(at: index)
                default:
                    let length = Int.random(in: 1...min(6, words.count - index), using: &generator)
                    words = TranslationEditRate.perform(words, start: index, length: length,
                                                        target: Int.random(in: 0...words.count, using: &generator))
                }
            }
            let searched = TranslationEditRate.editsAndLength(words, reference)
            let plain = TranslationEditRate.editsAndLength(words, reference, prunes: false)
            #expect(searched == plain, "\(words) \(reference)")
        }
    }
}
