import MTAudit
import Testing

@Suite("Lexicons")
struct LexiconTests {
    @Test("The built-in lexicons load, one file per kind at least")
    func builtIn() {
        let kinds = Set(Lexicons.builtIn.files.map(\.kind))
        #expect(kinds == Set(LexiconKind.allCases))
        #expect(Lexicons.builtIn.entries(.honorifics, language: "en").contains("Mr"))
        #expect(Lexicons.builtIn.entries(.honorifics, language: "fr-CA").contains("Mme"))
        #expect(Lexicons.builtIn.entries(.honorifics, language: "und").contains("Herr"), "und reads every language")
        #expect(Lexicons.builtIn.entries(.honorifics, language: "xx").isEmpty)
    }

    @Test("A user file adds to the built-in lists")
    func adding() throws {
        let lexicons = try Lexicons.builtIn.adding("""
            kind: honorifics
            languages:
              en: [Commissioner]
            """, name: "mine.yml")
        #expect(lexicons.entries(.honorifics, language: "en").contains("Commissioner"))
        #expect(lexicons.entries(.honorifics, language: "en").contains("Mr"))
    }

    @Test("Broken files are errors that name the file and the line", arguments: [
        ("kind: honorifics\nlanguages:\n  en: [Mr\n", "not valid YAML"),
        ("kind: honorifics\ncolour: blue\n", "unknown key 'colour'"),
        ("kind: spells\n", "unknown kind 'spells'"),
        ("kind: honorifics\nlanguages:\n  en: Mr\n", "must be a list"),
        ("kind: honorifics\nlanguages:\n  'e n': [Mr]\n", "not a language subtag"),
        ("description: no kind\n", "missing key 'kind'"),
    ])
    func broken(text: String, message: String) {
        do {
            _ = try LexiconFile.parse(text, name: "broken.yml")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.file == "broken.yml")
            #expect(error.line != nil)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("broken.yml:"))
        }
    }

    @Test("The line named is the line at fault")
    func line() {
        do {
            _ = try LexiconFile.parse("kind: honorifics\ndescription: ok\nlanguages:\n  en: [Mr]\n  fr: 3\n", name: "f.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 5)
        }
    }
}
