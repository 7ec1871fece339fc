@testable import MTAudit
import Testing

/// `PythonText.split`, which skips a word's ASCII bytes eight at a time, gives the words that a
/// plain walk over the text's scalars gives (Python's `str.split()`: runs of scalars that are not
/// white space), on texts mixing every kind of byte the fast path tells apart.
@Suite("Python split")
struct Metrics10PythonSplitTests {
    /// The byte ranges of the runs of non-space scalars, scalar by scalar.
    private static func plainSplit(_ text: String) -> [Range<Int>] {
        var words: [Range<Int>] = [], start: Int? = nil, offset = 0
        for scalar in text.unicodeScalars {
            let length = String(scalar).utf8.count
            if PythonText.isSpace(scalar) {
                if let begun = start { words.append(begun..<offset); start = nil }
            } else if start == nil {
                start = offset
            }
            offset += length
        }
        if let begun = start { words.append(begun..<offset) }
        return words
    }

    /// Pieces that sit at every side of the eight-byte mask's bounds (0x20/0x21, 0x7E/0x7F, 0x80),
    /// white space of every kind, and control bytes that are not white space.
    private static let pieces: [String] = [
        "a", "Z", "0", "!", "~", "\u{7F}", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{01}", "\u{08}",
        "\u{0E}", "é", "ß", "€", "😀", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{3000}", "\u{200B}", "word", "longerword",
        "exactly8", "nine_char", "  ", "ab cd", "\u{FF}",
    ]

    @Test("Words as a plain walk over the scalars finds them, on many generated texts")
    func matchesPlainSplit() {
        var generator = SplitMix(seed: 1010)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in
                Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &generator)]
            }.joined()
            #expect(PythonText.split(Array(text.utf8)) == Self.plainSplit(text), "\(Array(text.utf8))")
        }
    }

    @Test("Long words, long runs of white space, and texts that end inside a word")
    func longRuns() {
        for length in 0..<40 {
            let word = String(repeating: "x", count: length)
            for text in [word, " " + word, word + " ", word + "\u{A0}" + word, "\u{01}" + word + "é", String(repeating: " ", count: length) + word] {
                #expect(PythonText.split(Array(text.utf8)) == Self.plainSplit(text), "\(text)")
            }
        }
    }
}
