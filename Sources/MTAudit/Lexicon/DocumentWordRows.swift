import LexiconTables

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
    /// Tokens whose table slots are read together before they are looked up.
    private static let batch = 16

    static func of(_ document: Document) -> DocumentWordRows {
        document.memo.value(memoKey, from: document) { DocumentWordRows($0) }
    }

    /// The document's rows if something has already asked for them (the audit's language guess
    /// does), without looking every token up when nothing has.
    static func ifMade(_ document: Document) -> DocumentWordRows? { document.memo.existing(memoKey, as: DocumentWordRows.self) }

    private static let memoKey = MemoKey("word-rows")

    private init(_ document: Document) {
        let frequencies = WordFrequencies.builtIn
        let tokens = document.tokens
        var rows = [Int32](filledWith: Self.notLetters, count: tokens.count)
        var letterCount = 0
        // A batch of tokens at a time: the table slots where their look-ups start are read first, all
        // together (their cache misses overlap), then each token is looked up.
        var touched: UInt8 = 0
        var start = 0
        // Each key's hash, made for its first slot and read again for its look-up (room for a batch).
        precondition(Self.batch <= 16, "room for a batch of hashes")
        var hashes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while start < tokens.count {
            let end = min(start + Self.batch, tokens.count)
            withUnsafeMutableBytes(of: &hashes) { room in
                let hashes = room.bindMemory(to: UInt64.self)
                for index in start..<end where tokens[index].kind == .letters {
                    let hash = frequencies.hash(of: tokens[index].key)
                    hashes[index - start] = hash
                    touched ^= frequencies.firstSlotByte(hash: hash)
                }
                for index in start..<end where tokens[index].kind == .letters {
                    rows[index] = frequencies.rowIndex(of: tokens[index].key, hash: hashes[index - start])
                    letterCount += 1
                }
            }
            // And so for the rows' listings, which the language guess reads next: where each row's
            // listings begin, then the first of them.
            for index in start..<end where rows[index] >= 0 { touched ^= frequencies.listingIndexByte(ofRow: Int(rows[index])) }
            for index in start..<end where rows[index] >= 0 { touched ^= frequencies.listingByte(ofRow: Int(rows[index])) }
            start = end
        }
        ByteStringTable.keep(touched)
        (self.rows, self.letterCount) = (rows, letterCount)
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
