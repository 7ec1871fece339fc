@testable import MTAudit
import Testing

/// The built-in lexicons read in place (`PackedLexiconArchive`) against the same files unpacked.
@Suite("Names5 packed lexicons")
struct Names5PackedLexiconTests {
    static let languages = ["en", "fr", "de", "es", "it", "pt", "nl", "ru", "zh", "ja", "und", "", "xx", "en-GB"]

    /// Whether two phrase tables hold the same forms, classes and ids.
    static func same(_ a: LexiconPhrases, _ b: LexiconPhrases) -> Bool {
        guard a.classes == b.classes, a.formsByFirstKey.count == b.formsByFirstKey.count else { return false }
        for (key, list) in a.formsByFirstKey {
            guard let other = b.formsByFirstKey[key], other.count == list.count else { return false }
            for (x, y) in zip(list, other) where x.keys != y.keys || x.cases != y.cases || x.ids != y.ids || x.field != y.field
                || x.isPrefix != y.isPrefix {
                return false
            }
        }
        return true
    }

    @Test("The phrase tables of the built-in kinds read from the packed bytes are those of the unpacked files")
    func builtInPhrases() throws {
        let archive = try #require(Lexicons.builtIn.archive)
        let files = archive.files()
        for kind in LexiconKind.allCases where kind.isStructured {
            let entries = files.filter { $0.kind == kind }.flatMap(\.entries)
            #expect(!entries.isEmpty)
            for language in Self.languages {
                let fields = LexiconKind.fields(of: kind)
                let plain = LexiconPhrases(entries: entries, fields: fields, language: language)
                let packed = LexiconPhrases(archive: archive, kind: kind, fields: fields, language: language)
                #expect(Self.same(plain, packed), "\(kind) \(language)")
                if language == "en" || language == "und" { #expect(!plain.formsByFirstKey.isEmpty, "\(kind) \(language)") }
            }
        }
    }

    @Test("Each form of odd entries, walked in the packed bytes, is what the unpacked entry lists")
    func oddEntries() throws {
        let odd = LexiconFile(name: "", kind: .confusions, description: nil, languages: [:], entries: [
            LexiconEntry(id: "", entryClass: "c", forms: ["right": ["": [""], "en": []], "wrong": [:]], line: nil),
            LexiconEntry(id: "x y", forms: [:], line: 7),
            LexiconEntry(id: "z", forms: ["wrong": ["fr": ["b", "a"], "en": ["c"]], "right": ["en": ["d e", "f"], "de": ["g"]], "other": ["en": ["h"]]]),
        ])
        let flat = LexiconFile(name: "a.yml", kind: .honorifics, description: "", languages: ["en": ["Mr", ""], "de": []])
        let archive = PackedLexiconArchive(try #require(PackedLexicons.pack([flat, odd, flat])))
        #expect(archive.count == 3)
        #expect(archive.files() == [flat, odd, flat])
        #expect(archive.entryCount(ofFile: 1) == 3)
        #expect(archive.entryCount(ofFile: 0) == 0)
        let fields = ["wrong", "right"]
        for language in ["en", "fr", "de", "und", "", "xx"] {
            var walked: [String] = [], expected: [String] = []
            archive.forEachForm(ofFile: 1, fields: fields, language: language, entry: { id, entryClass in
                walked.append("entry \(id) \(entryClass ?? "-")")
            }, form: { field, text in walked.append("\(fields[field]) \(text)") })
            for entry in odd.entries {
                expected.append("entry \(entry.id) \(entry.entryClass ?? "-")")
                for field in fields { expected += entry.forms(field, language: language).map { "\(field) \($0)" } }
            }
            #expect(walked == expected, "\(language)")
        }
    }

    @Test("The files of a kind, unpacked alone, are the kind's of all the files")
    func filesOfKind() {
        let all = Lexicons.builtIn.archive!.files()
        for kind in LexiconKind.allCases {
            #expect(Lexicons.builtIn.files(of: kind) == all.filter { $0.kind == kind })
        }
        #expect(Lexicons.builtIn.files == all)
    }
}
