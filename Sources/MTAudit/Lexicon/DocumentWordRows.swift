/// The rows of a document's letter words in `WordFrequencies.builtIn`, looked up once per document
/// (a look-up in that half-million-slot table is a cache miss), then read by token: the language
/// guess and the detectors' Zipf frequencies read rows rather than hash keys again.
///
/// Holds rows only, not the document (a document's memo holding its document would never be freed).
final class DocumentWordRows: Sendable {
    /// By token: the row of a letter token's key (`WordFrequencies.rowIndex(of:)`, -1 when no list
    /// holds it); `notLetters` for another token.
    let rows: [Int32]
    /// The number of letter tokens.
    let letterCount: Int

    static let notLetters: Int32 = -2

    static func of(_ document: Document) -> DocumentWordRows {
        document.memo.value("word-rows", from: document) { DocumentWordRows($0) }
    }

    private init(_ document: Document) {
        let frequencies = WordFrequencies.builtIn
        var rows = [Int32](repeating: Self.notLetters, count: document.tokens.count)
        var letterCount = 0
        for (index, token) in document.tokens.enumerated() where token.kind == .letters {
            rows[index] = frequencies.rowIndex(of: token.key)
            letterCount += 1
        }
        (self.rows, self.letterCount) = (rows, letterCount)
    }

    /// The rows of the letter tokens, in token order (repeats included).
    var letterRows: some Sequence<Int32> { rows.lazy.filter { $0 != Self.notLetters } }

    /// `WordFrequencies.builtIn.zipf(key, in: language)` of the token at `index`, whose key is `key`.
    func zipf(ofToken index: Int, key: String, in language: String) -> Float {
        let row = rows[index]
        return row == Self.notLetters ? WordFrequencies.builtIn.zipf(key, in: language)
            : WordFrequencies.builtIn.zipf(ofRow: row, in: language)
    }
}
