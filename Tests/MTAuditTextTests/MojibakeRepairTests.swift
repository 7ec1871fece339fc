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

    @Test("Words garbled through any charset are found, between ASCII words and beside clean accents")
    func garbledThroughEveryCharset() throws {
        // Each charset's bytes as scalars: garbling a word is writing its UTF-8 bytes in them.
        let words = ["régime", "Ærøskøbing", "Zürich", "Łódź", "Čapek", "Δελφοί", "Москва", "İzmir", "naïve"]
        for charset in MojibakeRepair.charsets {
            let table = try #require(SingleByteTable.table(for: charset))
            var scalarOf: [UInt8: Unicode.Scalar] = [:]
            for (value, byte) in table { scalarOf[byte] = Unicode.Scalar(value) }
            for word in words {
                // Only words every byte of which the charset has a scalar for can be garbled through it.
                let garbledScalars = word.utf8.map { $0 < 0x80 ? Unicode.Scalar($0) : scalarOf[$0] }
                guard garbledScalars.allSatisfy({ $0 != nil }) else { continue }
                let garbled = String(String.UnicodeScalarView(garbledScalars.map { $0! }))
                let text = "café, " + garbled + " and “more”"
                // Every garbled character is repaired, and nothing else is. (What a stretch reads as
                // depends on the charsets that decode it: some bytes read alike in several.)
                let start = "café, ".unicodeScalars.count
                let garbledRange = start..<start + garbled.unicodeScalars.count
                let scalars = Array(text.unicodeScalars)
                let repairs = MojibakeRepair.repairs(in: text)
                #expect(!repairs.isEmpty && repairs.allSatisfy { garbledRange.contains($0.range.lowerBound) && $0.range.upperBound <= garbledRange.upperBound },
                        "\(charset): \(garbled) \(repairs)")
                #expect(garbledRange.allSatisfy { k in scalars[k].value < 0x80 || repairs.contains { $0.range.contains(k) } },
                        "\(charset): \(garbled) \(repairs)")
            }
        }
    }

    @Test("Clean text is left alone", arguments: [
        "Αθήνα ¨ανατροφή¨ δυστυχώς", "Сёмга и Ёлка", "Tiếng Việt", "NESTLÉ®", "NICIODATĂ™", "TRANSFORMATORIŲ™",
        "a lot of Ã’s in text", "L’épisode", "OK??:(   `¬´    ):", "4288×…", "frataraká§ 141", "😀 👩‍👩‍👧 🇳🇴",
        "!YO SÉ¡", "“Quoted” — text…", "שלום עולם", "مرحبا بالعالم",
        // A possible lead byte with no continuation after it in its run: no sequence starts there.
        "Ã alone, Â a", "fiancé—née", "Ô. Ç",
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

@Suite("Single-byte charsets' tables")
struct SingleByteTableTests {
    @Test("The written-out high halves are what ICU reads each charset's bytes 0x80–0xFF as")
    func highHalvesAreICUs() throws {
        #expect(SingleByteTable.highHalves.count == MojibakeRepair.charsets.count)
        var literal = ""
        for (index, charset) in MojibakeRepair.charsets.enumerated() {
            let fromICU = SingleByteTable.highHalfFromICU(charset)
            #expect(fromICU.count == 128 && fromICU.contains { $0 != 0 }, "\(charset)")
            #expect(index < SingleByteTable.highHalves.count && SingleByteTable.highHalves[index] == fromICU, "\(charset)")
            literal += "        // \(charset)\n        [" + fromICU.map { value in
                let digits = String(value, radix: 16, uppercase: true)
                return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
            }.joined(separator: ", ") + "],\n"
        }
        // What to paste into `highHalves` if ICU ever reads a byte otherwise.
        if SingleByteTable.highHalves != MojibakeRepair.charsets.map(SingleByteTable.highHalfFromICU) { print(literal) }
    }
}
