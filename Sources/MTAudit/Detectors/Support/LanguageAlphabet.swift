import LexiconTables
import Synchronization

/// The letters of a language as the untranslated rule reads them: the same set as
/// `WordFrequencies.alphabet(of:)` (the letters in at least five of the language's listed words),
/// made from the word list's bytes instead of a String for each listed word, and kept once per
/// language for the process.
///
/// It is made the first time a text in the language has a candidate foreign word, and the word
/// lists hold half a million rows: making a String of each of the language's words cost more than
/// auditing hundreds of short pairs. Here an ASCII word's letters are its bytes, counted in a
/// 128-bit mask per word; only a word with other bytes is decoded (as `String(decoding:)` does).
struct LanguageAlphabet: Sendable {
    /// ASCII letters, as bits 0–127.
    private let ascii: (low: UInt64, high: UInt64)
    /// The other letters.
    private let others: Set<Unicode.Scalar>

    /// Every letter of the alphabet (for tests: the rule asks `contains`).
    var members: Set<Unicode.Scalar> {
        var members = others
        for value in 0..<128 where contains(Unicode.Scalar(UInt8(value))) { members.insert(Unicode.Scalar(UInt8(value))) }
        return members
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return ascii.low & (1 << UInt64(value)) != 0 }
        if value < 128 { return ascii.high & (1 << UInt64(value - 64)) != 0 }
        return others.contains(scalar)
    }

    /// The alphabet of `language` in the built-in word lists, made once.
    static func builtIn(_ language: String) -> LanguageAlphabet {
        if let known = cache.withLock({ $0[language] }) { return known }
        // Made outside the lock (another thread may make the same set; both are equal).
        let alphabet = LanguageAlphabet(language, in: .builtIn)
        cache.withLock { $0[language] = alphabet }
        return alphabet
    }

    private static let cache = Mutex<[String: LanguageAlphabet]>([:])

    init(_ language: String, in frequencies: WordFrequencies) {
        // In how many of the language's words each scalar is found: ASCII in an array, the rest in a table.
        var asciiCounts = [Int](repeating: 0, count: 0x80)
        var counts: [Unicode.Scalar: Int] = [:]
        var distinct: [Unicode.Scalar] = []
        if let index = frequencies.languageIndex(of: language) {
            // Which rows the language lists, read from the table in place: the listings, row after
            // row, each three bytes of which the first is the language, are scanned for the
            // language's index; the row of a listing found is the last whose listings start at or
            // before it (rows ahead of the last one found, read in order).
            let table = frequencies.table
            let firstListing = table.firstListing.base, listings = table.listings.base
            let listingCount = Int(Septets.read4(firstListing + 4 &* table.rowCount))
            let language = UInt8(truncatingIfNeeded: index)
            var row = 0
            for listing in 0..<listingCount where listings.load(fromByteOffset: 3 &* listing, as: UInt8.self) == language {
                while Int(Septets.read4(firstListing + 4 &* (row &+ 1))) <= listing { row &+= 1 }
                let bytes = frequencies.wordBytes(atRow: row)
                if !bytes.contains(where: { $0 >= 0x80 }) {
                    // Each distinct byte once: a bit per ASCII value.
                    var low: UInt64 = 0, high: UInt64 = 0
                    for byte in bytes { if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) } }
                    while low != 0 { asciiCounts[low.trailingZeroBitCount] += 1; low &= low - 1 }
                    while high != 0 { asciiCounts[64 + high.trailingZeroBitCount] += 1; high &= high - 1 }
                    continue
                }
                distinct.removeAll(keepingCapacity: true)
                for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where !distinct.contains(scalar) {
                    distinct.append(scalar)
                }
                for scalar in distinct {
                    if scalar.value < 0x80 { asciiCounts[Int(scalar.value)] += 1 } else { counts[scalar, default: 0] += 1 }
                }
            }
        }
        var low: UInt64 = 0, high: UInt64 = 0
        for (value, count) in asciiCounts.enumerated() where count >= 5 && Unicode.Scalar(UInt8(value)).properties.isAlphabetic {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        ascii = (low, high)
        others = Set(counts.filter { $0.value >= 5 && $0.key.properties.isAlphabetic }.keys)
    }
}
