@testable import MTAudit
import Testing

/// `SharedNGrams` counts clipped n-gram matches by a radix sort; a dictionary of n-grams counts them
/// plainly.
@Suite("Shared n-grams")
struct SharedNGramsTests {
    static func plainMatches(_ hyp: [UInt32], _ ref: [UInt32], maximumOrder: Int) -> [Int] {
        (1...maximumOrder).map { order in
            func counts(_ sequence: [UInt32]) -> [[UInt32]: Int] {
                guard sequence.count >= order else { return [:] }
                var counts: [[UInt32]: Int] = [:]
                for start in 0...(sequence.count - order) { counts[Array(sequence[start..<start + order]), default: 0] += 1 }
                return counts
            }
            let refCounts = counts(ref)
            return counts(hyp).reduce(0) { $0 + min($1.value, refCounts[$1.key] ?? 0) }
        }
    }

    @Test("Matches of every order as a dictionary of n-grams counts them")
    func matches() {
        var generator = SplitMix(seed: 5)
        for _ in 0..<3000 {
            let alphabetSize = Int.random(in: 1...8, using: &generator)
            let maximumOrder = Int.random(in: 1...6, using: &generator)
            func sequence() -> [UInt32] {
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in UInt32.random(in: 0..<UInt32(alphabetSize), using: &generator) }
            }
            let hyp = sequence(), ref = sequence()
            #expect(SharedNGrams.matches(hyp, ref, alphabetSize: alphabetSize, maximumOrder: maximumOrder)
                    == Self.plainMatches(hyp, ref, maximumOrder: maximumOrder), "\(hyp) \(ref) \(maximumOrder)")
        }
    }

    @Test("Long sequences, counted in 16-bit lanes just below 2¹⁵ positions and in 32-bit lanes from there")
    func longSequences() {
        var generator = SplitMix(seed: 31)
        for (hypCount, refCount) in [(16383, 16384), (16384, 16384), (30000, 12000)] {
            // Two letters: long runs of equal n-grams, and matches in the thousands.
            let hyp = (0..<hypCount).map { _ in UInt32.random(in: 0..<2, using: &generator) }
            let ref = (0..<refCount).map { _ in UInt32.random(in: 0..<2, using: &generator) }
            #expect(SharedNGrams.matches(hyp, ref, alphabetSize: 2, maximumOrder: 6) == Self.plainMatches(hyp, ref, maximumOrder: 6))
        }
    }

    /// A long text's positions are counted in blocks by their first element: a block of 2¹⁵
    /// positions or more in 32-bit lanes, the others in 16-bit lanes, as a common letter and rare
    /// ones would make them.
    @Test("Long sequences of a common element and rare ones: blocks of both widths")
    func blocksOfBothWidths() {
        var generator = SplitMix(seed: 47)
        func element() -> UInt32 { UInt32.random(in: 0..<10, using: &generator) < 7 ? 0 : UInt32.random(in: 1..<5, using: &generator) }
        let hyp = (0..<25000).map { _ in element() }, ref = (0..<24000).map { _ in element() }
        // About 34,000 positions begin with the common element, about 3,700 with each rare one.
        #expect(hyp.count(where: { $0 == 0 }) + ref.count(where: { $0 == 0 }) >= 1 << 15)
        #expect(SharedNGrams.matches(hyp, ref, alphabetSize: 5, maximumOrder: 6) == Self.plainMatches(hyp, ref, maximumOrder: 6))
    }
}
