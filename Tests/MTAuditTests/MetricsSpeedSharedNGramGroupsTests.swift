@testable import MTAudit
import Testing

/// Words' n-gram matches counted by groups (`SharedNGramGroups`) are those the sort counts
/// (`SharedNGrams`) and those a dictionary of n-grams counts.
@Suite("Metrics speed: shared n-grams by groups")
struct MetricsSpeedSharedNGramGroupsTests {
    @Test("Matches of every order as the sort and a dictionary of n-grams count them")
    func matches() {
        var generator = SplitMix(seed: 73)
        for _ in 0..<3000 {
            // Few elements (long shared runs, large groups) and many (mostly pairs and singles).
            let alphabetSize = Bool.random(using: &generator) ? Int.random(in: 1...4, using: &generator) : Int.random(in: 5...60, using: &generator)
            let maximumOrder = Int.random(in: 1...8, using: &generator)
            func sequence() -> [UInt32] {
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt32.random(in: 0..<UInt32(alphabetSize), using: &generator) }
            }
            let hyp = sequence()
            // A reference near the hypothesis half of the time: shared n-grams of every order.
            var ref = sequence()
            if Bool.random(using: &generator) && !hyp.isEmpty {
                ref = hyp
                for _ in 0..<Int.random(in: 0...4, using: &generator) where !ref.isEmpty {
                    ref[Int.random(in: 0..<ref.count, using: &generator)] = UInt32.random(in: 0..<UInt32(alphabetSize), using: &generator)
                }
            }
            let groups = SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
            #expect(groups == SharedNGrams.matchLanes(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder), "\(hyp) \(ref) \(maximumOrder)")
            if maximumOrder <= 6 {
                #expect((0..<maximumOrder).map { Int(groups[$0]) } == SharedNGramsTests.plainMatches(hyp, ref, maximumOrder: maximumOrder))
            }
        }
    }

    @Test("A long repetitive sequence: groups of thousands of positions")
    func longSequences() {
        var generator = SplitMix(seed: 79)
        let hyp = (0..<20000).map { _ in UInt32.random(in: 0..<3, using: &generator) }
        let ref = (0..<15000).map { _ in UInt32.random(in: 0..<3, using: &generator) }
        #expect(SharedNGramGroups.matchLanes(hyp, ref, alphabetSize: 3, maximumOrder: 4)
                == SharedNGrams.matchLanes(hyp, ref, alphabetSize: 3, maximumOrder: 4))
    }
}
