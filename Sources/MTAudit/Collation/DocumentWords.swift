import MTAuditText
import Synchronization

/// A document's words numbered in order of first appearance, with each sentence's words and anchors
/// (numbers, capitalized words of three letters or more) as sorted ids: made once per document, since
/// the document is aligned with the source and with every other version, and read by the rules that
/// compare words by number (the vocabulary, repeated words, additions).
final class DocumentWords: Sendable {
    /// The matching keys of the distinct words, by id.
    var keys: [String] { ids.keys }
    /// The words' ids.
    let ids: KeyNumbering
    let sentences: [[Int32]]
    let anchors: [[Int32]]
    /// By token: the id of a word-like token's key, -1 for another token.
    let tokenIds: [Int32]
    /// By id: the index of the word's first token (whose row in the word lists, `DocumentWordRows`,
    /// depends on the key alone).
    private let firstTokens: [Int32]
    /// The Zipf frequencies looked up, by language: a list, not a dictionary (a text is read in
    /// one language or two, and hashing a language's name cost more than comparing it).
    private let zipfs = Mutex<[(language: String, values: [Float])]>([])

    private static let memoKey = MemoKey("document-words")

    static func of(_ document: Document) -> DocumentWords { document.memo.value(memoKey) { DocumentWords(document) } }

    private init(_ document: Document) {
        // Room for every token at once: growing the table as words come rehashes it several times.
        let room = document.tokens.count
        var ids = KeyNumbering(capacity: room)
        var sentences: [[Int32]] = [], anchors: [[Int32]] = []
        sentences.reserveCapacity(document.sentences.count)
        anchors.reserveCapacity(document.sentences.count)
        var firstTokens: [Int32] = []
        firstTokens.reserveCapacity(room)
        var tokenIds = [Int32](filledWith: -1, count: room)
        // The tokens read in place: a copy of each (its text and key retained) cost as much as its number.
        document.tokens.withUnsafeBufferPointer { tokens in
            for sentence in document.sentences {
                var set: [Int32] = [], anchor: [Int32] = []
                set.reserveCapacity(sentence.tokens.count)
                anchor.reserveCapacity(sentence.tokens.count)
                for index in sentence.tokens where tokens[index].isWordLike {
                    let id = Int32(ids.number(tokens[index].key))
                    // (A new id is the count of the words before it.)
                    if Int(id) == firstTokens.count { firstTokens.append(Int32(index)) }
                    tokenIds[index] = id
                    set.append(id)
                    if Self.isAnchor(kind: tokens[index].kind, scalarCount: tokens[index].scalarCount, text: tokens[index].text) {
                        anchor.append(id)
                    }
                }
                sentences.append(SortedIds.sortedUnique(consume set))
                anchors.append(SortedIds.sortedUnique(consume anchor))
            }
        }
        (self.ids, self.sentences, self.anchors, self.firstTokens, self.tokenIds) = (ids, sentences, anchors, firstTokens, tokenIds)
    }

    /// A number, or a capitalized word of three letters or more: a word whose sharing says much. (The
    /// token's scalar count is its span's length; an ASCII capital is told by its byte. Its text is
    /// read only for a word long enough.)
    private static func isAnchor(kind: WordKind, scalarCount: Int, text: @autoclosure () -> String) -> Bool {
        if kind == .number { return true }
        guard scalarCount > 2 else { return false }
        return text().startsWithCapital
    }

    /// Each word's Zipf frequency in `language`'s list, by id; looked up once per language.
    func zipf(in language: String, of document: Document) -> [Float] {
        if let known = zipfs.withLock({ $0.first { $0.language == language }?.values }) { return known }
        let frequencies = WordFrequencies.builtIn
        let values: [Float]
        if let made = DocumentWordRows.ifMade(document) {
            // The audit has looked every token up already (for its language guess): read the rows.
            let index = frequencies.languageIndex(of: language)
            values = zip(keys, firstTokens).map { key, token in
                let row = made.rows[Int(token)]
                return row == DocumentWordRows.notLetters ? frequencies.zipf(key, in: language) : frequencies.zipf(ofRow: row, language: index)
            }
        } else {
            // Alone (the aligner's benchmark, a caller without a guess): each distinct word once,
            // fewer look-ups than every token.
            values = keys.map { frequencies.zipf($0, in: language) }
        }
        zipfs.withLock { known in if !known.contains(where: { $0.language == language }) { known.append((language, values)) } }
        return values
    }

    /// The Zipf frequency of word `id` in `language`'s list (whose `WordFrequencies.languageIndex` is
    /// `languageIndex`), as `zipf(in:of:)` gives it, looked up alone and not kept: for a text read
    /// once (a version) of whose words few are asked for. `rows` is `DocumentWordRows.ifMade` of the
    /// document.
    func zipf(ofWord id: Int, in language: String, languageIndex: Int?, rows: DocumentWordRows?) -> Float {
        let frequencies = WordFrequencies.builtIn
        guard let rows else { return frequencies.zipf(ids.keys[id], in: language) }
        let row = rows.rows[Int(firstTokens[id])]
        return row == DocumentWordRows.notLetters ? frequencies.zipf(ids.keys[id], in: language) : frequencies.zipf(ofRow: row, language: languageIndex)
    }
}
