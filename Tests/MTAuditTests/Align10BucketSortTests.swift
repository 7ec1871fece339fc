@testable import MTAudit
import Testing

/// `linksByWords` sorts its candidates best first by buckets of their scores
/// (`SentenceAligner.sortBestFirst`): the order must be that of a comparison sort, whatever the
/// scores, their ties and their spread.
@Suite("Align10: candidates sorted best first by buckets of their scores")
struct Align10BucketSortTests {
    typealias Candidate = SentenceAligner.Candidate

    /// `count` candidates whose scores are drawn by `score`, each with a random place in the texts.
    static func candidates(_ count: Int, _ generator: inout SplitMix, score: (inout SplitMix) -> Double) -> [Candidate] {
        (0..<count).map { index in
            let source = Int.random(in: 0..<50, using: &generator), version = Int.random(in: 0..<50, using: &generator)
            let value = score(&generator)
            return Candidate(score: value, source: source..<source + Int.random(in: 1...2, using: &generator),
                             version: version..<version + Int.random(in: 1...2, using: &generator),
                             similarity: value, index: index)
        }
    }

    @Test("the same order as sort(), on many generated lists of candidates")
    func sameOrderAsSort() {
        var generator = SplitMix(seed: 0xB0C4_E7)
        // Scores spread as Dice plus a bonus; a few values only (ties in every bucket); one value (all
        // tied); one far apart from the rest (most in one bucket); tiny differences.
        let draws: [(inout SplitMix) -> Double] = [
            { 0.3 + Double.random(in: 0...0.75, using: &$0) },
            { [0.3, 0.5, 0.75, 1.0][Int.random(in: 0..<4, using: &$0)] },
            { _ in 0.8 },
            { Int.random(in: 0..<50, using: &$0) == 0 ? 1000 : 0.5 + Double.random(in: 0...1e-9, using: &$0) },
            { 0.5 + Double(Int.random(in: 0..<3, using: &$0)) * Double.ulpOfOne },
        ]
        var compared = 0
        for round in 0..<400 {
            let count = [0, 1, 2, 63, 64, 65, 200, 1000, 5000][round % 9]
            var candidates = Self.candidates(count, &generator, score: draws[round % draws.count])
            let expected = candidates.sorted()
            SentenceAligner.sortBestFirst(&candidates)
            #expect(candidates.map(\.index) == expected.map(\.index), "round \(round): \(count) candidates")
            compared += count
        }
        #expect(compared > 250_000)
    }
}
