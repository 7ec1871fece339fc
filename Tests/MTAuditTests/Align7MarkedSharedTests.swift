@testable import MTAudit
import MTAuditText
import Testing

/// The aligner checks that each sentence of a merge or split brings its own share of the other
/// side's words by counting the source's words on the version marks
/// (`SentenceWords.shared(version:source:marks:)`): the count must be the merge of the sorted sets'.
@Suite("Align7: shared words counted on the version marks")
struct Align7MarkedSharedTests {
    @Test("shared(version:source:marks:) equals shared(version:source:) for every pair of one or two sentences")
    func markedEqualsMerged() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var generator = SplitMix(seed: 0xA118)
        func text() -> String { generator.text(sentences: 1...7, words: 1...9) }
        var compared = 0
        for round in 0..<60 {
            let source = Document(id: "s\(round)", text: text(), language: "en", segmenter: segmenter)
            let version = Document(id: "v\(round)", text: text(), language: "en", segmenter: segmenter)
            let words = SentenceWords(source: source, version: version, language: round % 2 == 0 ? "en" : nil, weighted: true)
            let sourceCount = words.source.count, versionCount = words.version.count
            var marks = SentenceWords.VersionMarks(vocabularySize: words.vocabularySize)
            for v in 0..<versionCount {
                words.mark(&marks, around: v)
                for first in max(0, v - 1)...v {
                    for width in 1...2 where first + width <= min(versionCount, v + 2) {
                        let versionRange = first..<first + width
                        for s in 0..<sourceCount {
                            for sourceWidth in 1...2 where s + sourceWidth <= sourceCount {
                                let sourceRange = s..<s + sourceWidth
                                #expect(words.shared(version: versionRange, source: sourceRange, marks: marks)
                                        == words.shared(version: versionRange, source: sourceRange),
                                        "version \(versionRange), source \(sourceRange): \(version.text) against \(source.text)")
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(compared > 1000)
    }
}

/// The pairs of sentences pinned by a number or name each text has once (`SentenceWords.pinnedPairs`),
/// found in arrays by id: they must be those that dictionaries of anchors and a set of pairs find.
@Suite("Align7: pinned pairs found in arrays by id")
struct Align7PinnedPairsTests {
    /// The pinned pairs as first written, with dictionaries and a set.
    static func byDictionaries(_ words: SentenceWords) -> [(source: Int, version: Int)] {
        func single(_ anchors: [[Int32]]) -> [Int32: Int] {
            var where_: [Int32: Int] = [:], count: [Int32: Int] = [:]
            for (index, set) in anchors.enumerated() { for id in set { where_[id] = index; count[id, default: 0] += 1 } }
            return where_.filter { count[$0.key] == 1 }
        }
        let inSource = single(words.sourceAnchors), inVersion = single(words.versionAnchors)
        var pairs: Set<[Int]> = []
        for (id, s) in inSource { if let v = inVersion[id] { pairs.insert([s, v]) } }
        return pairs.map { (source: $0[0], version: $0[1]) }.sorted { ($0.source, $0.version) < ($1.source, $1.version) }
    }

    @Test("pinnedPairs equals the dictionaries' pairs, for texts with names and numbers once, twice or never")
    func sameAsDictionaries() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        let vocabulary = ["the", "council", "approved", "Harbour", "budget", "Inchkeith", "1998", "2001", "Tromsø",
                          "Qwixen", "Dorinsa", "said", "in", "of", "42", "Algrova", "ferry"]
        var generator = SplitMix(seed: 0xA119)
        func text() -> String { generator.text(sentences: 1...9, words: 1...8, of: vocabulary, opener: "Then") }
        var nonEmpty = 0
        for round in 0..<200 {
            let source = Document(id: "s\(round)", text: text(), language: "en", segmenter: segmenter)
            let version = Document(id: "v\(round)", text: text(), language: "en", segmenter: segmenter)
            let words = SentenceWords(source: source, version: version, language: nil, weighted: false)
            let fast = words.pinnedPairs(), plain = Self.byDictionaries(words)
            #expect(fast.map { [$0.source, $0.version] } == plain.map { [$0.source, $0.version] }, "\(version.text) against \(source.text)")
            if !plain.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 20)
    }
}
