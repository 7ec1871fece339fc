@testable import MTAudit
import Testing

/// `SentenceAlignment` orders its links by their first version sentence by placing each there
/// (`placedByVersion`) when no two share one: the order must be that of the sort it stands for, and
/// links that share one, or lie past the text, must be left to the sort.
@Suite("Align10: links placed in order by their first version sentence")
struct Align10PlacedByVersionTests {
    typealias Link = SentenceAlignment.Link

    @Test("the sort's order for links with distinct first version sentences; nil for the others")
    func placedEqualsSorted() {
        var generator = SplitMix(seed: 0x91AC_ED)
        let inOrder: (Link, Link) -> Bool = { ($0.version.lowerBound, $0.source.lowerBound) < ($1.version.lowerBound, $1.source.lowerBound) }
        var placed = 0, refused = 0
        for round in 0..<500 {
            let versionCount = Int.random(in: 1...300, using: &generator)
            // Distinct first version sentences, shuffled: an aligner's links, best first.
            var firsts = Array(0..<versionCount).shuffled(using: &generator)
            firsts = Array(firsts.prefix(Int.random(in: 0...versionCount, using: &generator)))
            // Now and then a first version sentence given twice, or one past the text.
            if round % 5 == 1, let some = firsts.first { firsts.append(some) }
            if round % 7 == 2 { firsts.append(versionCount + Int.random(in: 0...2, using: &generator)) }
            let links = firsts.map { first in
                let source = Int.random(in: 0..<400, using: &generator)
                return Link(source: source..<source + Int.random(in: 1...2, using: &generator),
                            version: first..<first + Int.random(in: 1...2, using: &generator),
                            similarity: Double.random(in: 0...1, using: &generator))
            }
            let shared = Set(firsts).count < firsts.count || firsts.contains { $0 >= versionCount }
            if let ordered = SentenceAlignment.placedByVersion(links, versionCount: versionCount) {
                #expect(!shared, "round \(round): placed links that share a first version sentence or lie past the text")
                #expect(ordered == links.sorted(by: inOrder), "round \(round)")
                placed += 1
            } else {
                #expect(shared, "round \(round): refused links it could place")
                refused += 1
            }
        }
        #expect(placed > 300 && refused > 100)
    }
}
