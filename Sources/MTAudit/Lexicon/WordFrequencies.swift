import LexiconTables
import MTAuditText
import Synchronization

/// How common words are in each language, from `Lexicons/words/<lang>.txt` (Zipf frequencies: 3 is
/// once per million words, 6 once per thousand). Only words of Zipf 3.0 or more are listed.
public struct WordFrequencies: Sendable {
    typealias Listing = WordListTable.Listing

    /// The languages listed, sorted once (guesses go through them for every text).
    public let languages: [String]
    /// Each language's name packed into an integer (see `packed(_:)`), by index in `languages`, when
    /// every name packs (codes such as "en" do): a look-up compares a dozen integers rather than
    /// hashing a String.
    private let packedLanguages: [UInt64]?
    /// Every word some list holds (matching form, NFC), once, by row, with its listings. One table for
    /// all the languages: a word is hashed once, however many languages a guess weighs it in.
    let table: WordListTable
    private var words: ByteStringTable { table.words }
    /// The table's listings, read in place: `table.listings(ofRow:)` without its call, which copied
    /// the table (a large struct) to read two numbers.
    private let reader: ListingReader

    /// Where the listings of each row are, and the listings' bytes and Zipf frequencies, read as
    /// `WordListTable.Listings` reads them (by pointer, `entries`): pointers into the table's blobs,
    /// which `table` keeps, and into its frequencies as floats, which `keptZipfs` keeps. (Three
    /// pointers: the rules copy the frequencies, and a larger struct cost more to copy than the
    /// walks gained.)
    private struct ListingReader: @unchecked Sendable {
        let firstListing: UnsafeRawPointer
        /// The table's listings, three bytes each (`WordListTable.listings`).
        let listingBytes: UnsafeRawPointer
        /// The distinct Zipf frequencies, as native floats.
        let zipfs: UnsafePointer<Float>

        /// The positions in `listings` of row `row`'s listings, as `WordListTable.listings(ofRow:)`
        /// reads them.
        @inline(__always)
        func positions(ofRow row: Int) -> Range<Int> {
            Int(Septets.read4(firstListing + 4 * row))..<Int(Septets.read4(firstListing + 4 * row + 4))
        }

        /// The listings of row `row` as the bytes of its first and past its last, for a walk by
        /// pointer (`language(at:)`, `zipf(at:)`, three bytes a listing).
        @inline(__always)
        func entries(ofRow row: Int) -> (start: UnsafeRawPointer, end: UnsafeRawPointer) {
            let positions = positions(ofRow: row)
            return (listingBytes + 3 &* positions.lowerBound, listingBytes + 3 &* positions.upperBound)
        }

        /// The language of the listing at `entry` (`Listing.language`).
        @inline(__always)
        func language(at entry: UnsafeRawPointer) -> Int { Int(entry.load(as: UInt8.self)) }

        /// The Zipf frequency of the listing at `entry` (`Listing.zipf`): its index in two septets.
        @inline(__always)
        func zipf(at entry: UnsafeRawPointer) -> Float {
            zipfs[Int(entry.load(fromByteOffset: 1, as: UInt8.self)) | Int(entry.load(fromByteOffset: 2, as: UInt8.self)) << 7]
        }
    }

    /// The distinct Zipf frequencies of each table read (as native floats, decoded as `WordListTable`
    /// decodes them, the bits of each), kept for the life of the process: the readers point into
    /// them. (A process reads a handful of tables: the built-in one, and the tests' few.)
    private static let keptZipfs = Mutex<[Blob]>([])

    /// `table`'s Zipf frequencies as native floats, kept (`keptZipfs`).
    private static func zipfs(of table: WordListTable) -> UnsafePointer<Float> {
        var bytes: [UInt8] = []
        for pattern in Septets.decode(table.zipfs, width: 5) {
            withUnsafeBytes(of: Float(bitPattern: UInt32(pattern))) { bytes.append(contentsOf: $0) }
        }
        let blob = Blob(bytes)
        keptZipfs.withLock { $0.append(blob) }
        return blob.base.assumingMemoryBound(to: Float.self)
    }

    public init(lists: [String: [String: Float]]) {
        self.init(WordListTable(languages: lists.keys.sorted()) { language, add in
            for (word, zipf) in lists[language]! {
                // The table compares bytes, which is String equality for NFC strings only.
                var word = Normalizer.normalize(word, to: .nfc)
                word.withUTF8 { add($0, zipf) }
            }
        })
    }

    /// The frequencies of a table built from lists in matching form (NFC).
    init(_ table: WordListTable) {
        self.table = table
        reader = ListingReader(firstListing: table.firstListing.base, listingBytes: table.listings.base, zipfs: Self.zipfs(of: table))
        languages = table.languages
        let packed = languages.compactMap(Self.packed)
        self.packedLanguages = packed.count == languages.count ? packed : nil
    }

    /// The lists of `Lexicons/words/`, whose table `LexiconEmbedder` built at build time: it is read
    /// where the binary holds it, with nothing to parse or hash at start-up.
    public static let builtIn = WordFrequencies(EmbeddedWordTables.wordList)

    /// The number of distinct words listed, in any language: rows `0..<rowCount`.
    var rowCount: Int { words.count }

    /// The word of `row`, as UTF-8 bytes.
    func wordBytes(atRow row: Int) -> UnsafeBufferPointer<UInt8> { words.bytes(ofRow: row) }

    /// The listings of `row`, in language order.
    func listings(ofRow row: Int) -> WordListTable.Listings { table.listings(ofRow: row) }

    /// The listings of `word`, in language order; empty when no list holds it.
    private func listings(of word: String) -> WordListTable.Listings {
        guard let row = row(of: word) else { return table.noListings }
        return listings(ofRow: row)
    }

    /// The row of `word`, found as a String dictionary would find it (by canonical equivalence).
    ///
    /// The listed words are in NFC, and so are nearly all keys; between NFC strings, equal bytes are
    /// equal Strings. Every scalar below U+0300 is NFC on its own and composes with none before it,
    /// so a key without a byte from 0xCC on (a scalar from U+0300 on) is NFC; another key may spell a
    /// listed word otherwise, and is looked up again in NFC.
    private func row(of word: String) -> Int? { words.row(of: word) ?? composedRow(of: word) }

    /// The row of a word the table does not hold as written, in NFC.
    private func composedRow(of word: String) -> Int? {
        guard word.utf8.contains(where: { $0 >= 0xCC }) else { return nil }
        let composed = Normalizer.normalize(word, to: .nfc)
        return composed.utf8.elementsEqual(word.utf8) ? nil : words.row(of: composed)
    }

    /// The index of `language` in `languages`.
    private func index(ofLanguage language: String) -> Int? {
        guard let packedLanguages, let packed = Self.packed(language) else { return languages.firstIndex(of: language) }
        return packedLanguages.firstIndex(of: packed)
    }

    /// An ASCII name of at most 7 bytes ("en", "pt-BR") as one integer: its bytes, then its length.
    /// Between ASCII strings, equal bytes are equal Strings. Nil for another name.
    private static func packed(_ language: String) -> UInt64? {
        // In place, one pass over the bytes (every zipf look-up packs its language).
        if let packed = language.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64? in
            guard bytes.count <= 7 else { return nil }
            var packed = UInt64(bytes.count)
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                packed = packed << 8 | UInt64(byte)
            }
            return packed
        }) { return packed }
        let utf8 = language.utf8
        guard utf8.count <= 7, utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var packed = UInt64(utf8.count)
        for byte in utf8 { packed = packed << 8 | UInt64(byte) }
        return packed
    }

    /// The alphabet of a built-in list, which `LexiconEmbedder` made at build time (counting letters
    /// in tens of thousands of words took 10 ms a language at start-up), as a set on first use.
    public static func builtInAlphabet(of language: String) -> Set<Unicode.Scalar> {
        alphabets.withLock { cache in
            if let alphabet = cache[language] { return alphabet }
            let alphabet = builtIn.index(ofLanguage: language).map { Set(EmbeddedWordTables.alphabets[$0].unicodeScalars) } ?? []
            cache[language] = alphabet
            return alphabet
        }
    }

    private static let alphabets = Mutex<[String: Set<Unicode.Scalar>]>([:])

    /// `builtInAlphabet(of:)` with its ASCII letters as bits (`Letters`): the untranslated rule asks
    /// whether a word has a letter the language does not write, and most words are ASCII, told by a
    /// bit rather than by hashing each scalar for the set. Made once a language, and kept.
    static func builtInLetters(of language: String) -> Letters {
        letterSets.withLock { cache in
            if let letters = cache[language] { return letters }
            let letters = Letters(builtInAlphabet(of: language))
            cache[language] = letters
            return letters
        }
    }

    private static let letterSets = Mutex<[String: Letters]>([:])

    /// A language's alphabet (`builtInAlphabet(of:)`), its ASCII scalars also as the bits of two
    /// words (scalar value v at bit v of the pair).
    struct Letters: Sendable {
        let alphabet: Set<Unicode.Scalar>
        private let low: UInt64, high: UInt64

        init(_ alphabet: Set<Unicode.Scalar>) {
            self.alphabet = alphabet
            var (low, high): (UInt64, UInt64) = (0, 0)
            for scalar in alphabet where scalar.value < 0x80 {
                if scalar.value < 64 { low |= 1 << UInt64(scalar.value) } else { high |= 1 << UInt64(scalar.value - 64) }
            }
            (self.low, self.high) = (low, high)
        }

        /// `alphabet.contains(scalar)`, an ASCII scalar told by its bit.
        @inline(__always)
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            guard value < 0x80 else { return alphabet.contains(scalar) }
            return value < 64 ? low & (1 << UInt64(value)) != 0 : high & (1 << UInt64(value - 64)) != 0
        }

        /// Whether `word` has a letter (`hasAlphabeticProperty`) that is not in the alphabet:
        /// `word.unicodeScalars.contains { $0.hasAlphabeticProperty && !alphabet.contains($0) }`, an
        /// ASCII word read as its bytes.
        func lacksLetter(of word: String) -> Bool {
            let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                var lacks = false
                for byte in bytes {
                    guard byte < 0x80 else { return nil }
                    let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                    if letter && !contains(Unicode.Scalar(byte)) { lacks = true }
                }
                return lacks
            } ?? nil
            if let ascii { return ascii }
            return word.unicodeScalars.contains { $0.hasAlphabeticProperty && !contains($0) }
        }
    }

    /// The letters of a language: those in at least five of its listed words ("é" is English, "ż" is
    /// not). See `WordListTable.alphabet(ofLanguage:)`.
    public func alphabet(of language: String) -> Set<Unicode.Scalar> {
        guard let index = index(ofLanguage: language) else { return [] }
        return Set(table.alphabet(ofLanguage: Int32(index)))
    }

    /// The Zipf frequency of `word` (a matching-form key) in `language`; 0 when it is not listed.
    public func zipf(_ word: String, in language: String) -> Float {
        guard let index = index(ofLanguage: language) else { return 0 }
        return listings(of: word).first { $0.language == index }?.zipf ?? 0
    }

    /// The row of `word` (as `zipf(_:in:)` finds it), or -1 when no list holds it: a word looked up
    /// once, then read by row (see `DocumentWordRows`).
    func rowIndex(of word: String) -> Int32 { row(of: word).map(Int32.init) ?? -1 }

    /// The Zipf frequency in `language` of the word of `row` (a `rowIndex(of:)`; -1 for none): the
    /// same as `zipf(_:in:)` of the word.
    func zipf(ofRow row: Int32, in language: String) -> Float {
        zipf(ofRow: row, language: languageIndex(of: language))
    }

    /// The index of `language` in `languages`, as `zipf(ofRow:language:)` takes it: found once for
    /// many words.
    func languageIndex(of language: String) -> Int? { index(ofLanguage: language) }

    /// `zipf(ofRow:in:)` of the language of `index` (a `languageIndex(of:)`).
    ///
    /// Inlined, and its listings read in place (`reader`): the rules ask it of every word of a text,
    /// and a call that copied the table to read a row's listings cost about 100 instructions a word. A row's listings are in language order, so the search stops at the
    /// first language past `index`.
    @inline(__always)
    func zipf(ofRow row: Int32, language index: Int?) -> Float {
        guard row >= 0, let index else { return 0 }
        // (By pointer over the row's listings: no position multiplied, checked, for each.)
        var (entry, end) = reader.entries(ofRow: Int(row))
        while entry < end {
            let language = reader.language(at: entry)
            if language == index { return reader.zipf(at: entry) }
            if language > index { break }
            entry += 3
        }
        return 0
    }

    public func knows(_ language: String) -> Bool { index(ofLanguage: language) != nil }

    /// The listed words of `language`, in matching form.
    public func words(in language: String) -> [String] {
        guard let index = index(ofLanguage: language).map(Int32.init) else { return [] }
        return (0..<words.count).filter { row in listings(ofRow: row).contains { $0.language == index } }
            .map { words.string(ofRow: $0) }
    }

    /// The listed language `words` most likely belong to: the one where they are most frequent in
    /// sum (Zipf frequencies, 0 for an unlisted word), when at least half of them are listed there.
    /// Summing frequencies rather than counting hits keeps English text English, though the German
    /// list also holds "the" and "and" from the web.
    public func likelyLanguage(of words: [String]) -> String? {
        likelyLanguage(ofListings: words.lazy.map { listings(of: $0) }, count: words.count)
    }

    /// `likelyLanguage(of:)` of the rows of a document's tokens (`DocumentWordRows.rows`:
    /// a negative row lists nothing, and a token that is no letter word adds nothing), in one loop
    /// over the arrays, with no sequence of sequences: the same sums, added in the same order.
    func likelyLanguage(ofTokenRows rows: [Int32], count: Int) -> String? {
        guard count > 0 else { return nil }
        let languageCount = languages.count
        let best: (language: Int, hits: Int)? = withUnsafeTemporaryAllocation(of: Float.self, capacity: languageCount) { scores in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: languageCount) { hits in
                scores.initialize(repeating: 0)
                hits.initialize(repeating: 0)
                // (The listings read in place, as `zipf(ofRow:language:)` reads them, with no copy
                // of the table made for each row.)
                let reader = reader
                // (By pointer over each row's listings, as `zipf(ofRow:language:)` reads them: no
                // position multiplied and checked, no count checked for overflow, for each.)
                rows.withUnsafeBufferPointer { rows in
                    for row in rows where row >= 0 {
                        var (entry, end) = reader.entries(ofRow: Int(row))
                        while entry < end {
                            let language = reader.language(at: entry)
                            scores[language] += reader.zipf(at: entry)
                            hits[language] &+= 1
                            entry += 3
                        }
                    }
                }
                var best: (language: Int, score: Float)?
                for language in 0..<languageCount where scores[language] > best?.score ?? 0 {
                    best = (language, scores[language])
                }
                return best.map { ($0.language, hits[$0.language]) }
            }
        }
        guard let best, best.hits * 2 >= count else { return nil }
        return languages[best.language]
    }

    /// The likely language of `count` words, whose listings `each` holds in the words' order.
    private func likelyLanguage(ofListings each: some Sequence<WordListTable.Listings>, count: Int) -> String? {
        guard count > 0 else { return nil }
        var scores = [Float](filledWith: 0, count: languages.count)
        var hits = [Int](filledWith: 0, count: languages.count)
        for listings in each {
            for listing in listings {
                scores[Int(listing.language)] += listing.zipf
                hits[Int(listing.language)] += 1
            }
        }
        var best: (language: Int, score: Float)?
        for language in languages.indices where scores[language] > best?.score ?? 0 {
            best = (language, scores[language])
        }
        guard let best, hits[best.language] * 2 >= count else { return nil }
        return languages[best.language]
    }
}
