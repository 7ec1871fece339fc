import MTAuditText
import Synchronization

/// The forms of a structured lexicon (countries, titles, date-time words) found in a document's
/// tokens, longest first, each with the identities it stands for. A class: each context's mentions
/// hand the tables over, and a reference is one count to keep where a copy of the tables was three.
final class LexiconPhrases: Sendable {
    /// One place a form stands in a document.
    struct Mention: Sendable {
        /// The tokens matched, as indices into `Document.tokens`.
        let tokens: Range<Int>
        let span: TextSpan
        let sentence: Int
        /// The entry ids the form belongs to (one word may name two: "Korean").
        let ids: Set<String>
        /// The field it was found in ("adjectives", "prefixes").
        let field: String
    }

    /// One form: its words' keys, the case each asks, the identities it names. A class, so that
    /// trying a word's candidate forms hands each over by one reference.
    final class Form: Sendable {
        let keys: [String]
        /// For each key: 0 any case, 1 capitalized, 2 all capitals.
        let cases: [UInt8]
        let ids: Set<String>
        let field: String
        /// Whether `field` is "prefixes": such a form counts only before a hyphen.
        let isPrefix: Bool

        init(keys: [String], cases: [UInt8], ids: Set<String>, field: String) {
            self.keys = keys
            self.cases = cases
            self.ids = ids
            self.field = field
            isPrefix = field == "prefixes"
        }
    }

    /// The class of each entry id (merged over files; the first class given wins).
    let classes: [String: String]
    /// Forms by their first key, longest first.
    private let forms: [String: [Form]]
    /// The keys of the forms' words after the first: a word that none of them may be cannot go on a
    /// form of two words or more, told by a bit before any of those forms is tried.
    private let continuations: KeyFilter
    /// Every word of every form ("deputy", "secretary", "state" of the titles): the words a rule may
    /// leave to the lexicon's own rule even where they stand alone. Made at the first question (the
    /// rules ask the titles' alone, and seldom), then kept.
    var vocabulary: Set<String> {
        vocabularyTable.withLock { table in
            if let table { return table }
            // Room made first: a set made from the joined keys grows (and rehashes) again and again.
            var vocabulary = Set<String>(minimumCapacity: forms.count)
            for list in forms.values {
                for form in list {
                    for key in form.keys { vocabulary.insert(key) }
                }
            }
            table = vocabulary
            return vocabulary
        }
    }
    private let vocabularyTable = Mutex<Set<String>?>(nil)

    /// Between the words of a form, a text may write one of these: "Secretary-General", "Lt. Gen.".
    private static let joiners: Set<String> = ["-", "‐", "–", "—", "."]

    /// The forms of `fields` of `entries` in `language` (a subtag; "und" for all). A form written
    /// with a capital matches only a capitalized word ("Turkey", not "turkey"); forms in capitals
    /// ("US", "PM") need capitals.
    convenience init(entries: [LexiconEntry], fields: [String], language: String) {
        self.init(fields: fields, entryCount: entries.count) { entry, form in
            for item in entries {
                entry(item.id, item.entryClass)
                for (number, field) in fields.enumerated() {
                    for written in item.forms(field, language: language) { form(number, written) }
                }
            }
        }
    }

    /// The forms of `fields` of the entries of the files of `kind` in `archive` in `language`: what
    /// `init(entries:fields:language:)` makes of those files unpacked, read from the packed bytes
    /// (`PackedLexiconArchive.forEachForm`), with no dictionary of every language's forms made
    /// for each entry. `language` must be ASCII (a subtag, or "und").
    convenience init(archive: PackedLexiconArchive, kind: LexiconKind, fields: [String], language: String) {
        let files = (0..<archive.count).filter { archive.kind(ofFile: $0) == kind }
        self.init(fields: fields, entryCount: files.reduce(0) { $0 + archive.entryCount(ofFile: $1) }) { entry, form in
            for file in files { archive.forEachForm(ofFile: file, fields: fields, language: language, entry: entry, form: form) }
        }
    }

    /// The tables of the forms `walk` gives: it calls its first argument with each entry's id and
    /// class, in order, then its second with the number in `fields` of each of that entry's forms
    /// and the form, field by field in the order of `fields`. `entryCount` entries in all.
    private init(fields: [String], entryCount: Int,
                 walk: (_ entry: (String, String?) -> Void, _ form: (Int, String) -> Void) -> Void) {
        // Room made first for an entry's class and two first words each (most entries have several
        // forms): the tables grow (and rehash) less often.
        var classes: [String: String] = [:]
        classes.reserveCapacity(entryCount)
        // Forms by their first key: a form is found among the few that share its first word, by
        // hashing that word, not its whole list of words.
        var forms: [String: [Form]] = [:]
        forms.reserveCapacity(2 * entryCount)
        // The entry's id as a set once, for all its forms (and only where it has forms in the language).
        var entryID = ""
        var entryIDs: Set<String>?
        walk({ id, entryClass in
            entryID = id
            entryIDs = nil
            // The first class given for an id wins.
            if let entryClass, classes[id] == nil { classes[id] = entryClass }
        }, { number, written in
            guard let (keys, cases) = Self.keysAndCases(written) else { return }
            let ids = entryIDs ?? [entryID]
            entryIDs = ids
            // A form listed under two entries names both ("Korea", "Brussels"). The list of forms
            // sharing the first key is changed in place: its key hashed once, not up to thrice.
            Self.add(keys: keys, cases: cases, ids: ids, field: fields[number], to: &forms[keys[0], default: []])
        })
        // Each form's words joined once, not again for every comparison.
        for (key, list) in forms where list.count > 1 {
            let sorted = list.map { (form: $0, joined: $0.keys.joined(separator: " ")) }
                .sorted { ($0.form.keys.count, $0.joined) > ($1.form.keys.count, $1.joined) }
            forms[key] = sorted.map(\.form)
        }
        self.classes = classes
        self.forms = forms
        continuations = KeyFilter(forms.values.lazy.joined().flatMap { $0.keys.dropFirst() })
    }

    /// Adds a form to `list`, the forms with its first key, or merges it into the form there with the
    /// same keys: the ids of both, and the laxer case for each word.
    private static func add(keys: [String], cases: [UInt8], ids: Set<String>, field: String, to list: inout [Form]) {
        if let at = list.firstIndex(where: { $0.keys == keys }) {
            let known = list[at]
            list[at] = Form(keys: keys, cases: zip(known.cases, cases).map { min($0, $1) },
                            ids: known.ids.union(ids), field: known.field)
        } else {
            list.append(Form(keys: keys, cases: cases, ids: ids, field: field))
        }
    }

    /// The matching keys of a form's words (`pieces`) and the case each asks (`casing`), nil for a
    /// form without words. The tables of a language are made of every form of its lexicons: an ASCII
    /// form (most) is read from its bytes once, each word's key folded from them and its case told
    /// by them, with no list of the words' strings made between.
    static func keysAndCases(_ form: String) -> (keys: [String], cases: [UInt8])? {
        if let made = form.utf8.withContiguousStorageIfAvailable({ bytes -> (keys: [String], cases: [UInt8])? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            // Room for every word at once (counted first): a form of several words grew its lists twice.
            var count = 0
            forEachASCIIPiece(of: bytes) { _ in count += 1 }
            guard count > 0 else { return ([], []) }
            var keys: [String] = [], cases: [UInt8] = []
            keys.reserveCapacity(count)
            cases.reserveCapacity(count)
            forEachASCIIPiece(of: bytes) { piece in
                keys.append(Normalizer.matchingKey(String(decoding: piece, as: UTF8.self), utf8: piece))
                cases.append(asciiCasing(piece))
            }
            return (keys, cases)
        }) ?? nil {
            return made.keys.isEmpty ? nil : made
        }
        let pieces = pieces(form)
        guard !pieces.isEmpty else { return nil }
        return (pieces.map { Normalizer.matchingKey($0) }, pieces.map(casing))
    }

    /// Calls `body` with the bytes of each word of an ASCII form, as `pieces` cuts it: there each
    /// character is a byte (a CR LF pair, the one two-byte character, is white space either way), and
    /// the only dash is the hyphen. The pieces between separators, each without its final full
    /// stops, the empty ones left out.
    private static func forEachASCIIPiece(of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        func cut(at end: Int) {
            var last = end
            while last > start && bytes[last - 1] == UInt8(ascii: ".") { last -= 1 }
            if last > start { body(UnsafeBufferPointer(rebasing: bytes[start..<last])) }
            start = end + 1
        }
        for k in bytes.indices where bytes[k] == 0x20 || (0x09...0x0D).contains(bytes[k]) || bytes[k] == UInt8(ascii: "-") {
            cut(at: k)
        }
        cut(at: bytes.count)
    }

    /// A form's words as the segmenter cuts them: at spaces and hyphens, without a final full stop
    /// ("U.S." is the word "U.S" and a stop).
    static func pieces(_ form: String) -> [String] {
        // An ASCII form by its bytes (most forms).
        if let pieces = form.utf8.withContiguousStorageIfAvailable({ bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var pieces: [String] = []
            forEachASCIIPiece(of: bytes) { pieces.append(String(decoding: $0, as: UTF8.self)) }
            return pieces
        }) ?? nil {
            return pieces
        }
        if let pieces = scalarPieces(form) { return pieces }
        return form.split(whereSeparator: isPieceSeparator).compactMap { piece in
            var text = String(piece)
            while text.hasSuffix(".") { text.removeLast() }
            return text.isEmpty ? nil : text
        }
    }

    /// `pieces` of a form outside ASCII cut at its scalars, without the cost of finding its characters;
    /// nil where that could differ from cutting at characters: where a separator or a final full stop
    /// stands next to a scalar that might join it into a larger character (a combining mark after
    /// it, a prepended sign before it). Scalars below U+0300 and cased letters ("Соединённые
    /// Штаты") never do; below U+0300 only CR LF is one character of two scalars, both white space.
    private static func scalarPieces(_ form: String) -> [String]? {
        let view = form.unicodeScalars
        let scalars = Array(view)
        let positions = Array(view.indices) + [view.endIndex]
        func isSeparator(_ scalar: Unicode.Scalar) -> Bool { isDash(scalar) || isWhiteSpace(scalar) }
        /// Whether the scalar at `k`, if any, may join a neighbouring separator or full stop into one
        /// character.
        func mayJoin(_ k: Int) -> Bool {
            guard k >= 0 && k < scalars.count && scalars[k].value >= 0x300 && !isSeparator(scalars[k]) else { return false }
            switch scalars[k].properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter: return false
            default: return true
            }
        }
        var pieces: [String] = []
        var start = 0
        for k in 0...scalars.count where k == scalars.count || isSeparator(scalars[k]) {
            if k < scalars.count && (mayJoin(k - 1) || mayJoin(k + 1)) { return nil }
            var end = k
            while end > start && scalars[end - 1] == "." {
                if end - 2 >= start && mayJoin(end - 2) { return nil }
                end -= 1
            }
            if end > start { pieces.append(String(view[positions[start]..<positions[end]])) }
            start = k + 1
        }
        return pieces
    }

    /// Unicode's White_Space property (`properties.isWhitespace`), from its list of 25 scalars (a
    /// stable property), with no look-up in the property tables: every scalar of a form outside ASCII
    /// is asked.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether a character of a form outside ASCII parts its words: white space or a dash. The
    /// dashes are single scalars that nothing else is canonically equivalent to, so a one-scalar test
    /// says what comparing the characters says, without the comparison's normalization.
    private static func isPieceSeparator(_ character: Character) -> Bool {
        if character.isWhitespace { return true }
        var scalars = character.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil else { return false }
        return isDash(scalar)
    }

    /// The dashes that join the words of a form: "-", "‐", "–", "—".
    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010, 0x2013, 0x2014: true
        default: false
        }
    }

    /// `casing` of an ASCII piece of UTF-8 `bytes`, where the letters are A to Z and a to z.
    static func asciiCasing(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var letters = 0
        var allCapitals = true
        for byte in bytes {
            let capital = (0x41...0x5A).contains(byte)
            guard capital || (0x61...0x7A).contains(byte) else { continue }
            if letters == 0 && !capital { return 0 }
            letters += 1
            allCapitals = allCapitals && capital
        }
        guard letters > 0 else { return 0 }
        return letters >= 2 && allCapitals ? 2 : 1
    }

    /// 0 when the piece's first letter is not a capital (or it has none), 2 when it has two letters or
    /// more, all capitals, else 1. One pass over the scalars, with no string of its letters made.
    static func casing(_ piece: String) -> UInt8 {
        var letters = 0
        var allCapitals = true
        for scalar in piece.unicodeScalars where scalar.hasAlphabeticProperty {
            let capital = scalar.hasUppercaseProperty
            if letters == 0 && !capital { return 0 }
            letters += 1
            allCapitals = allCapitals && capital
        }
        guard letters > 0 else { return 0 }
        return letters >= 2 && allCapitals ? 2 : 1
    }

    /// Whether a word written `text` has the case `casing` asks of a form's word.
    private func fits(_ text: String, _ casing: UInt8) -> Bool {
        // Most forms take any case: say so before looking at the letters.
        guard casing != 0 else { return true }
        // An ASCII word by its bytes (most words), each its own scalar; the same tests as below.
        if let fit = text.utf8.withContiguousStorageIfAvailable({ Self.asciiFits($0, casing) }) ?? nil { return fit }
        var scalars = Substring(text).unicodeScalars[...]
        // After an elided article, the word itself: "l'Argentine".
        if let apostrophe = scalars.prefix(5).lastIndex(where: { $0 == "'" || $0 == "’" }) {
            scalars = scalars[scalars.index(after: apostrophe)...]
        }
        let letters = scalars.lazy.filter(\.hasAlphabeticProperty)
        return casing == 2 ? letters.allSatisfy { !$0.hasLowercaseProperty } : letters.first?.hasLowercaseProperty == false
    }

    /// `fits` for a word of ASCII `bytes` (nil for another word): after an elided article, every
    /// letter a capital (casing 2) or the first one (casing 1).
    private static func asciiFits(_ bytes: UnsafeBufferPointer<UInt8>, _ casing: UInt8) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let lowercase: ClosedRange<UInt8> = 0x61...0x7A, uppercase: ClosedRange<UInt8> = 0x41...0x5A
        let start = bytes.prefix(5).lastIndex(of: UInt8(ascii: "'")).map { $0 + 1 } ?? 0
        let letters = bytes[start...].lazy.filter { lowercase.contains($0) || uppercase.contains($0) }
        return casing == 2 ? letters.allSatisfy { !lowercase.contains($0) } : letters.first.map { !lowercase.contains($0) } ?? false
    }

    /// The mentions in `document`, sentence by sentence, longest form first and without overlaps.
    /// A form of the `prefixes` field counts only before a hyphen ("Sino-"). Only the tokens whose
    /// `marks` (`FormStarts`) have `bit` set, those where a form of these phrases' kind may
    /// start, are looked up. `FormStarts.mentions(in:)` keeps them for the document.
    ///
    /// A mark's high 32 bits give one more than the number of the word's key among the first keys of
    /// `FormStarts` (0 when the word is looked up by its key: one with an apostrophe), and `starting`
    /// the forms that start with each numbered key: a marked word's candidates are read there, not
    /// found by hashing its key.
    ///
    /// `marked` are the tokens with a mark for any kind, in order: the few a form may start at.
    func mentions(in document: Document, marks: UnsafeBufferPointer<UInt64>, marked: UnsafeBufferPointer<Int>, bit: UInt64,
                  starting: [[Form]]) -> [Mention] {
        precondition(marks.count == document.tokens.count, "one mark a token")
        var mentions: [Mention] = []
        let tokens = document.tokens
        // Only marked words can start a form, and a form ends in its sentence: go from one marked word
        // to the next (past the words a form took), not through every word of every sentence.
        var next = 0
        for k in marked where k >= next && marks[k] & bit != 0 {
            let sentence = tokens[k].sentence
            let end = document.sentences[sentence].tokens.upperBound
            let number = Int(marks[k] >> 32) - 1
            let candidates = number >= 0 ? starting[number] : candidates(for: tokens[k].key)
            guard let candidates, let (form, last) = longestForm(at: k, before: end, in: tokens, candidates: candidates,
                                                                 mayContinue: mayContinue(after: k, before: end, in: tokens)) else {
                continue
            }
            mentions.append(Mention(tokens: k..<(last + 1), span: tokens[k].span.union(tokens[last].span),
                                    sentence: sentence, ids: form.ids, field: form.field))
            next = last + 1
        }
        return mentions
    }

    /// The first of `candidates`, the forms that may start at token `k` (longest first), that the
    /// tokens up to `end` write, with the index of its last token.
    ///
    /// Without `mayContinue` only the forms of one word are tried: no form's second word follows.
    private func longestForm(at k: Int, before end: Int, in tokens: [Token], candidates: [Form], mayContinue: Bool) -> (form: Form, last: Int)? {
        for form in candidates {
            guard mayContinue || form.keys.count == 1, fits(tokens[k].text, form.cases[0]) else { continue }
            var at = k
            var ok = true
            for place in form.keys.indices.dropFirst() {
                var next = at + 1
                if next < end, tokens[next].kind == .punctuation, Self.joiners.contains(tokens[next].text),
                   tokens[next].span.start == tokens[at].span.end {
                    next += 1
                }
                guard next < end, tokens[next].key == form.keys[place], fits(tokens[next].text, form.cases[place]) else { ok = false; break }
                at = next
            }
            if ok && form.isPrefix {
                let next = at + 1
                ok = next + 1 < end && tokens[next].kind == .punctuation && "-‐–".contains(tokens[next].text)
                    && tokens[next].span.start == tokens[at].span.end && tokens[next + 1].isWordLike
            }
            if ok { return (form, at) }
        }
        return nil
    }

    /// Whether the word a form's second word would be, after the word at `k` (the next one, or the
    /// one after a joiner there), may be the second word of a form: false when neither can be.
    /// (Both are weighed whatever the joiner: a wider test, never a narrower one, than `longestForm`'s.)
    private func mayContinue(after k: Int, before end: Int, in tokens: [Token]) -> Bool {
        let next = k + 1
        guard next < end else { return false }
        if continuations.mayContain(tokens[next].key) { return true }
        return tokens[next].kind == .punctuation && next + 1 < end && continuations.mayContain(tokens[next + 1].key)
    }

    /// The forms that may start at a word.
    private func candidates(for key: String) -> [Form]? {
        Self.lookUp(key) { forms[$0] }
    }

    /// What `find` gives for the first key a form may start with at a word of key `key`: its own,
    /// its possessive's ("China's"), or that of what follows an elided article ("l'Argentine",
    /// "dell'Italia").
    static func lookUp<Found>(_ key: String, _ find: (String) -> Found?) -> Found? {
        if let found = find(key) { return found }
        // Both other ways need an apostrophe: most words have none.
        // (Over the contiguous bytes: the generic search through the view costs more than the look-up.)
        let apostrophe = UInt8(ascii: "'")
        guard key.utf8.withContiguousStorageIfAvailable({ $0.contains(apostrophe) }) ?? key.utf8.contains(apostrophe) else { return nil }
        // A possessive: "China's".
        if key.hasSuffix("'s"), let found = find(String(key.dropLast(2))) { return found }
        guard let apostrophe = key.firstIndex(of: "'"), key.distance(from: key.startIndex, to: apostrophe) <= 4 else { return nil }
        return find(String(key[key.index(after: apostrophe)...]))
    }

    /// The forms by their first key (longest first), for `FormStarts`.
    var formsByFirstKey: [String: [Form]] { forms }

    /// The ids of `mention` whose class is `entryClass` (all of them for nil).
    func ids(of mention: Mention, class entryClass: String?) -> Set<String> {
        guard let entryClass else { return mention.ids }
        return mention.ids.filter { classes[$0] == entryClass }
    }

    /// The ids of the mentions among `mentions` that overlap `span`: the identities a name there has.
    static func ids(overlapping span: TextSpan, in mentions: [Mention]) -> Set<String> {
        mentions.reduce(into: Set<String>()) { ids, mention in if mention.span.overlaps(span) { ids.formUnion(mention.ids) } }
    }

    /// The phrases of `kind` in a language, made once for each set of lexicon files (the lexicons
    /// keep them), found by a cheap key: this is asked for every document.
    static func cached(_ kind: LexiconKind, lexicons: Lexicons, language: String) -> LexiconPhrases {
        lexicons.derived.phrases.value(CacheKey(kind: kind, language: language)) {
            // The built-in lexicons read in place (most audits): only the language's forms are read.
            if let archive = lexicons.archive, language.utf8.allSatisfy({ $0 < 0x80 }) {
                return LexiconPhrases(archive: archive, kind: kind, fields: LexiconKind.fields(of: kind), language: language)
            }
            return LexiconPhrases(entries: lexicons.files(of: kind).flatMap(\.entries), fields: LexiconKind.fields(of: kind),
                                  language: language)
        }
    }

    struct CacheKey: Hashable, Sendable {
        let kind: LexiconKind
        let language: String
    }

    /// The language whose forms are looked for in `document`: its declared subtag, else the word
    /// lists' guess, else every language.
    static func language(of document: Document, guess: String?) -> String {
        if document.language == "und" { return guess ?? "und" }
        let declared = Comparability.subtag(document.language)
        if declared != "und" && !declared.isEmpty { return declared }
        return guess ?? "und"
    }

    /// The mentions of one kind in a context's source, version and other versions, with the phrases
    /// of the source's and the version's languages: a view of the context's mentions of every kind
    /// (`Gathered`) at the kind's slot, one reference and a number to hand over.
    struct KindMentions: Sendable {
        private let gathered: Gathered
        /// The slot of the kind (`FormStarts.slot(of:)`).
        private let slot: Int

        fileprivate init(gathered: Gathered, slot: Int) {
            self.gathered = gathered
            self.slot = slot
        }

        var source: [Mention] { gathered.source?[slot] ?? [] }
        var version: [Mention] { gathered.version?[slot] ?? [] }
        /// Each other version's, in the context's order.
        var others: [[Mention]] { gathered.others.isEmpty ? [] : gathered.others[slot] }

        /// The phrases of the source's language.
        var sourcePhrases: LexiconPhrases {
            gathered.sourceStarts?.phrases(at: slot)
                ?? LexiconPhrases.cached(FormStarts.structuredKinds[slot], lexicons: gathered.lexicons, language: gathered.sourceLanguage)
        }

        /// The phrases of the version's language.
        var versionPhrases: LexiconPhrases {
            gathered.versionStarts?.phrases(at: slot)
                ?? LexiconPhrases.cached(FormStarts.structuredKinds[slot], lexicons: gathered.lexicons, language: gathered.versionLanguage)
        }
    }

    /// The mentions of every structured kind in a context's texts, each text's at the kinds' slots
    /// (`FormStarts.mentions(in:)`), with the lexicons and the source's and the version's languages
    /// and starts. One object a context, whatever the kinds asked. A start is nil for a text without
    /// words, whose language's tables are made only if a rule asks for them; so are its mentions.
    ///
    /// The source's mentions are found when a rule first reads them: the rules read the version's
    /// first, and most read the source's only where the version has a mention of their kind (a
    /// date, a country, a title by a name), which most versions lack.
    fileprivate final class Gathered: @unchecked Sendable {
        let lexicons: Lexicons
        let sourceLanguage: String
        let versionLanguage: String
        let sourceStarts: FormStarts?
        let versionStarts: FormStarts?
        let version: [[Mention]]?
        /// For each slot, each other version's mentions of that kind (empty without other versions).
        let others: [[[Mention]]]
        /// The source, whose mentions `source` finds (the document keeps them, `FormStarts.mentions`).
        private let sourceDocument: Document
        /// `source` once found: written once, under `sourceLock`, before `sourceFound` is set (and
        /// read only after it is seen set), never again. (The reason for `@unchecked Sendable`.)
        private var sourceMentions: [[Mention]]?
        private let sourceFound = Atomic<Bool>(false)
        private let sourceLock = Mutex<Void>(())

        /// The source's mentions, nil where it has no words (`sourceStarts` nil). Once found, read
        /// with one atomic load: a rule reads them for every sentence of a long text.
        var source: [[Mention]]? {
            guard let sourceStarts else { return nil }
            if sourceFound.load(ordering: .acquiring) { return sourceMentions }
            return sourceLock.withLock { _ in
                if sourceFound.load(ordering: .acquiring) { return sourceMentions }
                let made = sourceStarts.mentions(in: sourceDocument)
                sourceMentions = made
                sourceFound.store(true, ordering: .releasing)
                return made
            }
        }

        init(lexicons: Lexicons, sourceLanguage: String, versionLanguage: String, sourceStarts: FormStarts?, versionStarts: FormStarts?,
             source: Document, version: [[Mention]]?, others: [[[Mention]]?]) {
            self.lexicons = lexicons
            self.sourceLanguage = sourceLanguage
            self.versionLanguage = versionLanguage
            self.sourceStarts = sourceStarts
            self.versionStarts = versionStarts
            sourceDocument = source
            self.version = version
            self.others = others.isEmpty ? [] : FormStarts.structuredKinds.indices.map { slot in others.map { $0?[slot] ?? [] } }
        }
    }

    private static let mentionsKey = MemoKey("lexicon-mentions")

    /// Whether `document` has the text of `other` and the same tokens (each at the same bytes, of the
    /// same kind, in the same sentence): then it has the same mentions of every kind at the same
    /// tokens, which its tokens' keys, kinds, places and sentences alone decide. (The tokens compared
    /// too: two documents of one text cut by segmenters of other languages may differ.)
    static func writesSameTokens(_ document: Document, as other: Document) -> Bool {
        guard document.tokens.count == other.tokens.count, document.sentences.count == other.sentences.count,
              document.text == other.text else { return false }
        // (Read in place: no token copied, its strings retained, to compare its numbers.)
        let tokensAlike = document.tokens.withUnsafeBufferPointer { tokens in
            other.tokens.withUnsafeBufferPointer { otherTokens in
                for k in tokens.indices where tokens[k].utf8 != otherTokens[k].utf8 || tokens[k].kind != otherTokens[k].kind
                    || tokens[k].sentence != otherTokens[k].sentence {
                    return false
                }
                return true
            }
        }
        guard tokensAlike else { return false }
        for k in document.sentences.indices where document.sentences[k].tokens != other.sentences[k].tokens { return false }
        return true
    }

    /// The mentions of `kind` (a structured kind) in the context's source, version and other
    /// versions. Every kind's are gathered at the context's first question, from each document's
    /// mentions of all kinds (`FormStarts.mentions(in:)`, made once per document).
    static func mentions(_ kind: LexiconKind, in context: DetectionContext) -> KindMentions {
        let gathered = context.memoized(mentionsKey) { () -> Gathered in
            // A text without words (".") mentions nothing. Its starts are not looked for: a text too
            // short for a guess at its language is read in every language, whose tables cost more to
            // make than anything else here.
            func starts(_ document: Document, language: String) -> FormStarts? {
                document.tokens.contains(where: \.isWordLike) ? FormStarts.of(context.lexicons, language: language) : nil
            }
            let sourceLanguage = language(of: context.source, guess: context.sourceLanguageGuess)
            let versionLanguage = language(of: context.version, guess: context.versionLanguageGuess)
            let sourceStarts = starts(context.source, language: sourceLanguage)
            // The source's starts serve a version in its language (most): they are the lexicons' one
            // object for the language, not looked up again.
            let versionStarts = sourceStarts != nil && versionLanguage == sourceLanguage
                ? (context.version.tokens.contains(where: \.isWordLike) ? sourceStarts : nil)
                : starts(context.version, language: versionLanguage)
            // A version that writes its source's text in its language, cut into the same tokens (a
            // text left as it was), mentions what the source does, where the source does: the
            // source's mentions, kept with its document for every line that repeats it, serve it.
            let versionMentions = versionStarts != nil && versionStarts === sourceStarts && writesSameTokens(context.version, as: context.source)
                ? sourceStarts?.mentions(in: context.source) : versionStarts?.mentions(in: context.version)
            return Gathered(lexicons: context.lexicons, sourceLanguage: sourceLanguage, versionLanguage: versionLanguage,
                            sourceStarts: sourceStarts, versionStarts: versionStarts,
                            source: context.source, version: versionMentions,
                            others: context.otherVersions.map { document in
                                starts(document, language: language(of: document, guess: Comparability.guessedLanguage(of: document)))?
                                    .mentions(in: document)
                            })
        }
        return KindMentions(gathered: gathered, slot: FormStarts.slot(of: kind))
    }
}
