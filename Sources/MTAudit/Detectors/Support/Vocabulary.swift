import Synchronization

/// The words of some documents, as detectors compare against them: words, adjacent pairs, proper
/// names. Keys are matching forms.
struct Vocabulary {
    /// What the documents write of one word.
    fileprivate struct Entry {
        /// The word as first written with a capital inside a sentence, if it was.
        var capitalized: String?
        /// Whether the word was also written in lower case.
        var lowercased = false

        /// One more token of the word: written with a capital inside a sentence (its text), or in lower case.
        mutating func record(capitalized text: String?, lowercased: Bool) {
            if capitalized == nil { capitalized = text }
            if lowercased { self.lowercased = true }
        }
    }

    /// The words of one document: made once per document and kept in its memo, however many
    /// contexts and detectors ask (a document is the source of each version's context, and each
    /// version one of the others of every other version's).
    fileprivate final class Part: Sendable {
        /// Every word-like token's key, numbered (`KeyNumbering`, whose FNV hash over the bytes costs
        /// a fraction of the standard table's SipHash for every word of the text); `entries` holds
        /// each key's entry at its number. Keys are matching keys, equal when their bytes are.
        let numbering: KeyNumbering
        let entries: [Entry]
        let pairs: Pairs
        /// The keys of the words written with a capital inside a sentence (the proper names among
        /// them) as bits of a small Bloom filter: most words are none, told by a byte hash and one
        /// bit rather than by hashing the key for `entries`.
        let capitalizedKeys: ProperNameFilter
        /// Every key of `entries` as a bit of a Bloom filter, for `Vocabulary.contains`: most keys
        /// asked about and not written here (the halves of a merged word, two words joined) end at
        /// the bit, with no hash of the key for the table.
        let keys: KeyBits

        init(_ document: Document) {
            // The words as the sentence aligner numbers them (word-like tokens' keys, in order of
            // first appearance), made once per document for both (and for the pairs' look-ups).
            let words = DocumentWords.of(document)
            pairs = Pairs(document, words: words)
            var entries = [Entry](filledWith: Entry(), count: words.keys.count)
            var capitalizedKeys = ProperNameFilter()
            let tokens = document.tokens, ids = words.tokenIds
            var keys = KeyBits(capacity: tokens.count)
            for key in words.keys { keys.insert(KeyFilter.slot(key)) }
            // The sentence of the last word-like token seen: a word opens its sentence unless an earlier
            // word-like token of the same sentence came before it.
            var sentenceWithWord = -1
            // By index: a copy of each token (its text and key retained) costs more than reading it.
            // The entries written in place (no check that the array is unique at every word), and
            // only a letter word's (another's records nothing); its case told from one read of its
            // first byte.
            entries.withUnsafeMutableBufferPointer { entries in
                for k in tokens.indices where tokens[k].isWordLike {
                    let opensSentence = sentenceWithWord != tokens[k].sentence
                    sentenceWithWord = tokens[k].sentence
                    guard tokens[k].kind == .letters else { continue }
                    let casing = tokens[k].text.firstScalarCase
                    if casing & 1 != 0, !opensSentence {
                        entries[Int(ids[k])].record(capitalized: tokens[k].text, lowercased: false)
                        capitalizedKeys.insert(tokens[k].key)
                    } else if casing & 2 != 0 {
                        entries[Int(ids[k])].lowercased = true
                    }
                }
            }
            numbering = words.ids
            self.entries = entries
            self.capitalizedKeys = capitalizedKeys
            self.keys = keys
        }

        /// The entry of `key`, if a token has it.
        func entry(_ key: String) -> Entry? { numbering.number(of: key).map { entries[$0] } }

        /// The entry of the key of UTF-8 `bytes`, whose `FNV1a.hash` is `hash`, if a token has it.
        func entry(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Entry? {
            numbering.number(ofBytes: bytes, hash: hash).map { entries[$0] }
        }

        private static let memoKey = MemoKey("vocabulary")

        static func of(_ document: Document) -> Part {
            document.memo.value(memoKey, from: document) { Part($0) }
        }
    }

    /// The documents' words, in the documents' order (the first document's, then the others'): what
    /// the documents write together is what the first of them to write it writes. (The first apart,
    /// so that a vocabulary of one document, or of a source and no other version, makes no array.)
    private let first: Part
    private let rest: [Part]
    /// Adjacent letter pairs "a b" inside one sentence, with at most a comma, dash or full stop of an
    /// abbreviation between them, mapped to the text that joins them as written ("Mr. Brennan").
    var pairs: PairTexts { PairTexts(first: first, rest: rest) }

    /// Whether `test` holds for some document's part, in the documents' order.
    @inline(__always)
    private func somePart(_ test: (Part) -> Bool) -> Bool { test(first) || rest.contains(where: test) }

    /// Whether some word-like token has the key `key`.
    func contains(_ key: String) -> Bool {
        // The key's bytes hashed once, for the filter and the table of every document alike (the
        // filter's bit and the table's slot come of one FNV-1a hash).
        if let found = key.utf8.withContiguousStorageIfAvailable({ contains(bytes: $0, hash: FNV1a.hash($0)) }) { return found }
        let slot = KeyFilter.slot(key)
        return somePart { $0.keys.mayContain(slot) && $0.entry(key) != nil }
    }

    /// Whether some word-like token has the key `key`, whose `FNV1a.hash` is `hash` (a document's
    /// `keyHashes`): `contains(_:)` with no pass over the key's bytes.
    func contains(_ key: String, hash: UInt64) -> Bool {
        let slot = KeyFilter.slot(hash: hash)
        return somePart { $0.keys.mayContain(slot) && $0.numbering.number(of: key, hash: hash) != nil }
    }

    /// False when no word-like token has the key whose `FNV1a.hash` is `hash`: every document's
    /// filter turns it away, with no bytes of the key at hand (a caller that hashes a key it has not
    /// written out, and writes it out only when this says it may be a word).
    func mayContain(hash: UInt64) -> Bool {
        let slot = KeyFilter.slot(hash: hash)
        return somePart { $0.keys.mayContain(slot) }
    }

    /// Whether some word-like token has the key of UTF-8 `bytes` (a slice of a longer key's bytes,
    /// hashed once for every document's filter and table, with no string made of it).
    /// `hash` is the bytes' `FNV1a.hash`.
    func contains(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
        let slot = KeyFilter.slot(hash: hash)
        return somePart { $0.keys.mayContain(slot) && $0.numbering.number(ofBytes: bytes, hash: hash) != nil }
    }

    /// Whether `key` is a proper name: a word written with a capital inside a sentence and never in
    /// lower case.
    func isProperName(_ key: String) -> Bool { properName(key) != nil }

    /// The proper name `key` as first written with its capital, or nil when `key` is none.
    func properName(_ key: String) -> String? {
        // The key's bytes hashed once, for the filters and every document's table alike.
        if let name = key.utf8.withContiguousStorageIfAvailable({ bytes in
            let hash = FNV1a.hash(bytes)
            return properName { $0.entry(bytes: bytes, hash: hash) } slot: { KeyFilter.slot(hash: hash) & 255 }
        }) {
            return name
        }
        return properName { $0.entry(key) } slot: { ProperNameFilter.slot(key) }
    }

    /// Calls `body` with the key of every proper name of the documents (`properName` of the key is
    /// not nil): each key some document writes with a capital inside a sentence and none in lower
    /// case, once a document that writes it so (few words are). A caller that looks for the names in
    /// another text asks this once, rather than `properName` of its every word.
    func forEachProperName(_ body: (String) -> Void) {
        func names(in part: Part) {
            for (number, entry) in part.entries.enumerated() where entry.capitalized != nil && !entry.lowercased {
                let key = part.numbering.keys[number]
                if properName(key) != nil { body(key) }
            }
        }
        names(in: first)
        for part in rest { names(in: part) }
    }

    /// `properName` of the key whose entry in a document's part `entry` gives and whose
    /// `ProperNameFilter` bit `slot` gives.
    private func properName(entry: (Part) -> Entry?, slot: () -> Int) -> String? {
        // A proper name is written with a capital inside a sentence by some document: where no
        // document's filter has the key, it is none.
        let slot = slot()
        guard somePart({ $0.capitalizedKeys.mayContain(slot) }) else { return nil }
        var capitalized: String? = nil
        // Whether `part` tells that the key is no proper name (written in lower case there).
        func lowercased(in part: Part) -> Bool {
            guard let entry = entry(part) else { return false }
            if entry.lowercased { return true }
            if capitalized == nil { capitalized = entry.capitalized }
            return false
        }
        if lowercased(in: first) { return nil }
        for part in rest where lowercased(in: part) { return nil }
        return capitalized
    }

    /// The word-like keys of one document, asked one at a time: its part, made once per document
    /// and kept in its memo (the merged-tokens rule reads the same parts).
    struct DocumentKeys: Sendable {
        private let part: Part

        init(_ document: Document) { part = Part.of(document) }

        /// The distinct keys of the document's word-like tokens, in order of first appearance.
        var keys: [String] { part.numbering.keys }

        /// Whether some word-like token of the document has the key `key`.
        func contains(_ key: String) -> Bool {
            // The key's bytes hashed once, for the filter and the table.
            if let found = key.utf8.withContiguousStorageIfAvailable({ bytes in
                let hash = FNV1a.hash(bytes)
                return part.keys.mayContain(KeyFilter.slot(hash: hash)) && part.entry(bytes: bytes, hash: hash) != nil
            }) {
                return found
            }
            return part.keys.mayContain(KeyFilter.slot(key)) && part.entry(key) != nil
        }
    }

    /// A Bloom filter of one hash over 256 bits, for the few capitalized words of one document: kept
    /// inline (no array to allocate for every document). (Four words inline, not a `SIMD4`, whose
    /// 32-byte alignment made each document's part an aligned allocation.)
    struct ProperNameFilter: Sendable {
        private var bits = InlineArray<4, UInt64>(repeating: 0)

        mutating func insert(_ key: String) {
            let slot = Self.slot(key)
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }

        /// The bit of `key`: `KeyFilter`'s hash of its bytes, folded to this filter's size.
        static func slot(_ key: String) -> Int { KeyFilter.slot(key) & 255 }

        /// False when the key of `slot` is surely none of the keys.
        func mayContain(_ slot: Int) -> Bool { bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }
    }

    /// A Bloom filter of one hash over the keys of one document, by their `KeyFilter.slot`: about
    /// sixteen bits a word, so that few bits are set (up to `KeyFilter.size` bits).
    struct KeyBits: Sendable {
        private var bits: [UInt64]
        private let mask: Int

        init(capacity: Int) {
            var size = 256
            while size < 16 * capacity && size < KeyFilter.size { size <<= 1 }
            bits = [UInt64](filledWith: 0, count: size / 64)
            mask = size - 1
        }

        mutating func insert(_ slot: Int) {
            let bit = slot & mask
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }

        /// False when the key of `slot` (a `KeyFilter.slot`) is surely none of the keys.
        func mayContain(_ slot: Int) -> Bool {
            let bit = slot & mask
            return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
    }

    /// Whether every letter word of `version` stands at its own index among `source`'s tokens as a
    /// word-like token with the same key (the same bytes): then every one is a word of any vocabulary
    /// that holds the source's, and a rule that looks only at words the source does not write has
    /// nothing to read. Most often the version is its source, word for word; another stops at the
    /// count of tokens or the first word that differs.
    static func sourceWritesEveryWord(of version: Document, inPlace source: Document) -> Bool {
        let words = version.tokens, sourceWords = source.tokens
        guard words.count == sourceWords.count else { return false }
        for k in words.indices where words[k].kind == .letters {
            guard sourceWords[k].isWordLike, KeyNumbering.equal(words[k].key, sourceWords[k].key) else { return false }
        }
        return true
    }

    /// The vocabulary of `documents` (at least one): each document's words, made once for the
    /// document and kept in its memo, read in turn.
    init(_ documents: [Document]) {
        self.init(documents[0], others: documents.dropFirst())
    }

    /// The vocabulary of `first` and then `others`, with no array made of them all.
    init(_ first: Document, others: some Collection<Document>) {
        self.first = Part.of(first)
        rest = others.isEmpty ? [] : others.map(Part.of)
    }

    /// The word pairs of the documents, the first document's that writes a pair first.
    struct PairTexts {
        fileprivate let first: Part
        fileprivate let rest: [Part]

        /// The pair `key` ("a b") as written where it first occurs, or nil.
        subscript(key: String) -> String? {
            if let written = first.pairs[key] { return written }
            for part in rest { if let written = part.pairs[key] { return written } }
            return nil
        }
    }

    /// The word pairs of one document, looked up by key: detectors ask for them only about a rare
    /// candidate (a merged or split word, a name in lower case), and most contexts never do.
    ///
    /// A look-up finds the pair's two words by their ids in the document's numbering (`DocumentWords`,
    /// made for the aligner): a pair of which a word is not written at all (most asked) ends at the
    /// numbering, and another is looked for among the tokens' ids, a small array, up to its first
    /// occurrence. Nothing is made for the pairs but the table of a document asked very often.
    ///
    /// It keeps the document's text, tokens and words, not the document: a vocabulary is kept in its
    /// document's memo, and a document held there would never be freed.
    final class Pairs: Sendable {
        private let text: String
        private let tokens: [Token]
        private let words: DocumentWords
        /// The table of every pair, once made; and how many look-ups were answered from the ids
        /// before it was.
        private struct State {
            var table: [String: String]?
            var lookups = 0
        }
        private let state = Mutex(State())
        /// The look-ups answered from the ids before the table is made. One costs a fraction of the
        /// table (no string made but the answer), and most documents are asked about a pair or two; a
        /// long one asked about many gets its table.
        private static let lookupsBeforeTable = 16

        init(_ document: Document, words: DocumentWords) {
            (text, tokens, self.words) = (document.text, document.tokens, words)
        }

        /// The pair `key` ("a b") as written where it first occurs, or nil.
        subscript(key: String) -> String? {
            state.withLock { state in
                if let table = state.table { return table[key] }
                if state.lookups < Self.lookupsBeforeTable {
                    state.lookups += 1
                    return find(key)
                }
                let table = Self.make(text, tokens)
                state.table = table
                return table[key]
            }
        }

        /// What `make` maps `key` to, found by the words' ids: for each space of the key, the words
        /// before and after it, by their bytes in the numbering; where both are written, the first
        /// token of the first whose next word (`nextWord(after:)`) is the second. The first such pair
        /// in the text is the answer. (Keys are in one normal form, where equal keys have equal bytes,
        /// which is how the numbering tells them.)
        func find(_ key: String) -> String? {
            var key = key
            let found = key.withUTF8 { bytes -> (first: Int, next: Int)? in
                var found: (first: Int, next: Int)?
                for space in bytes.indices where bytes[space] == UInt8(ascii: " ") {
                    let left = UnsafeBufferPointer(rebasing: bytes[..<space]), right = UnsafeBufferPointer(rebasing: bytes[(space + 1)...])
                    guard let first = words.ids.number(ofBytes: left, hash: FNV1a.hash(left)),
                          let second = words.ids.number(ofBytes: right, hash: FNV1a.hash(right)) else { continue }
                    // Only before a pair found at another space: a later one is not the first.
                    let end = found?.first ?? tokens.count
                    let (a, b) = (Int32(first), Int32(second))
                    let pair = words.tokenIds.withUnsafeBufferPointer { ids -> (first: Int, next: Int)? in
                        let wanted = SIMD8<Int32>(repeating: a)
                        var index = 0
                        while index < end {
                            // Eight ids at a time past those that are not the first word's (most).
                            if index + 8 <= end,
                               !any(UnsafeRawPointer(ids.baseAddress! + index).loadUnaligned(as: SIMD8<Int32>.self) .== wanted) {
                                index += 8
                                continue
                            }
                            defer { index += 1 }
                            guard ids[index] == a, tokens[index].kind == .letters,
                                  let next = Self.nextWord(after: index, in: tokens), ids[next] == b else { continue }
                            return (index, next)
                        }
                        return nil
                    }
                    if let pair { found = pair }
                }
                return found
            }
            return found.map { Self.written(text, from: tokens[$0.first], to: tokens[$0.next]) }
        }

        /// The text from `first` to `last`, by the bytes the tokens know.
        private static func written(_ text: String, from first: Token, to last: Token) -> String {
            let utf8 = text.utf8
            return String(utf8[utf8.index(utf8.startIndex, offsetBy: first.utf8.lowerBound)
                ..< utf8.index(utf8.startIndex, offsetBy: last.utf8.upperBound)])!
        }

        /// The word pairs of `document` by its words' ids (`DocumentWords`), first id in the high
        /// half, sorted: the pairs the table of `[key]` holds, as numbers (`containsIdPair`). Every
        /// pair of the text: the tests' reference for `idPairs(of:involving:)`, which the casing rule
        /// calls for the pairs of its few words.
        static func idPairs(of document: Document) -> [UInt64] { idPairs(of: document, involving: nil) }

        /// `idPairs(of:)`, of the pairs only that have a word whose id `wanted` marks (all of them
        /// when nil): a caller that asks about a few words' pairs in a long text sorts those, not
        /// every pair. A token is read only where its id, or one of the next two tokens' ids (where
        /// its pair's second word may be), is marked.
        static func idPairs(of document: Document, involving wanted: [Bool]?) -> [UInt64] {
            let tokens = document.tokens, ids = DocumentWords.of(document).tokenIds
            var pairs: [UInt64] = []
            func pair(_ index: Int, _ next: Int) -> UInt64 { UInt64(UInt32(bitPattern: ids[index])) << 32 | UInt64(UInt32(bitPattern: ids[next])) }
            guard let wanted else {
                for index in tokens.indices where tokens[index].kind == .letters {
                    guard let next = nextWord(after: index, in: tokens) else { continue }
                    pairs.append(pair(index, next))
                }
                pairs.sort()
                return pairs
            }
            func isWanted(_ index: Int) -> Bool { index < ids.count && ids[index] >= 0 && wanted[Int(ids[index])] }
            // Whether the token and the next two are wanted, each told once as the window moves on.
            var (here, after) = (isWanted(0), isWanted(1))
            for index in tokens.indices {
                let afterNext = isWanted(index + 2)
                defer { (here, after) = (after, afterNext) }
                guard here || after || afterNext, tokens[index].kind == .letters, let next = nextWord(after: index, in: tokens),
                      here || (next == index + 1 ? after : afterNext) else { continue }
                pairs.append(pair(index, next))
            }
            pairs.sort()
            return pairs
        }

        /// Whether `pairs` (`idPairs(of:)`) holds the pair of ids `first`, `second`.
        static func containsIdPair(_ pairs: [UInt64], _ first: Int, _ second: Int) -> Bool {
            let pair = UInt64(UInt32(first)) << 32 | UInt64(UInt32(second))
            var (low, high) = (0, pairs.count)
            while low < high {
                let middle = (low + high) / 2
                if pairs[middle] < pair { low = middle + 1 } else { high = middle }
            }
            return low < pairs.count && pairs[low] == pair
        }

        /// What may stand between the words of a pair.
        private static let joiners = [",", ".", "-", "–", "—"]

        /// The word that makes a pair with the letter word at `index`: the next word in the same
        /// sentence, past at most one comma, dash or full stop; nil when there is none.
        private static func nextWord(after index: Int, in tokens: [Token]) -> Int? {
            var next = index + 1
            if next < tokens.count, tokens[next].kind == .punctuation, joiners.contains(tokens[next].text) { next += 1 }
            guard next < tokens.count, tokens[next].kind == .letters, tokens[next].sentence == tokens[index].sentence else { return nil }
            return next
        }

        /// Every pair of the text, joined "a b", mapped to its first writing.
        static func make(_ text: String, _ tokens: [Token]) -> [String: String] {
            var pairs: [String: String] = [:]
            // At most a pair a token: room for them all, rather than growing (and rehashing) the table.
            pairs.reserveCapacity(tokens.count)
            for (index, token) in tokens.enumerated() where token.kind == .letters {
                guard let next = nextWord(after: index, in: tokens) else { continue }
                let joined = token.key + " " + tokens[next].key
                if pairs[joined] == nil { pairs[joined] = written(text, from: token, to: tokens[next]) }
            }
            return pairs
        }
    }
}
