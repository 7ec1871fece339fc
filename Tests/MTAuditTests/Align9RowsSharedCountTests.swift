@testable import MTAudit
import MTAuditText
import Testing

/// The aligner passes a merge or split's "two shared words or more" check on the rows' count
/// (`SentenceAligner.SharedWeightRows.sharedCount`) when that count is two or more: it must be the
/// number of words not too common (held by `commonWordLimit` source sentences or fewer) that the two
/// sentences share, and so never more than all the words they share.
@Suite("Align9: the rows' shared count bounds the shared words")
struct Align9RowsSharedCountTests {
    @Test("sharedCount(row:source:) counts the shared words not too common, at most shared(version:source:)")
    func rowsCountBoundsShared() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var generator = SplitMix(seed: 0xA119_C0DE)
        func text() -> String { generator.text(sentences: 1...9, words: 0...12) }
        for round in 0..<150 {
            let a = Document(id: "a\(round)", text: text(), language: "en", segmenter: segmenter)
            let b = Document(id: "b\(round)", text: text(), language: "en", segmenter: segmenter)
            let words = SentenceWords(source: a, version: b, language: "en", weighted: true)
            let limit = [1, 2, 3, 30][round % 4]
            // The index of holders as `linksByWords` makes it: by word, the source sentences holding it.
            var lists = [[Int32]](repeating: [], count: words.vocabularySize)
            for (s, set) in words.source.enumerated() { for word in set { lists[Int(word)].append(Int32(s)) } }
            var holderStarts = [0]
            for list in lists { holderStarts.append(holderStarts.last! + list.count) }
            let holders = lists.flatMap { $0 }
            let rows = SentenceAligner.SharedWeightRows(sourceCount: words.source.count, commonWordLimit: limit)
            defer { rows.deallocate() }
            for (v, set) in words.version.enumerated() {
                rows.fill(row: v, words: set, holderStarts: holderStarts, holders: holders, weights: words.wordWeights)
                for (s, sourceSet) in words.source.enumerated() {
                    let expected = set.filter { sourceSet.contains($0) && lists[Int($0)].count <= limit }.count
                    let count = rows.sharedCount(row: v, source: s)
                    #expect(count == expected)
                    #expect(count <= words.shared(version: v..<v + 1, source: s..<s + 1))
                }
            }
        }
    }
}
