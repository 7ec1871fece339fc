import MTAuditText

/// Flags mojibake: UTF-8 text that was decoded as another charset somewhere on its way ("Ã©" for "é",
/// "β€”" for "—", "√©" for "é"), also twice over, and replacement characters where bytes were lost.
/// It suggests the repaired text.
public struct MojibakeDetector: Detector {
    public static let description = DetectorDescription(
        id: "mojibake",
        name: "Mojibake",
        summary: "Characters garbled by a wrong charset (“Ã©” for “é”), or lost (“�”).",
        category: .characterEncoding,
        severity: .major,
        rationale: """
            Mojibake makes names and words unreadable and tells the reader that nobody checked the text. \
            Each run of non-ASCII characters is mapped back to bytes through common single-byte charsets. \
            The result is read as UTF-8 and kept only when it is plausible text, so clean Greek, Cyrillic, \
            Vietnamese, emoji and symbols are left alone.
            """,
        triggeringExamples: [
            DetectorExample(source: "The café reopened.", version: "The caf⟦Ã©⟧ reopened."),
            DetectorExample(source: "It was a long fight — two years.", version: "It was a long fight ⟦β€”⟧ two years."),
            DetectorExample(source: "The town’s lights came on.", version: "The town⟦â€™⟧s lights came on."),
            DetectorExample(source: "Crème brûlée for all.", version: "Cr⟦√®⟧me br⟦√ª⟧l⟦√©⟧e for all."),
            DetectorExample(source: "They met in Zürich.", version: "They met in Z⟦Ã¼⟧rich."),
            DetectorExample(source: "Ein Gespräch über Politik.", version: "Ein Gespr⟦ÃƒÂ¤⟧ch ⟦ÃƒÂ¼⟧ber Politik."),
            DetectorExample(source: "Привет, мир.", version: "⟦ÐŸÑ€Ð¸Ð²ÐµÑ‚⟧, ⟦Ð¼Ð¸Ñ€⟧."),
            DetectorExample(source: "The mayor’s reply.", version: "The mayor⟦�⟧s reply."),
        ],
        nonTriggeringExamples: [
            DetectorExample(source: "The café reopened.", version: "The café reopened — at last."),
            DetectorExample(source: "Αθήνα και Θεσσαλονίκη.", version: "Η «Αθήνα» και η Θεσσαλονίκη."),
            DetectorExample(source: "Москва и Сёмга.", version: "Москва и Сёмга — Ёлка."),
            DetectorExample(source: "Hà Nội mùa thu.", version: "Tiếng Việt ở Hà Nội mùa thu."),
            DetectorExample(source: "NESTLÉ® hires.", version: "NESTLÉ® hires 4288×… people."),
            DetectorExample(source: "Lots of Ã’s here.", version: "There are a lot of Ã’s in mojibake text."),
            DetectorExample(source: "L’épisode 8.", version: "L’épisode 8 est trop fou 😀 🇳🇴."),
            DetectorExample(source: "東京で会議。", version: "東京で会議が開かれた。"),
        ]
    )

    public init() {}

    public func findings(in context: DetectionContext) -> [Finding] {
        let text = context.version.text
        // Most versions are ASCII, or hold only lone accented letters, quotes and dashes: a scan of
        // the text's contiguous bytes tells, with no scalars decoded and no normal form checked.
        if text.utf8.withContiguousStorageIfAvailable(Self.surelyClean) == true { return [] }
        // A text in NFC already (most) is its own NFC text: where it holds nothing to repair, no map
        // back to its offsets is made.
        if Normalizer.isNormalized(text, form: .nfc), MojibakeRepair.repairs(in: text).isEmpty { return [] }
        let nfc = Normalizer.mapped(text, to: .nfc)
        let scalars = Array(nfc.text.unicodeScalars)
        return MojibakeRepair.repairs(in: nfc.text).compactMap { repair in
            let garbled = String(String.UnicodeScalarView(scalars[repair.range]))
            if context.source.text.contains(garbled) { return nil }
            let span = nfc.originalSpan(of: repair.range)
            let written = context.version.text(of: span)
            let message: String
            let suggestion: String?
            if repair.charsets.isEmpty {
                message = "“\(written)” is a replacement character: a character was lost in decoding"
                suggestion = nil
            } else if repair.isLossy {
                message = "“\(written)” is mojibake (UTF-8 read as \(repair.charsets.joined(separator: ", then "))), "
                    + "and bytes were lost"
                suggestion = nil
            } else {
                message = "“\(written)” is mojibake (UTF-8 read as \(repair.charsets.joined(separator: ", then "))): "
                    + "it should read “\(repair.replacement)”"
                suggestion = repair.replacement
            }
            return finding(span, in: context, message: message, suggestion: suggestion, evidence: .self)
        }
    }

    /// Whether UTF-8 `bytes` surely hold no mojibake and nothing lost: every non-ASCII scalar stands
    /// alone between ASCII ones, and is below U+0300 or a quote, dash or other mark of U+2010 to
    /// U+205F.
    ///
    /// Mojibake is a run of two or more non-ASCII scalars (a lead byte read as one, then a
    /// continuation byte), and a lost character is U+FFFD, which neither range holds. Those scalars
    /// are their own NFC, compose with nothing before them, and decompose to nothing else, so such a
    /// text is its own NFC text: `MojibakeRepair.repairs` finds nothing in it, as a test checks.
    static func surelyClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        var afterNonASCII = false
        while k < bytes.count {
            let lead = bytes[k]
            if lead < 0x80 {
                afterNonASCII = false
                k += 1
                // Eight ASCII bytes at a time, where they are (most of a text).
                while k + 8 <= bytes.count,
                      UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    k += 8
                }
                continue
            }
            guard !afterNonASCII else { return false }
            afterNonASCII = true
            if lead >= 0xC2 && lead <= 0xCB {
                k += 2  // U+0080 to U+02FF
            } else if lead == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80 || bytes[k + 1] == 0x81 {
                // U+2000 to U+207F: its last six bits, and the second byte's, place it.
                let value = 0x2000 | UInt32(bytes[k + 1] & 0x3F) << 6 | UInt32(bytes[k + 2] & 0x3F)
                guard value >= 0x2010 && value < 0x2060 else { return false }
                k += 3
            } else {
                return false
            }
        }
        return true
    }
}
