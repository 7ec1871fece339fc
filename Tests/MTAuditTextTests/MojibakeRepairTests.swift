import Testing
@testable import MTAuditText

@Suite("Mojibake repair")
struct MojibakeRepairTests {
    private func repaired(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for repair in MojibakeRepair.repairs(in: text).reversed() {
            scalars.replaceSubrange(repair.range, with: Array(repair.replacement.unicodeScalars))
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test("Mojibake is undone, whatever the charset and however often", arguments: [
        ("rÃ©gime", "régime"),                        // windows-1252
        ("fight β€” on", "fight — on"),               // windows-1253
        ("вЂ” dash", "— dash"),                       // windows-1251
        ("gâteau → g√¢teau", "gâteau → gâteau"),      // MacRoman
        ("ΓÇö", "—"),                                  // IBM437
        ("ĂŽle", "Île"),                                // windows-1250
        ("Ã¢â‚¬â„¢", "’"),                            // twice through windows-1252
        ("DOS AÃ‘OS", "DOS AÑOS"),
        ("Ä°stanbul", "İstanbul"),
        ("æ—¥æœ¬èªž", "日本語"),
        // "☺😘" written as CESU-8 (each surrogate on its own) and read as Latin-1.
        (String(String.UnicodeScalarView([0xE2, 0x98, 0xBA, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x98].map { Unicode.Scalar(UInt8($0)) })),
         "☺😘"),
    ])
    func repairs(garbled: String, clean: String) {
        #expect(repaired(garbled) == clean)
    }

    @Test("Clean text is left alone", arguments: [
        "Αθήνα ¨ανατροφή¨ δυστυχώς", "Сёмга и Ёлка", "Tiếng Việt", "NESTLÉ®", "NICIODATĂ™", "TRANSFORMATORIŲ™",
        "a lot of Ã’s in text", "L’épisode", "OK??:(   `¬´    ):", "4288×…", "frataraká§ 141", "😀 👩‍👩‍👧 🇳🇴",
        "!YO SÉ¡", "“Quoted” — text…", "שלום עולם", "مرحبا بالعالم",
    ])
    func clean(text: String) {
        #expect(MojibakeRepair.repairs(in: text).isEmpty)
    }

    @Test("A replacement character is reported as lossy, with the charset when known")
    func lossy() {
        let repairs = MojibakeRepair.repairs(in: "Ă�frica and SlovenÄ�ina")
        #expect(repairs.map(\.range) == [0..<2, 18..<20])
        #expect(repairs.allSatisfy { $0.isLossy })
        let bare = MojibakeRepair.repairs(in: "a � b")
        #expect(bare.count == 1 && bare[0].charsets.isEmpty && bare[0].range == 2..<3)
    }
}
