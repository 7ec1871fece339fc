/// Finds and undoes mojibake: UTF-8 bytes that were decoded as a single-byte charset ("Ã©" for "é",
/// "β€”" for "—", "√©" in MacRoman), also when it happened more than once.
///
/// Mojibake never holds an ASCII character, since the bytes of a multi-byte UTF-8 sequence are all
/// 0x80 or above. So the text is searched run by run of non-ASCII characters. Each charset maps a
/// run's characters back to bytes, and every stretch of those bytes that is well-formed UTF-8 becomes
/// the character it encodes. A repair is kept only when it is plausible. The decoded characters must be
/// letters, digits, punctuation or symbols in common use, not IPA or stray combining marks. They must
/// account for most of the run's letters, which keeps clean Greek and Cyrillic out. Case must fit the
/// word around them. CESU-8 surrogate pairs (emoji) are joined as well.
public enum MojibakeRepair {
    /// The charsets tried, most common first. All are single-byte.
    public static let charsets = [
        "windows-1252", "ISO-8859-1", "windows-1250", "windows-1251", "windows-1253", "windows-1254",
        "windows-1257", "macintosh", "IBM437", "IBM850", "ISO-8859-2", "ISO-8859-15", "KOI8-R",
    ]

    /// One repaired stretch: its range in the text's scalars, what should stand there, and how it
    /// came about.
    public struct Repair: Sendable, Hashable {
        /// Scalar offsets into the text that was searched.
        public let range: Range<Int>
        public let replacement: String
        /// The charsets the UTF-8 was misread as, outermost first ("windows-1252", …).
        public let charsets: [String]
        /// True when the stretch holds a replacement character (U+FFFD), so bytes were lost and the
        /// replacement is incomplete.
        public let isLossy: Bool
    }

    /// Every repair in `text`, in order.
    public static func repairs(in text: String) -> [Repair] {
        // Mojibake is non-ASCII: an ASCII text (most) is told by its bytes, with no scalar array made.
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var repairs: [Repair] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].value >= 0x80 else { index += 1; continue }
            var end = index
            while end < scalars.count, scalars[end].value >= 0x80 { end += 1 }
            repairs += repairRun(scalars, index..<end)
            index = end
        }
        return repairs
    }

    // MARK: One run

    private static func repairRun(_ scalars: [Unicode.Scalar], _ run: Range<Int>) -> [Repair] {
        var best: [Repair] = []
        var bestConsumed = 0
        // A repair starts at a scalar that some charset reads as the lead byte of a UTF-8 sequence: a
        // run without one (Chinese, most accented text) has none to find in any charset.
        // And the lead byte must be followed by a continuation byte in the same run: a lead scalar
        // that ends its run ("é" in "café", a curly quote before a letter) starts no sequence.
        let mayHoldMojibake = run.dropLast().contains {
            SingleByteTable.mayBeLeadByte(scalars[$0]) && SingleByteTable.mayBeContinuationByte(scalars[$0 + 1])
        }
        for charset in charsets where mayHoldMojibake {
            guard let table = SingleByteTable.table(for: charset) else { continue }
            let found = decode(scalars, run, table: table, charset: charset)
            let consumed = found.reduce(0) { $0 + $1.range.count }
            if consumed > bestConsumed {
                best = found
                bestConsumed = consumed
            }
        }
        // Mojibake of mojibake: repair the repaired text again, up to three layers.
        best = best.map { layered($0) }
        let lost = run.filter { scalars[$0] == "\u{FFFD}" }
        for offset in lost where !best.contains(where: { $0.range.contains(offset) }) {
            // The characters just before a lost byte are usually the rest of its sequence ("Ä�").
            var start = offset
            while start > run.lowerBound, offset - start < 3, scalars[start - 1] != "\u{FFFD}",
                  !best.contains(where: { $0.range.contains(start - 1) }),
                  scalars[start - 1].value >= 0xA0, scalars[start - 1].properties.isAlphabetic
                    || scalars[start - 1].properties.generalCategory == .otherSymbol {
                start -= 1
            }
            best.append(Repair(range: start..<offset + 1, replacement: "\u{FFFD}", charsets: [], isLossy: true))
        }
        return best.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func layered(_ repair: Repair) -> Repair {
        var current = repair
        for _ in 0..<2 {
            let inner = Array(current.replacement.unicodeScalars)
            guard inner.contains(where: { $0.value >= 0x80 }) else { break }
            let again = repairs(in: current.replacement)
            guard again.count == 1, again[0].range == 0..<inner.count else { break }
            current = Repair(range: current.range, replacement: again[0].replacement,
                             charsets: current.charsets + again[0].charsets,
                             isLossy: current.isLossy || again[0].isLossy)
        }
        return current
    }

    /// The stretches of `run` that are UTF-8 once mapped to bytes through `table`, when plausible.
    private static func decode(_ scalars: [Unicode.Scalar], _ run: Range<Int>, table: [UInt32: UInt8],
                               charset: String) -> [Repair] {
        let bytes: [UInt8?] = run.map { table[scalars[$0].value] }
        var pieces: [(range: Range<Int>, decoded: [Unicode.Scalar])] = []
        var k = 0
        while k < bytes.count {
            if let (length, scalar) = sequence(bytes, at: k) {
                if let last = pieces.last, last.range.upperBound == run.lowerBound + k {
                    pieces[pieces.count - 1] = (last.range.lowerBound..<run.lowerBound + k + length, last.decoded + [scalar])
                } else {
                    pieces.append((run.lowerBound + k..<run.lowerBound + k + length, [scalar]))
                }
                k += length
            } else {
                k += 1
            }
        }
        let joined = pieces.map { ($0.range, joinSurrogates($0.decoded)) }
        let kept = joined.filter { isPlausible($0.1, at: $0.0, in: scalars) }
        guard !kept.isEmpty else { return [] }
        // Most of the run's letters must be explained, or this is clean text in the charset's script.
        let letters = run.filter { scalars[$0].properties.isAlphabetic }
        if !letters.isEmpty {
            let explained = letters.filter { offset in kept.contains { $0.0.contains(offset) } }.count
            if Double(explained) < 0.6 * Double(letters.count) { return [] }
        }
        return kept.map { range, decoded in
            var text = String.UnicodeScalarView()
            text.append(contentsOf: decoded)
            return Repair(range: range, replacement: String(text), charsets: [charset],
                          isLossy: decoded.contains("\u{FFFD}"))
        }
    }

    /// A UTF-8 sequence of two or more bytes at `k`: its length and scalar (a CESU-8 surrogate is
    /// returned as the surrogate's value in a private holder, joined later).
    private static func sequence(_ bytes: [UInt8?], at k: Int) -> (Int, Unicode.Scalar)? {
        guard let lead = bytes[k] else { return nil }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard k + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for j in 1..<length {
            guard let byte = bytes[k + j], byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF else { return nil }
        if (0xD800...0xDFFF).contains(value) {
            // CESU-8: a surrogate encoded on its own. Held in a plane-15 private code point for now.
            return (length, Unicode.Scalar(0xF0000 + (value - 0xD800))!)
        }
        return Unicode.Scalar(value).map { (length, $0) }
    }

    private static func joinSurrogates(_ decoded: [Unicode.Scalar]) -> [Unicode.Scalar] {
        func surrogate(_ scalar: Unicode.Scalar) -> UInt32? {
            (0xF0000...0xF07FF).contains(scalar.value) ? scalar.value - 0xF0000 + 0xD800 : nil
        }
        var result: [Unicode.Scalar] = []
        var k = 0
        while k < decoded.count {
            if let high = surrogate(decoded[k]) {
                if high < 0xDC00, k + 1 < decoded.count, let low = surrogate(decoded[k + 1]), low >= 0xDC00 {
                    result.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
                    k += 2
                    continue
                }
                result.append("\u{FFFD}")
            } else {
                result.append(decoded[k])
            }
            k += 1
        }
        return result
    }

    /// Whether a decoded stretch reads as text: characters in common use, case that fits the word.
    private static func isPlausible(_ decoded: [Unicode.Scalar], at range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        for (k, scalar) in decoded.enumerated() {
            if scalar == "\u{FFFD}" { continue }
            let properties = scalar.properties
            switch scalar.value {
            case 0x0250...0x02FF: return false  // IPA and spacing modifiers: rare in prose, common in false repairs
            case 0x0000...0x009F: return false  // controls
            default: break
            }
            switch properties.generalCategory {
            case .control, .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator:
                return false
            case .nonspacingMark, .spacingMark, .enclosingMark:
                // A mark needs a decoded letter before it.
                guard k > 0, decoded[k - 1].properties.isAlphabetic || decoded[k - 1].properties.generalCategory.isMark
                else { return false }
            default: break
            }
        }
        let before = range.lowerBound > 0 ? scalars[range.lowerBound - 1] : " "
        let after = range.upperBound < scalars.count ? scalars[range.upperBound] : " "
        // Inside a Latin word, a repair must stay Latin: "L’épisode" is not Armenian.
        if before.isASCIILetter || after.isASCIILetter {
            let foreign = decoded.contains { scalar in
                scalar.properties.isAlphabetic && ![Script.latin, .common, .inherited].contains(Script(of: scalar))
            }
            if foreign { return false }
        }
        // Symbols alone that decode to a Latin-1 symbol are more likely meant as written ("`¬´" is a
        // face, not a misread "«").
        if !range.contains(where: { scalars[$0].properties.isAlphabetic }),
           decoded.allSatisfy({ $0.value < 0x100 && !$0.properties.isAlphabetic }) {
            return false
        }
        // One capital letter decoded from a lone pair must fit the word around it.
        if decoded.count == 1, decoded[0].properties.isUppercase, range.count == 2 {
            let last = scalars[range.upperBound - 1]
            let symbolLike = last.properties.generalCategory == .otherSymbol || last.properties.generalCategory == .mathSymbol
                || [0x00A9, 0x00AE, 0x00B0, 0x2122].contains(last.value)
            // "WORD™", "BRAND®": a trademark sign after a capital is a trademark sign.
            if symbolLike && !after.properties.isAlphabetic { return false }
            if before.properties.isAlphabetic {
                return before.properties.isUppercase
            }
            // At the start of a word, a capital is fine ("İstanbul") unless the second character is a
            // quote mark in use ("Ã’s" is a capital A-tilde and an apostrophe).
            let quoteLike: Set<UInt32> = [0x2018, 0x2019, 0x201C, 0x201D, 0x00AB, 0x00BB, 0x00B4]
            return !(quoteLike.contains(last.value) && after.properties.isLowercase)
        }
        return true
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
}

extension Unicode.GeneralCategory {
    /// Nonspacing, spacing or enclosing: a combining mark.
    public var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}

/// For a single-byte charset, the byte that each of its non-ASCII characters is written as.
enum SingleByteTable {
    private static let tables: [String: [UInt32: UInt8]] = {
        var tables: [String: [UInt32: UInt8]] = [:]
        for charset in MojibakeRepair.charsets {
            var table: [UInt32: UInt8] = [:]
            for byte in UInt8(0x80)...UInt8(0xFF) {
                let decoded = [byte].withUnsafeBufferPointer { try? TextDecoder.convert($0, from: charset) }
                guard let decoded, let scalar = decoded.unicodeScalars.first, decoded.unicodeScalars.count == 1,
                      scalar.value >= 0x80 else { continue }
                if table[scalar.value] == nil { table[scalar.value] = byte }
            }
            if !table.isEmpty { tables[charset] = table }
        }
        return tables
    }()

    static func table(for charset: String) -> [UInt32: UInt8]? { tables[charset] }

    /// One bit per scalar of the Basic Multilingual Plane: whether some charset reads it as a byte of
    /// `bytes`. (No charset maps a byte beyond the plane.)
    private static func scalars(readAs bytes: ClosedRange<UInt8>) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for table in tables.values {
            for (value, byte) in table where bytes.contains(byte) && value < 0x10000 {
                bits[Int(value) / 64] |= 1 << UInt64(value % 64)
            }
        }
        return bits
    }

    private static func has(_ bits: [UInt64], _ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && bits[Int(scalar.value) / 64] & (1 << UInt64(scalar.value % 64)) != 0
    }

    /// The scalars some charset reads as a byte that can lead a UTF-8 sequence (0xC2 to 0xF4), and as
    /// one that continues it (0x80 to 0xBF).
    private static let leadScalars = scalars(readAs: 0xC2...0xF4)
    private static let continuationScalars = scalars(readAs: 0x80...0xBF)

    static func mayBeLeadByte(_ scalar: Unicode.Scalar) -> Bool { has(leadScalars, scalar) }

    static func mayBeContinuationByte(_ scalar: Unicode.Scalar) -> Bool { has(continuationScalars, scalar) }
}
