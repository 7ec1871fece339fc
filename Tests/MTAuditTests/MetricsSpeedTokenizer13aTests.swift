@testable import MTAudit
import Testing

/// 13a's tokens take a word without a mark of any rule whole (`Tokenizer13a.tokens`); the chain of
/// rules run over the whole line (`Tokenizer13a.chainCuts`) cuts the words at white space plainly.
@Suite("Metrics speed: 13a's words without marks")
struct MetricsSpeedTokenizer13aTests {
    @Test("Tokens are the words at white space cut where the chain of rules over the whole line cuts")
    func tokensAsTheWholeChain() {
        var generator = SplitMix(seed: 71)
        let pieces = ["a", "b", "Z", "7", "0", ".", ",", "-", "'", "(", ")", "!", "/", " ", " ", "  ", "é", "中", "\t"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let prepared = MetricText(text)
            let utf8 = prepared.utf8
            let cuts = utf8.withUnsafeBufferPointer { Tokenizer13a.chainCuts($0) }
            var plain: [Range<Int>] = []
            for word in PythonText.split(utf8) {
                var start = word.lowerBound
                for cut in cuts where cut > word.lowerBound && cut < word.upperBound {
                    plain.append(start..<cut)
                    start = cut
                }
                plain.append(start..<word.upperBound)
            }
            #expect(Tokenizer13a.words(prepared).ranges == plain, "\(text)")
        }
    }
}
