@_exported import LexiconFiles
import MTAuditText

/// The lexicons an audit reads: the built-in files of `Lexicons/` and any the user adds.
public struct Lexicons: Sendable {
    public let files: [LexiconFile]
    /// What the detectors derive from these files (their entries by kind and language, phrase tables,
    /// sets of keys), made once however many texts they read; copies share it, and `adding` makes new
    /// lexicons with a new one.
    let derived = DerivedLookups()

    public init(files: [LexiconFile] = []) { self.files = files }

    /// The files compiled in from the package's `Lexicons/` folder: parsed and checked at build time
    /// by `LexiconEmbedder` (a broken file fails the build), and unpacked here (`PackedLexicons`),
    /// where parsing their YAML took most of a short audit's start-up.
    public static let builtIn = Lexicons(files: PackedLexicons.unpack(EmbeddedLexicons.packed))

    /// These lexicons and the file `text` called `name`.
    public func adding(_ text: String, name: String) throws(LexiconError) -> Lexicons {
        Lexicons(files: files + [try LexiconFile.parse(text, name: name)])
    }

    /// The entries of `kind` for a BCP 47 `language`; all languages together for "und".
    public func entries(_ kind: LexiconKind, language: String) -> [String] {
        derived.entries.value(.init(kind: kind, language: language)) { gather(kind, language: language) }
    }

    private func gather(_ kind: LexiconKind, language: String) -> [String] {
        let subtag = language.split(separator: "-").first.map { $0.lowercased() } ?? "und"
        var entries: [String] = []
        for file in files where file.kind == kind {
            if subtag == "und" || subtag.isEmpty {
                for key in file.languages.keys.sorted() { entries += file.languages[key] ?? [] }
            } else {
                entries += file.languages[subtag] ?? []
            }
        }
        return entries
    }

    /// The matching keys of the entries of `kind` for `language` ("mr", "dr" of the honorifics), made
    /// once for these files.
    func matchingKeys(_ kind: LexiconKind, language: String) -> Set<String> {
        derived.matchingKeys.value(.init(kind: kind, language: language)) {
            Set(entries(kind, language: language).map(Normalizer.matchingKey))
        }
    }

    /// The structured entries of `kind`, from every file in order (built-in first, then the user's).
    public func structuredEntries(_ kind: LexiconKind) -> [LexiconEntry] {
        files.filter { $0.kind == kind }.flatMap(\.entries)
    }
}
