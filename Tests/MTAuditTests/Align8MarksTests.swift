@testable import MTAudit
import MTAuditText
import Testing

/// The version marks give sentence k bit k % 3 and move from one center to another by clearing and
/// setting only the sentences that leave and enter (`SentenceWords.mark(_:around:)`): after any
/// walk of centers, near or far, the Dice and shared counts read on the marks must be those of the
/// merged sorted sets.
@Suite("Align8: version marks moved from center to center")
struct Align8MarksTests {
    @Test("dice and shared on the marks equal the merged sets' after random moves of the center")
    func marksAfterRandomMoves() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var generator = SplitMix(seed: 0xA118_3A7C)
        func text() -> String { generator.text(sentences: 1...9, words: 1...9) }
        var compared = 0
        for round in 0..<60 {
            let source = Document(id: "s\(round)", text: text(), language: "en", segmenter: segmenter)
            let version = Document(id: "v\(round)", text: text(), language: "en", segmenter: segmenter)
            let words = SentenceWords(source: source, version: version, language: round % 2 == 0 ? "en" : nil, weighted: true)
            let sourceCount = words.source.count, versionCount = words.version.count
            var marks = SentenceWords.VersionMarks(vocabularySize: words.vocabularySize)
            for _ in 0..<12 {
                // Most moves by one, some jumps, some in place.
                let v = Bool.random(using: &generator) ? min(versionCount - 1, (marks.center ?? -1) + 1)
                    : Int.random(in: 0..<versionCount, using: &generator)
                words.mark(&marks, around: v)
                for first in max(0, v - 1)...v {
                    for width in 1...2 where first + width <= min(versionCount, v + 2) {
                        let versionRange = first..<first + width
                        for s in 0..<sourceCount {
                            for sourceWidth in 1...2 where s + sourceWidth <= sourceCount {
                                let sourceRange = s..<s + sourceWidth
                                #expect(words.dice(version: versionRange, source: sourceRange, marks: marks)
                                        == words.dice(version: versionRange, source: sourceRange))
                                #expect(words.shared(version: versionRange, source: sourceRange, marks: marks)
                                        == words.shared(version: versionRange, source: sourceRange))
                                compared += 1
                            }
                        }
                    }
                }
            }
        }
        #expect(compared > 3000)
    }
}
