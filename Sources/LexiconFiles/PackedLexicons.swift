/// Lexicon files, parsed and checked, written as one string and read back with no parser: every
/// value a field, fields apart by U+001F (the unit separator, which no lexicon holds), each file and
/// entry its fields in a fixed order, and each list its count first. `LexiconEmbedder` packs the
/// built-in files at build time; start-up unpacks them. Parsing their YAML took most of a short
/// audit's start-up, and decoding them as JSON through `Codable` nearly as long.
public enum PackedLexicons {
    static let separator: Character = "\u{1F}"
    static let separatorByte: UInt8 = 0x1F

    /// The packed form of `files`, or nil when a value holds the separator: the count of files, then
    /// each file's body (its fields, each followed by a separator) after that body's length in bytes,
    /// so that a reader finds a file without reading the ones before it (`PackedLexiconArchive`).
    public static func pack(_ files: [LexiconFile]) -> String? {
        var packed = String(files.count) + String(separator)
        for file in files {
            guard let body = body(of: file) else { return nil }
            packed += String(body.utf8.count) + String(separator) + body
        }
        return packed
    }

    /// The fields of `file`, each followed by the separator; nil when a value holds the separator.
    private static func body(of file: LexiconFile) -> String? {
        var fields: [String] = []
        func list(_ values: [String]) {
            fields.append(String(values.count))
            fields += values
        }
        func optional(_ value: String?) { fields += value.map { ["1", $0] } ?? ["0"] }
        func byLanguage(_ lists: [String: [String]]) {
            fields.append(String(lists.count))
            for language in lists.keys.sorted() {
                fields.append(language)
                list(lists[language]!)
            }
        }
        fields += [file.name, file.kind.rawValue]
        optional(file.description)
        byLanguage(file.languages)
        fields.append(String(file.entries.count))
        for entry in file.entries {
            fields.append(entry.id)
            optional(entry.entryClass)
            optional(entry.line.map(String.init))
            fields.append(String(entry.forms.count))
            for field in entry.forms.keys.sorted() {
                fields.append(field)
                byLanguage(entry.forms[field]!)
            }
        }
        guard !fields.contains(where: { $0.contains(separator) }) else { return nil }
        return fields.map { $0 + String(separator) }.joined()
    }

    /// The files `pack` wrote.
    public static func unpack(_ packed: String) -> [LexiconFile] {
        PackedLexiconArchive(packed).files()
    }

    /// The file whose body (`pack`) is `bytes`.
    static func unpackFile(_ bytes: UnsafeBufferPointer<UInt8>) -> LexiconFile {
        var reader = Reader(bytes: bytes)
        let name = reader.string()
        let kind = LexiconKind(rawValue: reader.string())!
        let description = reader.optional()
        let languages = reader.byLanguage()
        let entries = (0..<reader.count()).map { _ in
            let id = reader.string()
            let entryClass = reader.optional()
            let line = reader.optional().map { Int($0)! }
            var forms: [String: [String: [String]]] = [:]
            for _ in 0..<reader.count() {
                let field = reader.string()
                forms[field] = reader.byLanguage()
            }
            return LexiconEntry(id: id, entryClass: entryClass, forms: forms, line: line)
        }
        return LexiconFile(name: name, kind: kind, description: description, languages: languages, entries: entries)
    }

    /// The fields, read in order from the packed bytes, each decoded where it lies (splitting the
    /// text into substrings first took half of start-up's unpacking).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where the next field starts.
        var next = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The bytes of the next field, moving past it and its separator.
        mutating func field() -> UnsafeBufferPointer<UInt8> {
            var end = next
            while end < bytes.count && bytes[end] != PackedLexicons.separatorByte { end += 1 }
            defer { next = end + 1 }
            return UnsafeBufferPointer(rebasing: bytes[next..<end])
        }

        mutating func string() -> String { String(decoding: field(), as: UTF8.self) }

        mutating func count() -> Int {
            field().reduce(0) { count, digit in
                assert((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), "a count of the packed lexicons")
                return count * 10 + Int(digit - UInt8(ascii: "0"))
            }
        }

        mutating func optional() -> String? { flag() ? string() : nil }

        /// Whether the next field, an optional value's mark, is "1" (a value follows), with no string made.
        mutating func flag() -> Bool {
            let mark = field()
            return mark.count == 1 && mark[0] == UInt8(ascii: "1")
        }

        /// Moves past the next `count` fields without reading them.
        mutating func skip(_ count: Int) {
            var left = count
            var at = next
            while left > 0 && at < bytes.count {
                if bytes[at] == PackedLexicons.separatorByte { left -= 1 }
                at += 1
            }
            next = at
        }

        mutating func list() -> [String] { (0..<count()).map { _ in string() } }

        mutating func byLanguage() -> [String: [String]] {
            let languages = count()
            var lists: [String: [String]] = Dictionary(minimumCapacity: languages)
            for _ in 0..<languages {
                let language = string()
                lists[language] = list()
            }
            return lists
        }
    }
}
