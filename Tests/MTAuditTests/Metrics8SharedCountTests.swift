@testable import MTAudit
import Testing

/// `SharedNGrams`'s runs found by comparing neighbours two elements at a time (`sharedCount`): the
/// matches of every order as counted the plain way, for even and odd orders (whose last pair reads
/// one element past the n-gram), few and many kinds of element, and texts long enough for 32-bit
/// counts.
@Suite("Shared n-grams by pairs of elements")
struct Metrics8SharedCountTests {
    @Test("Every order up to 8, as the plain count")
    func everyOrder() {
        var generator = SplitMix(seed: 95)
        for round in 0..<3000 {
            let maximumOrder = round % 8 + 1
            let alphabet = [1, 2, 3, 40][round / 8 % 4]
            let hyp = generator.words(0...40, of: 0...UInt32(alphabet - 1))
            let ref = generator.words(0...40, of: 0...UInt32(alphabet - 1))
            let lanes = SharedNGrams.matchLanes(hyp, ref, alphabetSize: alphabet, maximumOrder: maximumOrder)
            #expect((0..<maximumOrder).map { Int(lanes[$0]) } == SharedNGramsTests.plainMatches(hyp, ref, maximumOrder: maximumOrder),
                    "round \(round)")
            #expect((maximumOrder..<8).allSatisfy { lanes[$0] == 0 })
        }
    }

    @Test("Long texts (32-bit counts in the commonest blocks), odd and even orders")
    func longTexts() {
        var generator = SplitMix(seed: 96)
        for maximumOrder in [5, 6] {
            let hyp = generator.words(20_000...20_000, of: 0...2), ref = generator.words(20_000...20_000, of: 0...2)
            let lanes = SharedNGrams.matchLanes(hyp, ref, alphabetSize: 3, maximumOrder: maximumOrder)
            #expect((0..<maximumOrder).map { Int(lanes[$0]) } == SharedNGramsTests.plainMatches(hyp, ref, maximumOrder: maximumOrder))
        }
    }
}
