/// The rows of a document's letter words in `WordFrequencies.builtIn`, looked up once as the document
/// is made (`Document.tokenRows`), then read by token: the language guess and the detectors' Zipf
/// frequencies read rows rather than hash keys again.
///
/// A view of the document's array, made where it is asked for: no memo entry, no object of its own
/// to allocate and free with every document.
struct DocumentWordRows: Sendable {
    /// By token: the row of a letter token's key (`WordFrequencies.rowIndex(of:)`, -1 when no list
    /// holds it); `notLetters` for another token.
    let rows: [Int32]

    static let notLetters: Int32 = -2

    static func of(_ document: Document) -> DocumentWordRows { DocumentWordRows(rows: document.tokenRows) }

    /// The number of letter tokens.
    var letterCount: Int {
        var count = 0
        for row in rows where row != Self.notLetters { count += 1 }
        return count
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
