import Synchronization

/// How common words are in each language, from `Lexicons/words/<lang>.txt` (Zipf frequencies: 3 is
/// once per million words, 6 once per thousand). Only words of Zipf 3.0 or more are listed.
public struct WordFrequencies: Sendable {
    /// One listing of a word: a language that lists it (an index into `languages`), and its Zipf
    /// frequency there.
    struct Listing: Sendable {
        let language: Int32
        let zipf: Float
    }

    /// The languages listed, sorted once (guesses go through them for every text).
    public let languages: [String]
    /// The index of each language in `languages`.
    private let languageIndex: [String: Int]
    /// Every word some list holds (matching form), once, by row.
    private let words: [String]
    /// The row of each word. One table for all the languages: a word is hashed once, however many
    /// languages a guess weighs it in.
    private let rows: [String: Int32]
    /// The listings of every row, row after row, in language order: row `r`'s are
    /// `listings[firstListing[r]..<firstListing[r + 1]]`.
    private let listings: [Listing]
    private let firstListing: [Int32]

    public init(lists: [String: [String: Float]]) {
        self.init(languages: lists.keys.sorted()) { language, add in
            for (word, zipf) in lists[language]! { add(word, zipf) }
        }
    }

    /// Builds the table from each language's words, which `read` passes to `add` (the first of a
    /// word twice listed counts).
    private init(languages: [String], read: (String, (String, Float) -> Void) -> Void) {
        var rows: [String: Int32] = [:]
        rows.reserveCapacity(400_000)
        var words: [String] = []
        var found: [(row: Int32, listing: Listing)] = []
        var lastLanguage: [Int32] = []  // per row: the last language that listed it, for duplicates
        for (index, language) in languages.enumerated() {
            let index = Int32(index)
            read(language) { word, zipf in
                let next = Int32(words.count)
                let row = Self.row(of: word, in: &rows, next: next)
                if row == next {
                    words.append(word)
                    lastLanguage.append(index)
                } else if lastLanguage[Int(row)] == index {
                    return
                }
                lastLanguage[Int(row)] = index
                found.append((row, Listing(language: index, zipf: zipf)))
            }
        }
        // Grouped by row (a counting sort, so each row keeps its languages in order).
        var firstListing = [Int32](repeating: 0, count: words.count + 1)
        for (row, _) in found { firstListing[Int(row) + 1] += 1 }
        for row in words.indices { firstListing[row + 1] += firstListing[row] }
        var next = firstListing
        var listings = [Listing](repeating: Listing(language: 0, zipf: 0), count: found.count)
        for (row, listing) in found {
            listings[Int(next[Int(row)])] = listing
            next[Int(row)] += 1
        }
        self.languages = languages
        self.languageIndex = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
        self.words = words
        self.rows = rows
        self.listings = listings
        self.firstListing = firstListing
    }

    /// The row of `word`, given the row `next` if it has none yet: one hash for the look-up and the
    /// insertion (half a million words are read at start-up).
    private static func row(of word: String, in rows: inout [String: Int32], next: Int32) -> Int32 {
        func read(_ row: inout Int32) -> Int32 { row }
        return read(&rows[word, default: next])
    }

    /// The lists compiled in from `Lexicons/words/`, read on first use.
    public static let builtIn: WordFrequencies = {
        let texts = Dictionary(uniqueKeysWithValues: EmbeddedWordLists.files.map { file in
            (String(file.name.prefix { $0 != "." }), file.text)
        })
        return WordFrequencies(languages: texts.keys.sorted()) { language, add in parse(texts[language]!, add) }
    }()

    /// The number of distinct words listed, in any language: rows `0..<rowCount`.
    var rowCount: Int { words.count }

    /// The word of `row`.
    func word(atRow row: Int) -> String { words[row] }

    /// The listings of `row`, in language order.
    func listings(ofRow row: Int) -> ArraySlice<Listing> {
        listings[Int(firstListing[row])..<Int(firstListing[row + 1])]
    }

    /// The listings of `word`, in language order; empty when no list holds it.
    private func listings(of word: String) -> ArraySlice<Listing> {
        guard let row = rows[word] else { return [] }
        return listings(ofRow: Int(row))
    }

    /// The alphabet of a built-in list, made on first use for each language.
    public static func builtInAlphabet(of language: String) -> Set<Unicode.Scalar> {
        alphabets.withLock { cache in
            if let alphabet = cache[language] { return alphabet }
            let alphabet = builtIn.alphabet(of: language)
            cache[language] = alphabet
            return alphabet
        }
    }

    private static let alphabets = Mutex<[String: Set<Unicode.Scalar>]>([:])

    /// The letters of a language: those in at least five of its listed words ("é" is English, "ż" is not).
    ///
    /// Made from tens of thousands of words: each word's distinct letters are found in a short list
    /// (no set per word), ASCII ones counted in an array, and each letter's property read once.
    public func alphabet(of language: String) -> Set<Unicode.Scalar> {
        var asciiCounts = [Int](repeating: 0, count: 0x80)
        var counts: [Unicode.Scalar: Int] = [:]
        var distinct: [Unicode.Scalar] = []
        for word in words(in: language) {
            distinct.removeAll(keepingCapacity: true)
            for scalar in word.unicodeScalars where !distinct.contains(scalar) { distinct.append(scalar) }
            for scalar in distinct {
                if scalar.value < 0x80 { asciiCounts[Int(scalar.value)] += 1 } else { counts[scalar, default: 0] += 1 }
            }
        }
        for (value, count) in asciiCounts.enumerated() where count > 0 { counts[Unicode.Scalar(UInt8(value))] = count }
        return Set(counts.filter { $0.value >= 5 && $0.key.properties.isAlphabetic }.keys)
    }

    /// The Zipf frequency of `word` (a matching-form key) in `language`; 0 when it is not listed.
    public func zipf(_ word: String, in language: String) -> Float {
        guard let index = languageIndex[language] else { return 0 }
        return listings(of: word).first { $0.language == index }?.zipf ?? 0
    }

    public func knows(_ language: String) -> Bool { languageIndex[language] != nil }

    /// The listed words of `language`, in matching form.
    public func words(in language: String) -> [String] {
        guard let index = languageIndex[language].map(Int32.init) else { return [] }
        return words.indices.filter { row in listings(ofRow: row).contains { $0.language == index } }.map { words[$0] }
    }

    /// The listed language `words` most likely belong to: the one where they are most frequent in
    /// sum (Zipf frequencies, 0 for an unlisted word), when at least half of them are listed there.
    /// Summing frequencies rather than counting hits keeps English text English, though the German
    /// list also holds "the" and "and" from the web.
    public func likelyLanguage(of words: [String]) -> String? {
        guard !words.isEmpty else { return nil }
        var scores = [Float](repeating: 0, count: languages.count)
        var hits = [Int](repeating: 0, count: languages.count)
        for word in words {
            for listing in listings(of: word) {
                scores[Int(listing.language)] += listing.zipf
                hits[Int(listing.language)] += 1
            }
        }
        var best: (language: Int, score: Float)?
        for language in languages.indices where scores[language] > best?.score ?? 0 {
            best = (language, scores[language])
        }
        guard let best, hits[best.language] * 2 >= words.count else { return nil }
        return languages[best.language]
    }

    /// Reads "word<TAB>zipf" lines, whose words are already in matching form (see
    /// `Scripts/make-word-frequencies.py`). Byte by byte: the lists hold half a million lines.
    static func parse(_ text: String, _ add: (String, Float) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard bytes[start] != UInt8(ascii: "#") else { continue }
                var tab = start
                while tab < end, bytes[tab] != 0x09 { tab += 1 }
                guard tab < end else { continue }
                var zipf: Float = 0
                var scale: Float = 0
                for byte in bytes[(tab + 1)..<end] {
                    if byte == UInt8(ascii: ".") { scale = 1 } else if byte >= 0x30 && byte <= 0x39 {
                        if scale == 0 { zipf = zipf * 10 + Float(byte - 0x30) } else { scale /= 10; zipf += Float(byte - 0x30) * scale }
                    }
                }
                add(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tab]), as: UTF8.self), zipf)
            }
        }
    }
}
