/// The rows of a document's letter words in `WordFrequencies.builtIn`, looked up once as the document
/// is made (`Document.tokenRows`), then read by token: the language guess and the detectors' Zipf
/// frequencies read rows rather than hash keys again.
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
        document.memo.value(memoKey, from: document) { DocumentWordRows($0) }
    }

    /// The document's rows if something has already asked for them (the audit's language guess
    /// does), without looking every token up when nothing has.
    static func ifMade(_ document: Document) -> DocumentWordRows? { document.memo.existing(memoKey, as: DocumentWordRows.self) }

    private static let memoKey = MemoKey("word-rows")

    /// The rows the document found as it made its tokens (`Document.tokenRows`), shared, not copied.
    private init(_ document: Document) {
        var letterCount = 0
        for row in document.tokenRows where row != Self.notLetters { letterCount += 1 }
        (rows, self.letterCount) = (document.tokenRows, letterCount)
    }

    /// `WordFrequencies.builtIn.zipf(key, in: language)` of the token at `index`, whose key is `key`.
    func zipf(ofToken index: Int, key: String, in language: String) -> Float {
        zipf(ofToken: index, key: key, in: language, languageIndex: WordFrequencies.builtIn.languageIndex(of: language))
    }

    /// `zipf(ofToken:key:in:)` with the language's `WordFrequencies.languageIndex(of:)` found once by
    /// the caller, for many tokens.
    func zipf(ofToken index: Int, key: String, in language: String, languageIndex: Int?) -> Float {
        let row = rows[index]
        return row == Self.notLetters ? WordFrequencies.builtIn.zipf(key, in: language)
            : WordFrequencies.builtIn.zipf(ofRow: row, language: languageIndex)
    }
}
