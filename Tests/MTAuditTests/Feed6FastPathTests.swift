import Foundation
@testable import MTAudit
import Testing

/// The fast paths of feed6 against the plain code they replace, on varied inputs.
@Suite("Feed6 fast paths answer as the plain code did")
struct Feed6FastPathTests {
    @Test("hasSpace(before:in:) answers as the source's contains(\" ,\") / contains(\" .\")")
    func spaceBeforeMarkScreen() {
        // Spaces, the marks, marks that combine (a full stop with an acute accent is another
        // character), letters beyond ASCII and other white space.
        let alphabet: [String] = [" ", " ", ".", ",", "a", "é", "e\u{301}", "\u{301}", "\u{00A0}", "\n", "x", "…", "\u{200D}"]
        var random = SplitMix(seed: 6)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...12, using: &random)
            let source = (0..<count).map { _ in alphabet.randomElement(using: &random)! }.joined()
            for mark: Unicode.Scalar in [",", "."] {
                #expect(PunctuationArtifactDetector.hasSpace(before: mark, in: source) == source.contains(" \(mark)"),
                        "\(Array(source.unicodeScalars)) \(mark)")
            }
        }
    }
}
