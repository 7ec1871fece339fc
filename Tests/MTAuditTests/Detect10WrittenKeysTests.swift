@testable import MTAudit
import MTAuditText
import Testing

/// The untranslated rule's set of a long text's other keys (`UntranslatedDetector.WrittenKeys
/// .otherKeys`), which reads the possessives of the distinct word keys, against a walk of every token.
@Suite("A text's other keys are those a walk of its every token finds")
struct Detect10WrittenKeysTests {
    /// Words with and without possessives (in both apostrophes), marks, symbols, numbers.
    static let pieces = ["CEP's", "CEP’s", "CEP", "Halvorsen's", "it's", "'s", "’s", "s", "the", ",", ".", "™", "(", ")", "«", "»",
                         "—", "12", "12's", "%", "&", "Über's", "über", "x's", "'", "Mr.", "e.g."]

    /// The plain walk: every token that is not word-like gives its key; every token whose key ends
    /// in "'s" gives its key without it.
    static func walked(_ tokens: [Token]) -> Set<String> {
        var keys = Set<String>()
        for token in tokens {
            if !token.isWordLike { keys.insert(token.key) }
            if token.key.hasSuffix("'s") { keys.insert(String(token.key.dropLast(2))) }
        }
        return keys
    }

    @Test("The other keys read by distinct words are the walk's")
    func otherKeysAsWalked() throws {
        let segmenter = try Segmenter()
        var random = SplitMix(seed: 10_050)
        var stems = 0
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            let document = Document(id: "v", text: text, segmenter: segmenter)
            let keys = UntranslatedDetector.WrittenKeys.otherKeys(document.tokens, wordKeys: Vocabulary.DocumentKeys(document).keys)
            let plain = Self.walked(document.tokens)
            #expect(keys == plain, "\(text)")
            stems += document.tokens.filter { $0.key.hasSuffix("'s") }.count
        }
        #expect(stems > 100)
    }
}
