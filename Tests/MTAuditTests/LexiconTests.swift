import Foundation
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

    @Test("Structured lexicons load, and a user file adds entries")
    func structured() throws {
        let countries = Lexicons.builtIn.structuredEntries(.countries)
        #expect(countries.contains { $0.id == "JP" && $0.forms("names", language: "fr").contains("Japon") })
        #expect(countries.contains { $0.id == "CN" && $0.forms("prefixes", language: "en").contains("Sino") })
        #expect(Lexicons.builtIn.structuredEntries(.dateTimeWords).contains { $0.id == "monday" && $0.entryClass == "weekday" })
        let lexicons = try Lexicons.builtIn.adding("""
            kind: titles
            entries:
              - {id: commissioner, names: {en: [commissioner, high commissioner]}}
            """, name: "mine.yml")
        #expect(lexicons.structuredEntries(.titles).contains { $0.id == "commissioner" })
    }

    @Test("The entities and confusions lexicons load, with their classes")
    func entitiesAndConfusions() throws {
        let entities = Lexicons.builtIn.structuredEntries(.entities)
        #expect(entities.contains { $0.id == "united-nations" && $0.entryClass == "organisation" && $0.forms("aliases", language: "en").contains("UN") })
        #expect(entities.contains { $0.id == "gaddafi" && $0.entryClass == "person" && $0.forms("transliterations", language: "en").contains("Qaddafi") })
        #expect(entities.allSatisfy { LexiconKind.classes(of: .entities).contains($0.entryClass ?? "") && !$0.forms("names", language: "und").isEmpty })
        let confusions = Lexicons.builtIn.structuredEntries(.confusions)
        #expect(confusions.contains { $0.entryClass == "name-as-word" } && confusions.contains { $0.entryClass == "respelling" })
        #expect(confusions.allSatisfy { !$0.forms("right", language: "und").isEmpty && !$0.forms("wrong", language: "und").isEmpty })
        // A user's file adds entities with the same checks.
        let lexicons = try Lexicons.builtIn.adding("""
            kind: entities
            entries:
              - {id: fjordline, class: organisation, names: {en: [Fjord Shipping Union]}, aliases: {en: [FSU]}}
            """, name: "mine.yml")
        #expect(lexicons.structuredEntries(.entities).contains { $0.id == "fjordline" })
    }

    @Test("Broken structured files are errors that name the file and the line", arguments: [
        ("kind: countries\nentries:\n  - {id: JP, names: {en: [Japan]}}\n  - {id: JP, names: {en: [Nippon]}}\n", 4, "already used on line 3"),
        ("kind: countries\nentries:\n  - {id: JP, colours: {en: [red]}}\n", 3, "unknown entry key 'colours'"),
        ("kind: countries\nentries:\n  - {names: {en: [Japan]}}\n", 3, "needs an 'id'"),
        ("kind: countries\nentries:\n  - id: JP\n    names: Japan\n", 4, "must map language subtags"),
        ("kind: date-time-words\nentries:\n  - {id: monday, words: {en: [Monday]}}\n", 3, "needs a 'class'"),
        ("kind: date-time-words\nentries:\n  - {id: monday, class: season, words: {en: [Monday]}}\n", 3, "unknown class 'season'"),
        ("kind: titles\nlanguages:\n  en: [mayor]\n", 3, "lists 'entries', not 'languages'"),
        ("kind: honorifics\nentries:\n  - {id: mr}\n", 3, "lists 'languages', not 'entries'"),
        ("kind: titles\nentries: mayor\n", 2, "entries must be a list"),
        // Entities: a class is required and must be one of the kinds; names are required.
        ("kind: entities\nentries:\n  - {id: un, names: {en: [United Nations]}}\n", 3, "needs a 'class'"),
        ("kind: entities\nentries:\n  - id: un\n    class: agency\n    names: {en: [United Nations]}\n", 4, "unknown class 'agency'"),
        ("kind: entities\nentries:\n  - id: un\n    class: organisation\n    acronyms: {en: [UN]}\n", 5, "unknown entry key 'acronyms'"),
        ("kind: entities\nentries:\n  - {id: un, class: organisation, names: {en: [United Nations]}}\n  - {id: un, class: organisation, names: {en: [UN]}}\n",
         4, "id 'un' is already used on line 3"),
        ("kind: entities\nentries:\n  - {id: un, class: organisation, aliases: {en: [UN]}}\n", 3, "needs 'names'"),
        // Confusions: both sides are required.
        ("kind: confusions\nentries:\n  - {id: x, class: respelling, right: {en: [Nietzsche]}}\n", 3, "needs 'wrong'"),
        ("kind: confusions\nentries:\n  - {id: x, class: respelling, right: {en: [Nietzsche]}, wrong: {en: []}}\n", 3, "needs 'wrong'"),
        ("kind: confusions\nentries:\n  - {id: x, class: false-name, right: {en: [A]}, wrong: {en: [B]}}\n", 3, "unknown class 'false-name'"),
        ("kind: confusions\nentries:\n  - {id: x, class: respelling, right: {en: [A]}, wrong: {en: [B]}, wrongs: {en: [C]}}\n", 3, "unknown entry key 'wrongs'"),
    ])
    func brokenStructured(text: String, line: Int, message: String) {
        do {
            _ = try LexiconFile.parse(text, name: "broken.yml")
            Issue.record("expected an error for \(text.debugDescription)")
        } catch {
            #expect(error.file == "broken.yml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test("The compiled-in lexicons are the files of Lexicons/ parsed at run time, and pack and unpack whole")
    func packedBuiltIns() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Lexicons").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yml") }.sorted()
        let parsed = try names.map { name in
            try LexiconFile.parse(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8), name: "Lexicons/" + name)
        }
        #expect(parsed.count >= 10)
        #expect(Lexicons.builtIn.files == parsed)
        // Values the built-in files lack: empty strings and lists, no description, no line, a class.
        let odd = LexiconFile(name: "", kind: .confusions, description: nil, languages: [:], entries: [
            LexiconEntry(id: "", entryClass: "c", forms: ["right": ["": [""], "en": []], "wrong": [:]], line: nil),
            LexiconEntry(id: "x y", forms: [:], line: 7),
        ])
        let flat = LexiconFile(name: "a.yml", kind: .honorifics, description: "", languages: ["en": ["Mr", ""], "de": []])
        #expect(PackedLexicons.pack([odd, flat]).map(PackedLexicons.unpack) == [odd, flat])
        #expect(PackedLexicons.pack([]).map(PackedLexicons.unpack) == [])
        #expect(PackedLexicons.pack([LexiconFile(name: "a\u{1F}b", kind: .honorifics, description: nil, languages: [:])]) == nil)
    }
}
