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
        // Most versions are ASCII, which holds no mojibake: a scan of the text's contiguous bytes (no
        // iterator over the view) tells.
        let hasNonASCII = text.utf8.withContiguousStorageIfAvailable { $0.contains { $0 >= 0x80 } }
            ?? text.utf8.contains { $0 >= 0x80 }
        guard hasNonASCII else { return [] }
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
}
