@testable import MTAudit
import MTAuditText
import Testing

/// In a long text most words are common, and the aligner narrows a candidate pair's bound on its
/// shared weight to the common words whose signature bits the source side holds
/// (`SentenceAligner.SharedWeightRows.fallsShort`): the narrowed bound must never fall below what the
/// pair shares, or a pair that reaches the threshold would be passed over.
@Suite("Align10: the bound narrowed by signatures of common words")
struct Align10NarrowedBoundTests {
    @Test("fallsShort never rules out a pair sharing what it is asked for, on generated texts with common words")
    func narrowedBoundHoldsSharedWeight() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var generator = SplitMix(seed: 0x5161_0B)
        let vocabulary = ["harbour", "council", "ferry", "winter", "bridge", "river", "budget", "storm", "north", "quiet",
                          "the", "a", "of", "and", "to", "closed", "opened", "said", "new", "old", "Marlo", "1998"]
        func sentence() -> String {
            "Then " + (0..<Int.random(in: 3...14, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
                .joined(separator: " ") + "."
        }
        var pairs = 0, narrowed = 0
        for round in 0..<40 {
            let source = (0..<Int.random(in: 5...60, using: &generator)).map { _ in sentence() }
            var version = source
            for _ in 0..<source.count / 4 { version[Int.random(in: 0..<version.count, using: &generator)] = sentence() }
            let sourceDocument = Document(id: "s\(round)", text: source.joined(separator: " "), language: "en", segmenter: segmenter)
            let versionDocument = Document(id: "v\(round)", text: version.joined(separator: " "), language: "en", segmenter: segmenter)
            let words = SentenceWords(source: sourceDocument, version: versionDocument, language: round % 2 == 0 ? "en" : nil, weighted: true)
            let limit = [2, 4, 8][round % 3]
            let index = SentenceAligner.HolderIndex(words.source, vocabularySize: words.vocabularySize)
            let rows = SentenceAligner.SharedWeightRows(sourceCount: words.source.count, commonWordLimit: limit)
            defer { rows.deallocate() }
            rows.sign(words.source, holderStarts: index.starts)
            for v in words.version.indices {
                for row in max(0, v - 1)...min(words.version.count - 1, v + 1) {
                    rows.fill(row: row, words: words.version[row], holderStarts: index.starts, holders: index.holders, weights: words.wordWeights)
                }
                for s in words.source.indices {
                    // The pair, a merge and a split around (s, v), as `linksByWords` considers them.
                    for (sourceSide, versionSide) in [(s..<s + 1, v..<v + 1), (s..<s + 2, v..<v + 1), (s..<s + 1, v..<v + 2)]
                    where sourceSide.upperBound <= words.source.count && versionSide.upperBound <= words.version.count {
                        var bound = 0.0
                        for r in versionSide {
                            let held = rows.row(r)
                            bound += held.common
                            for t in sourceSide { bound += held.weights[t] }
                        }
                        let total = words.totalWeight(version: versionSide, source: sourceSide)
                        let shared = words.dice(version: versionSide, source: sourceSide) * total / 2
                        // Asked for a hair less than the pair shares: the narrowed bound must hold it.
                        #expect(!rows.fallsShort(version: versionSide, source: sourceSide, bound: bound, of: 2 * shared * (1 - 1e-9)),
                                "round \(round): v \(versionSide), s \(sourceSide)")
                        // Asked for more than the plain bound: the narrowed one cannot hold it either.
                        #expect(rows.fallsShort(version: versionSide, source: sourceSide, bound: bound, of: 2 * bound * (1 + 1e-9) + 1e-9))
                        if rows.fallsShort(version: versionSide, source: sourceSide, bound: bound, of: (2 * bound + 2 * shared) / 2) { narrowed += 1 }
                        pairs += 1
                    }
                }
            }
        }
        #expect(pairs > 20_000)
        // The narrowing does rule out pairs the plain bound lets pass.
        #expect(narrowed > pairs / 10)
    }
}
