@testable import MTAudit
import MTAuditText
import Testing

/// `Collation` looks up the joint ids of two versions' words once, for the later against the
/// earlier, and turns them round for the other direction (`SentenceWords.invertedJointIds`): they
/// must be the ids looked up word by word, and the alignments (made with each version's weighed
/// sets as a source made once, `SentenceWords.SourceSets`) those of `align` on its own.
@Suite("Align8: joint ids turned round for the other direction")
struct Align8JointIdsTests {
    @Test("invertedJointIds equals jointIds looked up, and Collation's alignments equal align's")
    func invertedEqualsLookedUp() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        var generator = SplitMix(seed: 0xA118_1D5)
        func text() -> String { generator.text(sentences: 1...6, words: 0...9) }
        let aligner = SentenceAligner()
        for round in 0..<80 {
            let a = Document(id: "a\(round)", text: text(), language: "en", segmenter: segmenter)
            let b = Document(id: "b\(round)", text: text(), language: "en", segmenter: segmenter)
            let aWords = DocumentWords.of(a), bWords = DocumentWords.of(b)
            let bAgainstA = SentenceWords.jointIds(source: aWords, version: bWords)
            let aAgainstB = SentenceWords.jointIds(source: bWords, version: aWords)
            let turned = SentenceWords.invertedJointIds(bAgainstA.ids, sourceCount: aWords.keys.count)
            #expect(turned.ids == aAgainstB.ids && turned.vocabularySize == aAgainstB.vocabularySize, "\(a.text) / \(b.text)")
            let c = Document(id: "c\(round)", text: text(), language: "en", segmenter: segmenter)
            let versions = [a, b, c]
            let collation = Collation(versions: versions, aligner: aligner)
            for i in versions.indices {
                let others = versions.indices.filter { $0 != i }
                let expected = others.map { aligner.align(source: versions[$0], version: versions[i]) }
                #expect(collation.alignmentsToOthers(of: i) == expected)
            }
        }
    }
}
