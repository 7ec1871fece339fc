@testable import MTAudit
import Testing

@Suite("Dist8: a link's key tables emptied and used again number as new ones do")
struct Dist8ReusedLinkKeysTests {
    /// `LinkKeys.reset(capacity:)` empties the last link's tables for the next (the distortion rule
    /// keeps one set for all the links of a context): numbering a link's words in them must give
    /// the numbers, keys, marks and `has` answers that new tables give, whatever the last link held
    /// and whichever capacities (the same table size or another, the keys grown past it or not).
    @Test("Tables reset for a link number its words as new tables")
    func resetTablesNumberAsNew() {
        var random = SplitMix(seed: 8_801)
        let marks = [DistortionDetector.Mark.version, DistortionDetector.Mark.source, DistortionDetector.Mark.others]
        var reused = DistortionDetector.LinkKeys(capacity: 3)
        for round in 0..<2_000 {
            let words = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                (Dist5FastPathTests.key(&random), marks.randomElement(using: &random)!)
            }
            let capacity = Int.random(in: 0...24, using: &random)
            reused.reset(capacity: capacity)
            var fresh = DistortionDetector.LinkKeys(capacity: capacity)
            for (key, mark) in words {
                #expect(reused.number(baseOf: key, mark) == fresh.number(baseOf: key, mark), "round \(round): \(key)")
            }
            #expect(reused.keys.count == fresh.keys.count)
            #expect(reused.marks == fresh.marks, "round \(round)")
            for number in fresh.keys.indices {
                #expect(KeyNumbering.equal(reused.key(number), fresh.key(number)))
                for mark in marks { #expect(reused.has(mark, number) == fresh.has(mark, number), "round \(round)") }
            }
            #expect(reused.marks == fresh.marks, "round \(round): marks learnt alike")
        }
    }
}
