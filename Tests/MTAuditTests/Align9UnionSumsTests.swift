@testable import MTAudit
import MTAuditText
import Testing

/// The weighed version sets keep their two-sentence entries as sums only (`FlatSets(unions: false)`):
/// each sum must be the one the merged ids give, added in their order, and the likenesses of two
/// version sentences (made apart, `SentenceWords.versionEntry`) those of the merged sets.
@Suite("Align9: a version's pairs kept as their sums")
struct Align9UnionSumsTests {
    @Test("totalWeight, dice, plainDice and shared of two version sentences equal those of the merged ids")
    func sumsEqualMerged() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var generator = SplitMix(seed: 0xA119_5E75)
        func text() -> String { generator.text(sentences: 1...7, words: 0...9) }
        func sum(_ ids: [Int32], _ weights: [Double]) -> Double { ids.reduce(0.0) { $0 + weights[Int($1)] } }
        for round in 0..<150 {
            let a = Document(id: "a\(round)", text: text(), language: "en", segmenter: segmenter)
            let b = Document(id: "b\(round)", text: text(), language: round % 3 == 0 ? "xx" : "en", segmenter: segmenter)
            let words = SentenceWords(source: a, version: b, language: round % 3 == 0 ? nil : "en", weighted: true)
            let weights = words.wordWeights
            for v in 0..<max(0, words.version.count - 1) {
                let union = Array(Set(words.version[v] + words.version[v + 1])).sorted()
                for s in words.source.indices {
                    let source = words.source[s]
                    let shared = union.filter { source.contains($0) }
                    let total = sum(union, weights) + sum(source, weights)
                    #expect(words.totalWeight(version: v..<v + 2, source: s..<s + 1) == total)
                    #expect(words.dice(version: v..<v + 2, source: s..<s + 1) == (total > 0 ? 2 * sum(shared, weights) / total : 0))
                    #expect(words.shared(version: v..<v + 2, source: s..<s + 1) == shared.count)
                    let sizes = union.count + source.count
                    #expect(words.plainDice(version: v..<v + 2, source: s..<s + 1) == (sizes > 0 ? 2 * Double(shared.count) / Double(sizes) : 0))
                }
            }
        }
    }
}
