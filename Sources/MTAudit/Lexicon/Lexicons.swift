@_exported import LexiconFiles
import MTAuditText
import Synchronization

/// The lexicons an audit reads: the built-in files of `Lexicons/` and any the user adds.
public struct Lexicons: Sendable {
    /// Every file, in order.
    public var files: [LexiconFile] { source.files }
    private let source: Source
    /// What the detectors derive from these files (their entries by kind and language, phrase tables,
    /// sets of keys), made once however many texts they read; copies share it, and `adding` makes new
    /// lexicons with a new one.
    let derived = DerivedLookups()

    public init(files: [LexiconFile] = []) { source = Source(files: files) }

    private init(archive: PackedLexiconArchive) { source = Source(archive: archive) }

    /// The files compiled in from the package's `Lexicons/` folder: parsed and checked at build time
    /// by `LexiconEmbedder` (a broken file fails the build), and read in place (`PackedLexiconArchive`),
    /// where parsing their YAML took most of a short audit's start-up, and unpacking all of them
    /// most of what was left: a file is unpacked when its kind is first asked for, and the phrase
    /// tables of the structured kinds read their language's forms from the packed bytes.
    public static let builtIn = Lexicons(archive: PackedLexiconArchive(EmbeddedLexicons.packed))

    /// The packed files, when these are the built-in lexicons alone (not those with the user's).
    var archive: PackedLexiconArchive? { source.archive }

    /// The files of `kind`, in order.
    func files(of kind: LexiconKind) -> [LexiconFile] { source.files(of: kind) }

    /// Where the files come from: given, or packed and unpacked as asked (all at once, or a kind's).
    private final class Source: Sendable {
        let archive: PackedLexiconArchive?
        private let given: [LexiconFile]?
        private let unpacked = Mutex<[LexiconFile]?>(nil)
        /// Each kind's files once unpacked alone: callers' own caches are bounded (a feed may name
        /// endless languages), and past their bounds a kind would be unpacked again at every ask.
        private let unpackedByKind = Mutex<[LexiconKind: [LexiconFile]]>([:])

        init(files: [LexiconFile]) {
            given = files
            archive = nil
        }

        init(archive: PackedLexiconArchive) {
            given = nil
            self.archive = archive
        }

        var files: [LexiconFile] {
            if let given { return given }
            return unpacked.withLock { files in
                if let files { return files }
                let made = archive!.files()
                files = made
                return made
            }
        }

        func files(of kind: LexiconKind) -> [LexiconFile] {
            if let given { return given.filter { $0.kind == kind } }
            if let all = unpacked.withLock({ $0 }) { return all.filter { $0.kind == kind } }
            if let known = unpackedByKind.withLock({ $0[kind] }) { return known }
            let archive = archive!
            let made = (0..<archive.count).filter { archive.kind(ofFile: $0) == kind }.map(archive.file)
            unpackedByKind.withLock { $0[kind] = made }
            return made
        }
    }

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
        for file in files(of: kind) {
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
        files(of: kind).flatMap(\.entries)
    }
}
