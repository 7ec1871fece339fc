import Synchronization

/// Which words of a document may start a form of each structured lexicon (countries, entities,
/// titles, …) in a language: the first keys of every kind's forms together, each with the kinds it
/// starts forms of. A document's words are looked up here once for all the kinds; each kind's
/// phrases then look up only the words marked for it. A class: contexts hand it over by one reference.
final class FormStarts: Sendable {
    /// The first keys of every kind's forms, numbered: a word's key is hashed once here, and its
    /// number then reads the kinds and each kind's forms.
    private let numbering: KeyNumbering
    /// The kinds whose forms start with each numbered key, one bit a kind (the bit of its slot).
    private let kinds: [UInt16]
    /// For each structured kind (at its slot) the forms that start with each numbered key, longest
    /// first (empty where none does).
    private let starting: [[[LexiconPhrases.Form]]]
    /// The phrases of each structured kind in this language, at the kind's slot (`slot(of:)`).
    private let phrases: [LexiconPhrases]
    /// The key a document's mentions are kept under in its memo: one fixed key for the lexicons and
    /// the language (`memoKey(named:)`), whose value sits at its number in the memo's array. A string
    /// key was hashed for every document, and made each document's memo a table of string keys for
    /// it alone. Nil past the fixed keys' limit: then the string key, `memoName`.
    private let memoKey: MemoKey?
    private let memoName: String
    /// The numbered keys: most words start no form, and reading a bit costs less than looking the
    /// word up in the numbering.
    private let filter: KeyFilter

    private init(numbering: KeyNumbering, kinds: [UInt16], phrases: [LexiconPhrases], memoName: String) {
        precondition(kinds.count == numbering.keys.count, "the kinds of each numbered key")
        self.numbering = numbering
        self.kinds = kinds
        self.phrases = phrases
        self.memoName = memoName
        memoKey = Self.memoKey(named: memoName)
        // Each kind's lists put at their keys' numbers, its table read in order rather than asked for
        // every key.
        starting = phrases.map { kindPhrases in
            var lists = [[LexiconPhrases.Form]](repeating: [], count: kinds.count)
            for (key, list) in kindPhrases.formsByFirstKey { lists[numbering.number(of: key)!] = list }
            return lists
        }
        filter = KeyFilter(numbering.keys)
    }

    /// The keys of the table the filter would wrongly turn away (none: a test checks).
    func filteredOut() -> [String] { numbering.keys.filter { !filter.mayContain($0) } }

    /// The starts of `language` in `lexicons`, made once for the lexicons.
    static func of(_ lexicons: Lexicons, language: String) -> FormStarts {
        lexicons.derived.formStarts.value(language) {
            var numbering = KeyNumbering()
            var kinds: [UInt16] = []
            var phrases: [LexiconPhrases] = []
            for (slot, kind) in structuredKinds.enumerated() {
                let kindPhrases = LexiconPhrases.cached(kind, lexicons: lexicons, language: language)
                phrases.append(kindPhrases)
                for key in kindPhrases.formsByFirstKey.keys {
                    let number = numbering.number(key)
                    if number == kinds.count { kinds.append(0) }
                    kinds[number] |= 1 << UInt16(slot)
                }
            }
            return FormStarts(numbering: numbering, kinds: kinds, phrases: phrases,
                              memoName: "form-starts|\(lexicons.derived.id)|\(language)")
        }
    }

    /// The fixed memo keys made so far, by name: starts made again for the same lexicons and language
    /// (past the lexicons' cache of starts, which keeps 256 languages) keep their mentions under the
    /// same key. Every key made takes a new number for good, and a memo's array reaches the highest
    /// number asked of it: past `memoKeyLimit` names (a feed of endless language tags) the mentions
    /// are kept under a string key instead, and memory stays flat.
    private static let memoKeys = Mutex<[String: MemoKey]>([:])
    static let memoKeyLimit = 256

    private static func memoKey(named name: String) -> MemoKey? {
        memoKeys.withLock { keys in
            if let key = keys[name] { return key }
            guard keys.count < memoKeyLimit else { return nil }
            let key = MemoKey(name)
            keys[name] = key
            return key
        }
    }

    /// The structured kinds, in the order of `LexiconKind.allCases`: a kind's slot is its place here,
    /// which indexes the bits of the marks, the phrase tables and each document's mentions (the
    /// flat kinds take none: no empty entry is made for them in every document).
    static let structuredKinds: [LexiconKind] = LexiconKind.allCases.filter(\.isStructured)

    /// The slot of `kind`, a structured kind.
    static func slot(of kind: LexiconKind) -> Int {
        guard let slot = structuredKinds.firstIndex(of: kind) else { preconditionFailure("\(kind) is not structured") }
        return slot
    }

    /// The phrases of the structured kind at `slot`.
    func phrases(at slot: Int) -> LexiconPhrases { phrases[slot] }

    /// The mentions of every structured kind in `document`, at each kind's slot. Made once per
    /// document: every context reading the document asks for several kinds, and one pass over the
    /// marked words serves them all.
    func mentions(in document: Document) -> [[LexiconPhrases.Mention]] {
        guard let memoKey else { return document.memo.value(memoName, from: document, findMentions) }
        return document.memo.value(memoKey, from: document, findMentions)
    }

    /// The mentions of every structured kind in `document`, found (see `mentions(in:)`).
    private func findMentions(in document: Document) -> [[LexiconPhrases.Mention]] {
        // The marks and the tokens marked for any kind, listed once for all the kinds (most words
        // start no form), in room on the stack: a mark a token, at most one place.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: document.tokens.count) { room in
            marks(in: document, into: room)
            let marks = UnsafeBufferPointer(room)
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: marks.count) { room in
                // The kinds marked anywhere, too: a kind marked nowhere (most, in a short text)
                // mentions nothing, and its phrases are not asked.
                var count = 0, markedKinds: UInt64 = 0
                for k in marks.indices where marks[k] & 0xFFFF != 0 {
                    (room.baseAddress! + count).initialize(to: k)
                    count += 1
                    markedKinds |= marks[k]
                }
                let marked = UnsafeBufferPointer(rebasing: room[..<count])
                // Most texts mention no form of any kind (a marked word, "the", starts only longer
                // forms): their answer is the one shared list of empty lists, with no list made.
                var found: [[LexiconPhrases.Mention]]?
                for slot in phrases.indices where markedKinds & 1 << UInt64(slot) != 0 {
                    let mentions = phrases[slot].mentions(in: document, marks: marks, marked: marked, bit: 1 << UInt64(slot),
                                                          starting: starting[slot])
                    guard !mentions.isEmpty else { continue }
                    if found == nil { found = Self.noMentions }
                    found![slot] = mentions
                }
                return found ?? Self.noMentions
            }
        }
    }

    /// No mention of any kind: an empty list at every kind's slot, made once and shared.
    private static let noMentions = [[LexiconPhrases.Mention]](repeating: [], count: structuredKinds.count)

    /// For each token of `document`, its mark: in the low 16 bits, the kinds whose forms may start
    /// there (those of every key `LexiconPhrases.lookUp` may try for the word); in the high 32, one
    /// more than the number of the word's key where that is the one key tried and a form starts
    /// with it (else 0). One array for both: one allocation a document.
    private func marks(in document: Document, into marks: UnsafeMutableBufferPointer<UInt64>) {
        // By index: a copy of each token (its text and key retained) would cost as much as its look-up.
        let tokens = document.tokens
        // The tables as local constants: the look-up's closure then reads them in place, where
        // reading them through `self` copied (retained and released) the table for every word.
        let kinds = kinds, filter = filter, numbering = numbering
        precondition(marks.count == tokens.count, "a mark a token")
        marks.initialize(repeating: 0)
        let apostrophe = UInt8(ascii: "'")
        for k in tokens.indices where tokens[k].isWordLike {
            let key = tokens[k].key
            // Whether the key has an apostrophe; and without one (most words), its mark: the look-up
            // then tries the word's own key alone, weighed here with no closure to call, its bytes
            // hashed once for both the filter's bit and the numbering's table.
            let plain = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard !bytes.contains(apostrophe) else { return false }
                let hash = FNV1a.hash(bytes)
                if filter.mayContain(slot: KeyFilter.slot(hash: hash)), let number = numbering.number(ofBytes: bytes, hash: hash) {
                    marks[k] = UInt64(kinds[number]) | UInt64(number + 1) << 32
                }
                return true
            } ?? {
                guard !key.utf8.contains(apostrophe) else { return false }
                if filter.mayContain(key), let number = numbering.number(of: key) {
                    marks[k] = UInt64(kinds[number]) | UInt64(number + 1) << 32
                }
                return true
            }()
            if plain { continue }
            var mark: UInt16 = 0
            func weigh(_ key: String) {
                if filter.mayContain(key), let number = numbering.number(of: key) { mark |= kinds[number] }
            }
            // An ASCII key without a carriage return (most), where each character is a byte: the keys
            // `lookUp` tries, cut from its bytes.
            if let ascii = key.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
                guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return false }
                weigh(key)
                let count = bytes.count
                if count >= 2 && bytes[count - 2] == apostrophe && bytes[count - 1] == UInt8(ascii: "s") {
                    weigh(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(count - 2)]), as: UTF8.self))
                }
                if let first = bytes.firstIndex(of: apostrophe), first <= 4 {
                    weigh(String(decoding: UnsafeBufferPointer(rebasing: bytes[(first + 1)...]), as: UTF8.self))
                }
                return true
            }), ascii {
                marks[k] = UInt64(mark)
                continue
            }
            _ = LexiconPhrases.lookUp(key) { key -> Void? in
                weigh(key)
                return nil  // every key the look-up may try
            }
            marks[k] = UInt64(mark)
        }
    }
}
