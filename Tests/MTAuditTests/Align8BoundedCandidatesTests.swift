@testable import MTAudit
import MTAuditText
import Testing

/// The aligner passes over a candidate pair whose Dice the rows of shared weights show cannot reach
/// the threshold (`SentenceAligner.SharedWeightRows`): the links must be those of scoring every
/// candidate.
@Suite("Align8: candidate pairs ruled out by a bound on their shared weight")
struct Align8BoundedCandidatesTests {
    @Test("linksByWords gives the same links with the bound as without, on many generated texts")
    func boundedEqualsUnbounded() throws {
        let segmenter = try Segmenter(locale: "en", abbreviations: Segmenter.defaultAbbreviations)
        let vocabulary = ["the", "council", "approved", "harbour", "budget", "after", "a", "long", "debate", "Inchkeith",
                          "ferry", "1998", "Tromsø", "naïve", "said", "would", "zorblat", "Qwixen", "in", "of", "storms",
                          "Marlo", "bridge", "quietly", "north", "42", "winter", "Ostrava", "closed", "and", "to", "river"]
        var generator = SplitMix(seed: 0xA118_B0)
        func sentence() -> [String] {
            generator.words(1...12, of: 0...UInt32(vocabulary.count - 1)).map { vocabulary[Int($0)] }
        }
        /// A version of `sentences`: each sentence kept, edited, merged with the next, dropped, or
        /// replaced, and a few paragraphs moved.
        func version(of sentences: [[String]]) -> [[String]] {
            var out: [[String]] = []
            var k = 0
            while k < sentences.count {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: out.append(sentence())
                case 1: break
                case 2 where k + 1 < sentences.count:
                    out.append(sentences[k] + sentences[k + 1]); k += 1
                case 3:
                    let half = sentences[k].count / 2
                    out.append(Array(sentences[k][..<half]) + ["Qwixen"]); out.append(Array(sentences[k][half...]) + ["ferry"])
                default:
                    var edited = sentences[k]
                    for _ in 0..<Int.random(in: 0...3, using: &generator) where !edited.isEmpty {
                        edited[Int.random(in: 0..<edited.count, using: &generator)] = vocabulary.randomElement(using: &generator)!
                    }
                    out.append(edited)
                }
                k += 1
            }
            if out.count > 4, Bool.random(using: &generator) {
                let half = out.count / 2
                let moved: [[String]] = Array(out[half...]), rest: [[String]] = Array(out[..<half])
                out = moved + rest
            }
            return out
        }
        func text(_ sentences: [[String]]) -> String {
            sentences.map { "X " + $0.joined(separator: " ") + "." }.joined(separator: " ")
        }
        var linked = 0, compared = 0
        for round in 0..<300 {
            let source = (0..<Int.random(in: 2...40, using: &generator)).map { _ in sentence() }
            let sourceDocument = Document(id: "s\(round)", text: text(source), language: "en", segmenter: segmenter)
            let versionDocument = Document(id: "v\(round)", text: text(version(of: source)), language: "en", segmenter: segmenter)
            let words = SentenceWords(source: sourceDocument, version: versionDocument, language: round % 3 == 0 ? nil : "en", weighted: true)
            let aligner = SentenceAligner(threshold: [0.3, 0.1, 0.5, 0.0][round % 4], commonWordLimit: [30, 2, 5, 0][round % 4 == 3 ? 3 : round % 3],
                                          candidateLimit: [8, 1, 3][round % 3])
            let bounded = aligner.linksByWords(words, bounded: true), plain = aligner.linksByWords(words, bounded: false)
            #expect(bounded == plain, "\(sourceDocument.text) against \(versionDocument.text)")
            linked += plain.count
            compared += 1
        }
        #expect(compared == 300)
        #expect(linked > 1000)
    }
}
