/// The word lists of several languages in one table: every word some list holds, once, by row (a
/// `ByteStringTable`), and each row's listings (a language that lists the word, and its Zipf
/// frequency there), in language order.
///
/// `LexiconEmbedder` builds the table of `Lexicons/words/` at build time; `WordFrequencies` reads it
/// in place.
public struct WordListTable: Sendable, Equatable {
    /// One listing of a word: a language that lists it (an index into `languages`), and its Zipf
    /// frequency there.
    public struct Listing: Sendable, Equatable {
        public let language: Int32
        public let zipf: Float

        public init(language: Int32, zipf: Float) { (self.language, self.zipf) = (language, zipf) }
    }

    /// The languages listed, sorted.
    public let languages: [String]
    /// Every word some list holds (UTF-8, as given), once, by row.
    public let words: ByteStringTable
    /// `rowCount + 1` indices into the listings, four septets each: row `r`'s listings are
    /// `firstListing[r]..<firstListing[r + 1]`.
    public let firstListing: Blob
    /// The listings of every row, row after row, in language order, three septets each: the language,
    /// then the index of the Zipf frequency in `zipfs`.
    public let listings: Blob
    /// The distinct Zipf frequencies, as their bit patterns in five septets each.
    public let zipfs: Blob
    /// `zipfs`, as native floats.
    private let zipfValues: Blob

    /// The table of the given parts, as `parts` lists them.
    public init(languages: [String], parts: [Blob]) {
        precondition(parts.count == 6, "not the parts of a word-list table")
        self.languages = languages
        words = ByteStringTable(bytes: parts[0], bounds: parts[1], slots: parts[2])
        (firstListing, listings, zipfs) = (parts[3], parts[4], parts[5])
        precondition(firstListing.count == 4 * (words.count + 1) && listings.count % 3 == 0 && zipfs.count % 5 == 0)
        var values: [UInt8] = []
        for pattern in Septets.decode(zipfs, width: 5) {
            withUnsafeBytes(of: Float(bitPattern: UInt32(pattern))) { values.append(contentsOf: $0) }
        }
        zipfValues = Blob(values)
    }

    /// The parts of the table, in the order `init(languages:parts:)` takes them.
    public var parts: [Blob] { words.parts + [firstListing, listings, zipfs] }

    public static func == (a: WordListTable, b: WordListTable) -> Bool {
        a.languages == b.languages && a.parts == b.parts
    }

    /// Builds the table from each language's words (their UTF-8 bytes), which `read` passes to `add`
    /// (the first of a word twice listed counts).
    public init(languages: [String], read: (String, (UnsafeBufferPointer<UInt8>, Float) -> Void) -> Void) {
        precondition(languages.count <= 128, "a listing holds a language in seven bits")
        // Every listing read first, its word's bytes end to end with the others'.
        var bytes: [UInt8] = [], bounds: [Int32] = [0], listed: [Listing] = []
        bytes.reserveCapacity(4_500_000)
        bounds.reserveCapacity(500_000)
        listed.reserveCapacity(500_000)
        for (index, language) in languages.enumerated() {
            read(language) { word, zipf in
                bytes.append(contentsOf: word)
                bounds.append(Int32(bytes.count))
                listed.append(Listing(language: Int32(index), zipf: zipf))
            }
        }
        var (words, rows) = ByteStringTable.deduplicating(bytes, bounds: bounds)
        // A language's second listing of a word is dropped (its row set to -1), the others grouped by
        // row by a counting sort, so that each row keeps its languages in order.
        var firstListing = [Int32](repeating: 0, count: words.count + 1)
        var lastLanguage = [Int32](repeating: -1, count: words.count)
        for (index, listing) in listed.enumerated() {
            let row = Int(rows[index])
            if lastLanguage[row] == listing.language { rows[index] = -1; continue }
            lastLanguage[row] = listing.language
            firstListing[row + 1] += 1
        }
        for row in 0..<words.count { firstListing[row + 1] += firstListing[row] }
        var next = firstListing
        var listings = [Listing](repeating: Listing(language: 0, zipf: 0), count: Int(firstListing[words.count]))
        for (row, listing) in zip(rows, listed) where row >= 0 {
            listings[Int(next[Int(row)])] = listing
            next[Int(row)] += 1
        }
        // Each distinct frequency (by its bits) numbered in the order of its first listing.
        var zipfIndex: [UInt32: Int] = [:], zipfs: [UInt64] = []
        var encoded: [UInt8] = []
        encoded.reserveCapacity(3 * listings.count)
        for listing in listings {
            let bits = listing.zipf.bitPattern
            let index = zipfIndex[bits] ?? {
                zipfs.append(UInt64(bits))
                zipfIndex[bits] = zipfs.count - 1
                return zipfs.count - 1
            }()
            Septets.append(UInt64(listing.language), width: 1, to: &encoded)
            Septets.append(UInt64(index), width: 2, to: &encoded)
        }
        self.init(languages: languages, parts: words.parts + [
            Blob(Septets.encode(firstListing.lazy.map { UInt64($0) }, width: 4)),
            Blob(encoded),
            Blob(Septets.encode(zipfs, width: 5)),
        ])
    }

    /// The tables of "word<TAB>zipf" texts by language (see `parse(_:_:)`).
    public init(texts: [String: String]) {
        self.init(languages: texts.keys.sorted()) { language, add in Self.parse(texts[language]!, add) }
    }

    /// The number of distinct words listed, in any language: rows `0..<rowCount`.
    public var rowCount: Int { words.count }

    /// The listings of `row`, in language order.
    @inlinable public func listings(ofRow row: Int) -> Listings {
        let start = Int(Septets.read4(firstListing.base + 4 * row)), end = Int(Septets.read4(firstListing.base + 4 * row + 4))
        return Listings(base: listings.base, zipfs: zipfBase, startIndex: start, endIndex: end)
    }

    /// No listings, as a word no list holds has.
    public var noListings: Listings { Listings(base: listings.base, zipfs: zipfBase, startIndex: 0, endIndex: 0) }

    @usableFromInline var zipfBase: UnsafeRawPointer { zipfValues.base }

    /// A row's listings, read in place.
    public struct Listings: RandomAccessCollection {
        @usableFromInline let base: UnsafeRawPointer
        @usableFromInline let zipfs: UnsafeRawPointer
        public let startIndex: Int
        public let endIndex: Int

        @inlinable init(base: UnsafeRawPointer, zipfs: UnsafeRawPointer, startIndex: Int, endIndex: Int) {
            (self.base, self.zipfs, self.startIndex, self.endIndex) = (base, zipfs, startIndex, endIndex)
        }

        @inlinable public subscript(position: Int) -> Listing {
            let entry = base + 3 * position
            let zipf = Int(entry.load(fromByteOffset: 1, as: UInt8.self)) | Int(entry.load(fromByteOffset: 2, as: UInt8.self)) << 7
            return Listing(language: Int32(entry.load(as: UInt8.self)), zipf: zipfs.load(fromByteOffset: 4 * zipf, as: Float.self))
        }
    }

    /// Reads "word<TAB>zipf" lines, whose words are already in matching form (see
    /// `Scripts/make-word-frequencies.py`, and so in NFC). Byte by byte, each word passed as its bytes
    /// in `text`: the lists hold half a million lines.
    public static func parse(_ text: String, _ add: (UnsafeBufferPointer<UInt8>, Float) -> Void) {
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
                add(UnsafeBufferPointer(rebasing: bytes[start..<tab]), zipf)
            }
        }
    }
}

extension WordListTable {
    /// The letters of language `index`: those in at least five of its words ("é" is English, "ż" is
    /// not), in scalar order.
    ///
    /// Made from tens of thousands of words: each word's distinct letters are found in a short list
    /// (no set per word), ASCII ones counted in an array, and each letter's property read once. The
    /// words are read as the table's bytes, a word of ASCII (most) as a bit set of its bytes. The
    /// built-in lists' alphabets are made at build time (`EmbeddedWordTables.alphabets`).
    public func alphabet(ofLanguage index: Int32) -> [Unicode.Scalar] {
        var asciiCounts = [Int](repeating: 0, count: 0x80)
        var counts: [Unicode.Scalar: Int] = [:]
        var distinct: [Unicode.Scalar] = []
        for row in 0..<rowCount where listings(ofRow: row).contains(where: { $0.language == index }) {
            let bytes = words.bytes(ofRow: row)
            var low: UInt64 = 0, high: UInt64 = 0, ascii = true
            for byte in bytes {
                if byte >= 0x80 { ascii = false; break }
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
            if ascii {
                while low != 0 {
                    asciiCounts[low.trailingZeroBitCount] += 1
                    low &= low - 1
                }
                while high != 0 {
                    asciiCounts[64 + high.trailingZeroBitCount] += 1
                    high &= high - 1
                }
                continue
            }
            distinct.removeAll(keepingCapacity: true)
            var iterator = bytes.makeIterator(), decoder = UTF8()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if !distinct.contains(scalar) { distinct.append(scalar) }
            }
            for scalar in distinct {
                if scalar.value < 0x80 { asciiCounts[Int(scalar.value)] += 1 } else { counts[scalar, default: 0] += 1 }
            }
        }
        for (value, count) in asciiCounts.enumerated() where count > 0 { counts[Unicode.Scalar(UInt8(value))] = count }
        return counts.filter { $0.value >= 5 && $0.key.properties.isAlphabetic }.keys.sorted { $0.value < $1.value }
    }
}
