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
    /// The kinds with a form of one word that is each numbered key, one bit a kind: at a word whose
    /// next word can be no form's second word, only these kinds may have a form.
    private let singleWordKinds: [UInt16]
    /// The keys of every kind's forms' words after the first (`LexiconPhrases`' continuations of
    /// all the kinds together): a word that none of them may follow starts no form of two words.
    private let continuations: KeyFilter
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
        precondition(phrases.count <= 15, "a kind's bit among the 15 that `marks` keeps for the kinds with forms of one word")
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
        singleWordKinds = Self.singleWordKinds(starting, count: kinds.count)
        // (The keys gathered by plain loops: a chain of lazy views costs a search of the runtime's
        // conformance tables, more than the loops.)
        var continuing: [String] = []
        for kindPhrases in phrases {
            for list in kindPhrases.formsByFirstKey.values {
                for form in list where form.keys.count > 1 { continuing.append(contentsOf: form.keys[1...]) }
            }
        }
        continuations = KeyFilter(continuing)
    }

    /// For each numbered key, the kinds (bits of their slots) of which `starting` lists a form of
    /// that one word.
    private static func singleWordKinds(_ starting: [[[LexiconPhrases.Form]]], count: Int) -> [UInt16] {
        var kinds = [UInt16](repeating: 0, count: count)
        for (slot, lists) in starting.enumerated() {
            for (number, list) in lists.enumerated() where list.contains(where: { $0.keys.count == 1 }) {
                kinds[number] |= 1 << UInt16(slot)
            }
        }
        return kinds
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
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: document.tokens.count) { marksRoom in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: marksRoom.count) { room in
                // The kinds marked anywhere, too: a kind marked nowhere (most, in a short text)
                // mentions nothing, and its phrases are not asked.
                let (count, markedKinds) = marks(in: document, into: marksRoom, marked: room)
                let marks = UnsafeBufferPointer(marksRoom)
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

    /// Whether `key`, a small string (up to fifteen bytes, held in the string's own two words: most
    /// keys), holds an apostrophe, told from those words (`_StringObject`'s small form: the bytes in
    /// order from the first word's low byte, the unused ones zero, the count and flags in the second
    /// word's top byte); nil for another string.
    @inline(__always)
    static func smallKeyHasApostrophe(_ key: String) -> Bool? {
        let (low, high) = unsafeBitCast(key, to: (UInt64, UInt64).self)
        // Bit 61 of the second word marks a small string.
        guard high & (1 << 61) != 0 else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, apostrophes: UInt64 = 0x2727_2727_2727_2727
        // The top byte (the count and flags) cleared: a zero byte, never an apostrophe.
        let x = low ^ apostrophes, y = (high & 0x00FF_FFFF_FFFF_FFFF) ^ apostrophes
        return ((x &- ones) & ~x | (y &- ones) & ~y) & highs != 0
    }

    /// Whether UTF-8 `bytes` hold an apostrophe (`bytes.contains(0x27)`), told a machine word at a
    /// time: `marks` asks it of every word, and a key of 4 to 16 bytes (most) is read as two
    /// overlapping words, each tested for the byte at once, where the byte-by-byte search cost more
    /// than the word's look-up.
    @inline(__always)
    static func containsApostrophe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 4, count <= 16, let start = bytes.baseAddress else { return bytes.contains(0x27) }
        let raw = UnsafeRawPointer(start)
        let word: UInt64, other: UInt64
        if count >= 8 {
            word = raw.loadUnaligned(as: UInt64.self)
            other = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self)), high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            word = low | high << 32
            other = word
        }
        // A byte of `x` is zero exactly where the word has the apostrophe; `(x - 0x01…) & ~x & 0x80…`
        // is nonzero exactly when some byte of `x` is zero.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, apostrophes: UInt64 = 0x2727_2727_2727_2727
        let x = word ^ apostrophes, y = other ^ apostrophes
        return ((x &- ones) & ~x | (y &- ones) & ~y) & highs != 0
    }

    /// For each token of `document`, its mark: in the low 16 bits, the kinds whose forms may start
    /// there (those of every key `LexiconPhrases.lookUp` may try for the word); in the high 32, one
    /// more than the number of the word's key where that is the one key tried and a form starts
    /// with it (else 0). One array for both: one allocation a document. The indices of the tokens
    /// marked for a kind go to the start of `marked`, in order: their count is returned, with the
    /// kinds marked anywhere (bits of their slots).
    ///
    /// A kind is marked at a word only where a form of it may be found there: where it has a form of
    /// that one word, or where the next word (or the one after a punctuation mark there) may be a
    /// form's second word (`continuations`). Its forms of two words or more need that word, and
    /// `LexiconPhrases.mentions` finds none where it is not; a word marked for no kind is not tried
    /// (most of the words a form starts with, "the", "of", start only forms of several words). The
    /// test is wider than the mentions' own, which stop at the sentence's end and ask a kind's own
    /// words: it marks more, never less.
    private func marks(in document: Document, into marks: UnsafeMutableBufferPointer<UInt64>,
                       marked: UnsafeMutableBufferPointer<Int>) -> (count: Int, kinds: UInt64) {
        // By index: a copy of each token (its text and key retained) would cost as much as its look-up.
        let tokens = document.tokens, hashes = document.keyHashes
        // The tables as local constants: the look-up's closure then reads them in place, where
        // reading them through `self` copied (retained and released) the table for every word.
        let kinds = kinds, singleWordKinds = singleWordKinds, filter = filter, numbering = numbering, continuations = continuations
        precondition(marks.count == tokens.count, "a mark a token")
        marks.initialize(repeating: 0)
        let apostrophe = UInt8(ascii: "'")
        // While the marks are found, bits 16 to 30 hold the kinds with a form of the word alone, and
        // bit 31 whether the word may be a form's second word (told from the hash of its key made for
        // its look-up; of another token, where it is asked, from its key).
        let continuing: UInt64 = 1 << 31
        func mark(_ kinds: UInt16, single: UInt16, number: Int = -1) -> UInt64 {
            UInt64(kinds) | UInt64(single) << 16 | UInt64(number + 1) << 32
        }
        for k in tokens.indices where tokens[k].isWordLike {
            let key = tokens[k].key
            // A small key (most) without an apostrophe whose filter bit is clear (most words start no
            // form) is told by its hash and its string's own bits alone, with no look at its bytes:
            // only its continuation bit is set. (Its bytes were copied out of the string for every word.)
            if let apostrophe = Self.smallKeyHasApostrophe(key), !apostrophe {
                let slot = KeyFilter.slot(hash: hashes[k])
                if !filter.mayContain(slot: slot) {
                    if continuations.mayContain(slot: slot) { marks[k] = continuing }
                    continue
                }
            }
            // Whether the key has an apostrophe; and without one (most words), its mark: the look-up
            // then tries the word's own key alone, weighed here with no closure to call, by the hash
            // its document keeps of it (`keyHashes`) for the continuations' bit, the filter's bit and
            // the numbering's table.
            let plain = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                let hash = hashes[k]
                let slot = KeyFilter.slot(hash: hash)
                if continuations.mayContain(slot: slot) { marks[k] = continuing }
                guard !Self.containsApostrophe(bytes) else { return false }
                if filter.mayContain(slot: slot), let number = numbering.number(ofBytes: bytes, hash: hash) {
                    marks[k] |= mark(kinds[number], single: singleWordKinds[number], number: number)
                }
                return true
            } ?? {
                if continuations.mayContain(key) { marks[k] = continuing }
                guard !key.utf8.contains(apostrophe) else { return false }
                if filter.mayContain(key), let number = numbering.number(of: key) {
                    marks[k] |= mark(kinds[number], single: singleWordKinds[number], number: number)
                }
                return true
            }()
            if plain { continue }
            var found: UInt16 = 0, single: UInt16 = 0
            func weigh(_ key: String) {
                if filter.mayContain(key), let number = numbering.number(of: key) {
                    found |= kinds[number]
                    single |= singleWordKinds[number]
                }
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
                marks[k] |= mark(found, single: single)
                continue
            }
            _ = LexiconPhrases.lookUp(key) { key -> Void? in
                weigh(key)
                return nil  // every key the look-up may try
            }
            marks[k] |= mark(found, single: single)
        }
        func mayBeSecond(_ k: Int) -> Bool {
            tokens[k].isWordLike ? marks[k] & continuing != 0 : continuations.mayContain(tokens[k].key)
        }
        // The kinds kept at each marked word (bits 16 to 31 cleared), and the words marked for one.
        // (An unmarked token's bits 16 to 31 are left: nothing reads its mark.)
        var count = 0, markedKinds: UInt64 = 0
        for k in marks.indices {
            let found = UInt16(truncatingIfNeeded: marks[k])
            guard found != 0 else { continue }
            let single = UInt16(truncatingIfNeeded: marks[k] >> 16) & 0x7FFF
            var kept = found
            if found & ~single != 0 {
                let next = k + 1
                let mayContinue = next < marks.count
                    && (mayBeSecond(next) || tokens[next].kind == .punctuation && next + 1 < marks.count && mayBeSecond(next + 1))
                if !mayContinue { kept = found & single }
            }
            marks[k] = kept == 0 ? 0 : marks[k] & 0xFFFF_FFFF_0000_0000 | UInt64(kept)
            guard kept != 0 else { continue }
            (marked.baseAddress! + count).initialize(to: k)
            count += 1
            markedKinds |= UInt64(kept)
        }
        return (count, markedKinds)
    }
}
