@testable import MTAudit
import MTAuditText
import Testing

/// The shortcuts the detectors take over Unicode's property tables and over strings must answer as
/// the tables and the strings do.
@Suite("Detector support shortcuts")
struct DetectorSupportTests {
    @Test("ASCII case and letter shortcuts answer as the Unicode properties do, for every ASCII scalar and some others")
    func scalarProperties() {
        let others: [UInt32] = [0xAA, 0xBA, 0xC0, 0xDF, 0xE9, 0x130, 0x1C5, 0x2B0, 0x391, 0x3B1, 0x410, 0x5D0, 0x4E00, 0x2160, 0x24B6, 0x1D400]
        for value in Array(0..<0x80) + others {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.hasUppercaseProperty == scalar.properties.isUppercase, "\(value)")
            #expect(scalar.hasLowercaseProperty == scalar.properties.isLowercase, "\(value)")
            #expect(scalar.hasAlphabeticProperty == scalar.properties.isAlphabetic, "\(value)")
        }
    }

    @Test("A token's scalar count and ASCII test agree with its text")
    func tokenShape() throws {
        let text = "Café ﬁne naïve e\u{301}tude 東京で会議 😀👍🏽 Ω-ohm \r\n Straße's U.S. résumé"
        let document = Document(id: "t", text: text, segmenter: try Segmenter())
        #expect(!document.tokens.isEmpty)
        for token in document.tokens {
            #expect(token.scalarCount == token.text.unicodeScalars.count, "\(token.text)")
            #expect(token.isASCII == token.text.utf8.allSatisfy { $0 < 0x80 }, "\(token.text)")
        }
    }
}
