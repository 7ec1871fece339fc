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
    /// Each sentence's words, as sorted ids: made on first ask (the aligner's paths for texts of
    /// several sentences and the addition rule read them; a pair of one sentence each is aligned on
    /// the ids alone), then kept.
    var sentences: [[Int32]] {
        if let made = madeSentences.withLock({ $0 }) { return made }
        let made = Self.sentences(of: documentSentences, tokenIds: tokenIds)
        madeSentences.withLock { if $0 == nil { $0 = made } }
        return made
    }
    private let madeSentences = Mutex<[[Int32]]?>(nil)
    /// Each sentence's anchors, as sorted ids: made on first ask (only the aligner's path for texts of
    /// several sentences reads them), then kept.
    var anchors: [[Int32]] {
        if let made = madeAnchors.withLock({ $0 }) { return made }
        let made = Self.anchors(of: documentTokens, in: documentSentences, tokenIds: tokenIds)
        madeAnchors.withLock { if $0 == nil { $0 = made } }
        return made
    }
    /// The document's tokens and sentences, for its anchors: its own arrays, shared, not copied (and
    /// not the document, which a document's memo holding would never free).
    private let documentTokens: [Token]
    private let documentSentences: [Sentence]
    /// The document's `keyHashes` (its array, shared), for `forEachKeyHash`.
    private let documentKeyHashes: [UInt64]
    private let madeAnchors = Mutex<[[Int32]]?>(nil)
    /// By token: the id of a word-like token's key, -1 for another token.
    let tokenIds: [Int32]
    /// The Zipf frequencies looked up, by language: a list, not a dictionary (a text is read in
    /// one language or two, and hashing a language's name cost more than comparing it).
    private let zipfs = Mutex(ZipfLists())

    /// Each language's Zipf frequencies by id, the first language's in place: most documents are
    /// read in one, and need no array of lists to allocate and free.
    private struct ZipfLists {
        var first: (language: String, values: [Float])?
        var more: [(language: String, values: [Float])] = []

        func values(in language: String) -> [Float]? {
            guard let first else { return nil }
            if first.language == language { return first.values }
            return more.first { $0.language == language }?.values
        }

        mutating func keep(_ values: [Float], in language: String) {
            guard self.values(in: language) == nil else { return }
            if first == nil { first = (language, values) } else { more.append((language, values)) }
        }
    }

    /// The words of `document`, made once and kept by the document (`Document.madeWords`): read with
    /// one atomic load. Two threads that both find none both make them, and the second's equal words
    /// are dropped for the first's.
    static func of(_ document: Document) -> DocumentWords {
        let bits = document.madeWords.load(ordering: .acquiring)
        // (Unretained: the document holds a reference until it goes, and the caller holds the document.)
        if bits != 0 { return Unmanaged<DocumentWords>.fromOpaque(UnsafeRawPointer(bitPattern: bits).unsafelyUnwrapped).takeUnretainedValue() }
        let made = Unmanaged.passRetained(DocumentWords(document))
        let (kept, found) = document.madeWords.compareExchange(expected: 0, desired: UInt(bitPattern: made.toOpaque()),
                                                               ordering: .acquiringAndReleasing)
        if kept { return made.takeUnretainedValue() }
        made.release()
        return Unmanaged<DocumentWords>.fromOpaque(UnsafeRawPointer(bitPattern: found).unsafelyUnwrapped).takeUnretainedValue()
    }

    private init(_ document: Document) {
        // Room for the words a text of this length holds, most of them at once (growing the table as
        // words come rehashes it several times), but not a slot per token: a long text repeats its
        // words, and a table that outgrows the caches misses them at every look-up.
        let room = min(document.tokens.count, max(4096, document.tokens.count / 4))
        var ids = KeyNumbering(capacity: room)
        var tokenIds = [Int32](filledWith: -1, count: document.tokens.count)
        // The tokens read in place: a copy of each (its text and key retained) cost as much as its
        // number; and so the ids written. Each key numbered by the hash the segmenter made of it.
        tokenIds.withUnsafeMutableBufferPointer { tokenIds in
            document.tokens.withUnsafeBufferPointer { tokens in
                document.keyHashes.withUnsafeBufferPointer { hashes in
                    for sentence in document.sentences {
                        for index in sentence.tokens where tokens[index].isWordLike {
                            tokenIds[index] = Int32(ids.number(tokens[index].key, hash: hashes[index]))
                        }
                    }
                }
            }
        }
        (self.ids, self.tokenIds) = (ids, tokenIds)
        (documentTokens, documentSentences, documentKeyHashes) = (document.tokens, document.sentences, document.keyHashes)
    }

    /// Each word's id, in increasing order, with the hash of its key (`FNV1a.hash`) as the document
    /// keeps it: for looking the words up in another text's numbering without hashing them again.
    /// Read at each word's first token (ids are numbered in order of first appearance, and the tokens
    /// in text order: the first token holding an id one past the ids before it).
    func forEachKeyHash(_ body: (_ id: Int, _ hash: UInt64) -> Void) {
        tokenIds.withUnsafeBufferPointer { tokenIds in
            documentKeyHashes.withUnsafeBufferPointer { hashes in
                var next: Int32 = 0
                for token in tokenIds.indices where tokenIds[token] == next {
                    body(Int(next), hashes[token])
                    next += 1
                }
                // (Every token of the document is in a sentence, so every id was met: callers fill a
                // table by id from this.)
                precondition(Int(next) == ids.keys.count, "every word's first token")
            }
        }
    }

    /// Each sentence's words as sorted ids: the ids of its word-like tokens (the tokens with an id).
    static func sentences(of sentences: [Sentence], tokenIds: [Int32]) -> [[Int32]] {
        tokenIds.withUnsafeBufferPointer { tokenIds in
            sentences.map { sentence in
                var set: [Int32] = []
                set.reserveCapacity(sentence.tokens.count)
                for index in sentence.tokens where tokenIds[index] >= 0 { set.append(tokenIds[index]) }
                return SortedIds.sortedUnique(consume set)
            }
        }
    }

    /// Each sentence's anchors (`isAnchor`) as sorted ids.
    private static func anchors(of tokens: [Token], in sentences: [Sentence], tokenIds: [Int32]) -> [[Int32]] {
        sentences.map { sentence in
            var anchor: [Int32] = []
            for index in sentence.tokens where tokens[index].isWordLike
                && isAnchor(kind: tokens[index].kind, scalarCount: tokens[index].scalarCount, text: tokens[index].text) {
                anchor.append(tokenIds[index])
            }
            return SortedIds.sortedUnique(consume anchor)
        }
    }

    /// A number, or a capitalized word of three letters or more: a word whose sharing says much. (The
    /// token's scalar count is its span's length. Its text is read only for a word long enough.)
    private static func isAnchor(kind: WordKind, scalarCount: Int, text: @autoclosure () -> String) -> Bool {
        if kind == .number { return true }
        guard scalarCount > 2 else { return false }
        return text().startsWithCapital
    }

    /// Each word's Zipf frequency in `language`'s list, by id; looked up once per language.
    func zipf(in language: String, of document: Document) -> [Float] {
        if let known = zipfs.withLock({ $0.values(in: language) }) { return known }
        let frequencies = WordFrequencies.builtIn
        // Read by the rows the document found as it made its tokens, each distinct word once: at its
        // first token, the first with an id one past the ids before it (ids are numbered in order of first
        // appearance, and the tokens in text order).
        let rows = document.tokenRows, index = frequencies.languageIndex(of: language), keys = keys
        var values: [Float] = []
        values.reserveCapacity(keys.count)
        tokenIds.withUnsafeBufferPointer { tokenIds in
            for (token, id) in tokenIds.enumerated() where Int(id) == values.count {
                let row = rows[token], key = keys[Int(id)]
                values.append(row == DocumentWordRows.notLetters ? frequencies.zipf(key, in: language) : frequencies.zipf(ofRow: row, language: index))
            }
        }
        zipfs.withLock { $0.keep(values, in: language) }
        return values
    }
}
