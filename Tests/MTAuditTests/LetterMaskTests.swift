@testable import MTAudit
import Testing

@Suite("Words' letters as a bound on their likeness")
struct LetterMaskTests {
    /// The gap's pairing measures only the pairs whose letters may make them alike enough: a pair
    /// it passes over must score under the threshold, so that the pairs it finds are those it would
    /// find measuring every pair.
    @Test("Letters a word has alone bound its similarity to another: a pair passed over scores under the threshold")
    func letterMaskBound() {
        var random = SplitMix(seed: 8)
        let letters = Array("abcdeéfghiklmnoprstuüwyzßø").map(String.init) + ["\u{0301}", "ж", "ы", "中", "😀"]
        let aligner = TokenAligner(), threshold = aligner.similarSpelling
        var passedOver = 0
        for _ in 0..<20_000 {
            let a = (0..<Int.random(in: 1...9, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
            let b = (0..<Int.random(in: 1...9, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
            let longer = max(TokenAligner.scalarCount(a), TokenAligner.scalarCount(b))
            // The aligner's own test, as its gaps ask it.
            guard !aligner.mayShareEnough(TokenAligner.letterMask(a), TokenAligner.letterMask(b), longer: longer) else { continue }
            passedOver += 1
            #expect(NameRuns.similarity(a, b) < threshold, "\(a) \(b)")
        }
        #expect(passedOver > 1_000)
        #expect(TokenAligner.letterMask("kerry") == TokenAligner.letterMask("rekyr"))
    }
}
