import Testing
@testable import MTAuditText

@Suite("Decoding bytes into text")
struct TextDecoderTests {
    @Test("UTF-8 is read as it is, with a byte-order mark dropped")
    func utf8WithBOM() throws {
        let decoded = try TextDecoder().decode([0xEF, 0xBB, 0xBF] + Array("Zoë 😀".utf8))
        #expect(decoded.text == "Zoë 😀")
        #expect(decoded.encoding == "UTF-8")
    }

    @Test("Invalid UTF-8 is an error naming the byte offset")
    func invalidUTF8() {
        #expect(throws: TextError.invalidUTF8(byteOffset: 4)) {
            try TextDecoder().decode(Array("abcd".utf8) + [0xC3, 0x28])
        }
        let message = String(describing: TextError.invalidUTF8(byteOffset: 4))
        #expect(message.contains("byte 4"))
        #expect(message.contains("--encoding"))
    }

    @Test("A NUL byte is an error")
    func nulByte() {
        #expect(throws: TextError.nulByte(byteOffset: 2)) { try TextDecoder().decode([0x61, 0x62, 0x00]) }
    }

    @Test("A named encoding converts through ICU", arguments: [
        ("windows-1252", [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x97, 0x20, 0x80] as [UInt8], "“Café” — €"),
        ("ISO-8859-7", [0xC1, 0xE8, 0xDE, 0xED, 0xE1] as [UInt8], "Αθήνα"),
        ("Shift_JIS", [0x93, 0x8C, 0x8B, 0x9E] as [UInt8], "東京"),
        ("GB18030", [0xB1, 0xB1, 0xBE, 0xA9] as [UInt8], "北京"),
    ])
    func named(encoding: String, bytes: [UInt8], expected: String) throws {
        let decoded = try TextDecoder(encoding: .named(encoding)).decode(bytes)
        #expect(decoded.text == expected)
    }

    @Test("An unknown encoding name is an error that names it")
    func unknownEncoding() {
        #expect(throws: TextError.unknownEncoding("klingon-8")) {
            try TextDecoder(encoding: .named("klingon-8")).decode([0x41])
        }
    }

    @Test("Bytes illegal in the named encoding are an error at their offset")
    func illegalBytes() throws {
        do {
            _ = try TextDecoder(encoding: .named("Shift_JIS")).decode([0x41, 0x42, 0x81, 0x20])
            Issue.record("expected an error")
        } catch .illegalBytes(let encoding, let offset) {
            #expect(encoding == "Shift_JIS")
            #expect(offset == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("auto keeps UTF-8 and detects a legacy charset otherwise")
    func auto() throws {
        #expect(try TextDecoder(encoding: .auto).decode(Array("Grüße".utf8)).text == "Grüße")
        let latin1 = Array("Le conseil municipal a voté la réforme du marché à l'unanimité, déclare le maire.".unicodeScalars
            .map { UInt8($0.value) })
        let decoded = try TextDecoder(encoding: .auto).decode(latin1)
        #expect(decoded.text.contains("voté la réforme du marché"))
        #expect(decoded.encoding != "UTF-8")
    }

    @Test("Encoding names from the command line")
    func encodingNames() {
        #expect(TextDecoder.Encoding("UTF-8") == .utf8)
        #expect(TextDecoder.Encoding("utf8") == .utf8)
        #expect(TextDecoder.Encoding("auto") == .auto)
        #expect(TextDecoder.Encoding("windows-1252") == .named("windows-1252"))
    }
}
