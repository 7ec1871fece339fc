import Testing
@testable import MTAuditText

@Suite("Transliteration, scripts and confusable skeletons")
struct ScriptsAndNamesTests {
    @Test("Names in other scripts transliterate to Latin-ASCII")
    func transliteration() throws {
        let transliterator = try Transliterator()
        #expect(transliterator.transliterate("Кэрри") == "Kerri")
        #expect(transliterator.transliterate("Αθήνα") == "Athena")
        #expect(transliterator.transliterate("Zoë Ørsted") == "Zoe Orsted")
        #expect(transliterator.transliterate("习近平").lowercased().filter { $0 != " " } == "xijinping")
    }

    @Test("Each text's dominant script")
    func scripts() {
        #expect(Script.dominant(in: "Привет, мир").shortName == "Cyrl")
        #expect(Script.dominant(in: "Hello, world 2024").shortName == "Latn")
        #expect(Script.dominant(in: "会议在北京举行").shortName == "Hani")
        #expect(Script.dominant(in: "שלום").shortName == "Hebr")
        #expect(Script(of: "1").isShared)
    }

    @Test("Homoglyphs share a skeleton; different names do not")
    func confusables() throws {
        let skeleton = try ConfusableSkeleton()
        #expect(skeleton.areConfusable("Xi", "Хі"))
        #expect(skeleton.areConfusable("paypal", "pаypаl"))
        #expect(!skeleton.areConfusable("Xi", "Xu"))
    }

    @Test("The system ICU is the one linked")
    func icuVersion() {
        #expect(ICUInfo.version.hasPrefix("7"))
    }
}
