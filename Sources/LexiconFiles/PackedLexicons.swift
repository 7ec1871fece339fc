/// Lexicon files, parsed and checked, written as one string and read back with no parser: every
/// value a field, fields apart by U+001F (the unit separator, which no lexicon holds), each file and
/// entry its fields in a fixed order, and each list its count first. `LexiconEmbedder` packs the
/// built-in files at build time; start-up unpacks them. Parsing their YAML took most of a short
/// audit's start-up, and decoding them as JSON through `Codable` nearly as long.
public enum PackedLexicons {
    static let separator: Character = "\u{1F}"
    static let separatorByte: UInt8 = 0x1F

    /// The packed form of `files`, or nil when a value holds the separator: the count of files, then
    /// for each file its body (its fields, each followed by a separator) and its forms by language
    /// (`formsByLanguage`), each after its length in bytes, so that a reader finds a file, and a
    /// language's forms, without reading what comes before (`PackedLexiconArchive`).
    public static func pack(_ files: [LexiconFile]) -> String? {
        var packed = String(files.count) + String(separator)
        for file in files {
            // (The body holds every value of the file: where it is made, no value holds the separator.)
            guard let body = body(of: file) else { return nil }
            let forms = formsByLanguage(of: file)
            packed += String(body.utf8.count) + String(separator) + body
            packed += String(forms.utf8.count) + String(separator) + forms
        }
        return packed
    }

    /// The forms of `file`'s entries by language, each field followed by the separator: the count of
    /// entries, each entry's id and class (an optional value); then the count of languages, and for
    /// each language (in the order of their subtags) its subtag and the length in bytes of its
    /// section: for each entry with a list of forms in the language (in order), its number, the count
    /// of its lists, and each list (in the order of the fields' names) as its field, its count and
    /// its forms.
    private static func formsByLanguage(of file: LexiconFile) -> String {
        func add(_ value: String, to text: inout String) {
            text += value
            text.append(separator)
        }
        var packed = ""
        add(String(file.entries.count), to: &packed)
        for entry in file.entries {
            add(entry.id, to: &packed)
            add(entry.entryClass == nil ? "0" : "1", to: &packed)
            if let entryClass = entry.entryClass { add(entryClass, to: &packed) }
        }
        let languages = Set(file.entries.flatMap { $0.forms.values.flatMap(\.keys) }).sorted()
        add(String(languages.count), to: &packed)
        for language in languages {
            var section = ""
            for (number, entry) in file.entries.enumerated() {
                let names = entry.forms.keys.sorted().filter { entry.forms[$0]![language] != nil }
                guard !names.isEmpty else { continue }
                add(String(number), to: &section)
                add(String(names.count), to: &section)
                for name in names {
                    let forms = entry.forms[name]![language]!
                    add(name, to: &section)
                    add(String(forms.count), to: &section)
                    for form in forms { add(form, to: &section) }
                }
            }
            add(language, to: &packed)
            add(String(section.utf8.count), to: &packed)
            packed += section
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
