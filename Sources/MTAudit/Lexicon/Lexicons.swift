import Synchronization

/// The lexicons an audit reads: the built-in files of `Lexicons/` and any the user adds.
public struct Lexicons: Sendable {
    public let files: [LexiconFile]
    /// `entries(_:language:)` by kind and language, gathered once: detectors ask for them in every
    /// context.
    private let gathered = GatheredEntries()

    public init(files: [LexiconFile] = []) { self.files = files }

    /// The files compiled in from the package's `Lexicons/` folder.
    public static let builtIn: Lexicons = {
        do {
            return try Lexicons(files: EmbeddedLexicons.files.map { file throws(LexiconError) in
                try LexiconFile.parse(file.text, name: "Lexicons/" + file.name)
            })
        } catch {
            // The files are checked by the tests; a broken one is a build defect, not a user error.
            preconditionFailure("built-in lexicon is broken: \(error)")
        }
    }()

    /// These lexicons and the file `text` called `name`.
    public func adding(_ text: String, name: String) throws(LexiconError) -> Lexicons {
        Lexicons(files: files + [try LexiconFile.parse(text, name: name)])
    }

    /// The entries of `kind` for a BCP 47 `language`; all languages together for "und".
    public func entries(_ kind: LexiconKind, language: String) -> [String] {
        gathered.entries(kind, language: language) { gather(kind, language: language) }
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

    /// The structured entries of `kind`, from every file in order (built-in first, then the user's).
    public func structuredEntries(_ kind: LexiconKind) -> [LexiconEntry] {
        files.filter { $0.kind == kind }.flatMap(\.entries)
    }
}

/// The entries of each kind and language that an instance of `Lexicons` has gathered; shared by its
/// copies, which hold the same files.
private final class GatheredEntries: Sendable {
    private struct Key: Hashable {
        let kind: LexiconKind
        let language: String
    }

    private let entries = Mutex<[Key: [String]]>([:])

    func entries(_ kind: LexiconKind, language: String, gather: () -> [String]) -> [String] {
        let key = Key(kind: kind, language: language)
        if let known = entries.withLock({ $0[key] }) { return known }
        let gathered = gather()
        entries.withLock { $0[key] = gathered }
        return gathered
    }
}
