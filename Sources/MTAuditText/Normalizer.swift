import CICU

/// Unicode normalization through ICU: NFC for display, and the matching form for comparison.
///
/// ICU does not fail on well-formed text; should it fail anyway (memory), these functions return the
/// text unchanged rather than stop an audit.
public enum Normalizer {
    public enum Form: Sendable {
        case nfc, nfd, nfkc, nfkcCasefold

        var code: Int32 {
            switch self {
            case .nfc: return CICU_NORM_NFC
            case .nfd: return CICU_NORM_NFD
            case .nfkc: return CICU_NORM_NFKC
            case .nfkcCasefold: return CICU_NORM_NFKC_CASEFOLD
            }
        }
    }

    public static func normalize(_ text: String, to form: Form) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) && form != .nfkcCasefold { return text }
        return ICUCall.withUTF8(text) { bytes, length in
            (try? ICUCall.string(operation: "normalization", initialCapacity: Int(length) + Int(length) / 2 + 16) {
                out, capacity, status in
                cicu_normalize_utf8(form.code, bytes, length, out, capacity, nil, status)
            }) ?? text
        }
    }

    public static func isNormalized(_ text: String, form: Form) -> Bool {
        ICUCall.withUTF8(text) { bytes, length in
            var status: Int32 = 0
            return cicu_is_normalized_utf8(form.code, bytes, length, &status) == 1
        }
    }

    /// `text` in a normalization form, with a map back to the original's scalar offsets (so that a
    /// detector may look at NFC text and still point into the text as given).
    public static func mapped(_ text: String, to form: Form) -> MatchingText {
        let offsets = ScalarOffsets(text)
        let (bytes, byteOrigin) = normalizeWithOrigins(text, form: form)
        var origin: [Int32] = []
        origin.reserveCapacity(offsets.scalarCount)
        var byteIndex = 0
        let normalized = String(decoding: bytes, as: UTF8.self)
        for scalar in normalized.unicodeScalars {
            origin.append(Int32(offsets.scalarOffset(ofByte: Int(byteOrigin[byteIndex]))))
            byteIndex += UTF8.width(scalar)
        }
        return MatchingText(text: normalized, origin: origin, originalCount: offsets.scalarCount)
    }

    /// The matching form of a whole text, with its map back to the original's scalar offsets.
    public static func matchingForm(of text: String) -> MatchingText {
        let offsets = ScalarOffsets(text)
        let (bytes, byteOrigin) = normalizeWithOrigins(text, form: .nfkcCasefold)
        var folded = String.UnicodeScalarView()
        var origin: [Int32] = []
        origin.reserveCapacity(offsets.scalarCount)
        var inSpace = false
        var byteIndex = 0
        let normalized = String(decoding: bytes, as: UTF8.self)
        for scalar in normalized.unicodeScalars {
            let from = Int32(offsets.scalarOffset(ofByte: Int(byteOrigin[byteIndex])))
            byteIndex += UTF8.width(scalar)
            if scalar.properties.isWhitespace {
                if inSpace { continue }
                inSpace = true
                folded.append(" ")
            } else {
                inSpace = false
                folded.append(fold(scalar))
            }
            origin.append(from)
        }
        return MatchingText(text: String(folded), origin: origin, originalCount: offsets.scalarCount)
    }

    /// The matching form of a short piece of text, such as a token, without a map.
    ///
    /// Texts of Latin, Greek or Cyrillic letters, digits and common punctuation (nearly every token)
    /// are folded scalar by scalar from a table; others go through ICU.
    public static func matchingKey(_ text: String) -> String {
        MatchingKeyTable.shared.key(of: text) ?? matchingForm(of: text).text
    }

    /// `matchingKey(text)` of a `text` whose UTF-8 bytes are `utf8`, when the caller has them in hand
    /// (a segmenter's tokens): an ASCII text is folded from them with no second look at the String.
    public static func matchingKey(_ text: String, utf8: UnsafeBufferPointer<UInt8>) -> String {
        MatchingKeyTable.asciiKey(of: text, utf8: utf8) ?? matchingKey(text)
    }

    /// `text` without its combining marks, for comparing names across accents ("Galápagos" and
    /// "Galapagos"): NFD, then every nonspacing mark dropped.
    public static func strippingMarks(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var view = String.UnicodeScalarView()
        for scalar in normalize(text, to: .nfd).unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            view.append(scalar)
        }
        return String(view)
    }

    /// Quotes to ' and ", dashes to -. Every other scalar is returned as it is.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x0060, 0x00B4, 0x02B9, 0x02BC, 0x02BB, 0x2039, 0x203A:
            return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB, 0x300C, 0x300D, 0x300E, 0x300F,
             0x301D, 0x301E, 0x301F:
            return "\""
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0x058A, 0x05BE:
            return "-"
        default:
            return scalar
        }
    }

    /// The bytes of `text` in `form` and, for each output byte, the input byte offset it came from.
    private static func normalizeWithOrigins(_ text: String, form: Form) -> ([UInt8], [Int32]) {
        ICUCall.withUTF8(text) { bytes, length -> ([UInt8], [Int32]) in
            var capacity = Int(length) + Int(length) / 2 + 16
            for _ in 0..<2 {
                var out = [UInt8](repeating: 0, count: capacity)
                var origin = [Int32](repeating: 0, count: capacity + 1)
                var status: Int32 = 0
                let needed = cicu_normalize_utf8(form.code, bytes, length, &out, Int64(capacity),
                                                 &origin, &status)
                if status == CICU_OK {
                    out.removeSubrange(Int(needed)...)
                    origin.removeSubrange(Int(needed + 1)...)
                    return (out, origin)
                }
                if status != CICU_E_BUFFER_TOO_SMALL { break }
                capacity = Int(needed) + 16
            }
            // Unreachable for well-formed text; fall back to the identity.
            let identity = Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
            return (identity, (0...Int32(length)).map { $0 })
        }
    }
}

extension UTF8 {
    @inline(__always)
    static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }
}
