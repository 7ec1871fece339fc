/// Packed lexicon files (`PackedLexicons.pack`) read in place: each file found by its body's length,
/// unpacked only when asked for, and the forms of a structured kind read for one language straight
/// from the bytes.
///
/// Unpacking every built-in file made a dictionary of lists for each field of each entry (fifteen
/// languages for each of the countries), most of a short audit's start-up, where an audit reads the
/// forms of one or two languages: `forEachForm` reads those from the file's section for the
/// language, written by `pack` beside the file. It must give what `LexiconEntry.forms(_:language:)`
/// gives for the unpacked files (a test checks).
public struct PackedLexiconArchive: Sendable {
    private let bytes: [UInt8]
    /// For each file, in order: its kind, its body's bytes, where the count of its entries is, its
    /// forms by language (`PackedLexicons.formsByLanguage`), and where their table of languages is.
    private let index: [(kind: LexiconKind, body: Range<Int>, entries: Int, forms: Range<Int>, languages: Int)]

    /// The archive of what `pack` wrote.
    public init(_ packed: String) {
        bytes = Array(packed.utf8)
        var index: [(kind: LexiconKind, body: Range<Int>, entries: Int, forms: Range<Int>, languages: Int)] = []
        bytes.withUnsafeBufferPointer { bytes in
            var reader = PackedLexicons.Reader(bytes: bytes)
            let count = reader.count()
            index.reserveCapacity(count)
            for _ in 0..<count {
                let bodyLength = reader.count()
                let body = reader.next..<(reader.next + bodyLength)
                var fields = PackedLexicons.Reader(bytes: UnsafeBufferPointer(rebasing: bytes[body]))
                _ = fields.field()  // the name
                let kind = LexiconKind(rawValue: fields.string())!
                if fields.flag() { fields.skip(1) }  // the description
                for _ in 0..<fields.count() {  // the lists of a flat kind
                    fields.skip(1)
                    fields.skip(fields.count())
                }
                reader.next = body.upperBound
                let formsLength = reader.count()
                let forms = reader.next..<(reader.next + formsLength)
                // Past the entries' ids and classes, to the table of languages.
                var ids = PackedLexicons.Reader(bytes: UnsafeBufferPointer(rebasing: bytes[forms]))
                for _ in 0..<ids.count() {
                    ids.skip(1)
                    if ids.flag() { ids.skip(1) }
                }
                index.append((kind, body, body.lowerBound + fields.next, forms, forms.lowerBound + ids.next))
                reader.next = forms.upperBound
            }
        }
        self.index = index
    }

    /// The number of files.
    public var count: Int { index.count }

    /// The kind of the file at `file`.
    public func kind(ofFile file: Int) -> LexiconKind { index[file].kind }

    /// The file at `file`, unpacked.
    public func file(_ file: Int) -> LexiconFile {
        bytes.withUnsafeBufferPointer { PackedLexicons.unpackFile(UnsafeBufferPointer(rebasing: $0[index[file].body])) }
    }

    /// Every file, unpacked.
    public func files() -> [LexiconFile] { index.indices.map(file) }

    /// The number of entries of the file at `file`.
    public func entryCount(ofFile file: Int) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            var reader = PackedLexicons.Reader(bytes: UnsafeBufferPointer(rebasing: bytes[index[file].entries...]))
            return reader.count()
        }
    }

    /// Walks the entries of the file at `file` in order: `entry` with each one's id and class, then
    /// `form` with the number (in `fields`) and the text of each of its forms, field by field in the
    /// order of `fields`, each field's forms as `LexiconEntry.forms(_:language:)` lists them for the
    /// ASCII `language` ("und" or empty for every language, in the order of their subtags).
    public func forEachForm(ofFile file: Int, fields: [String], language: String,
                            entry: (_ id: String, _ entryClass: String?) -> Void, form: (_ field: Int, _ text: String) -> Void) {
        precondition(language.utf8.allSatisfy { $0 < 0x80 }, "an ASCII language subtag")
        if language == "und" || language.isEmpty {
            forEachFormOfEveryLanguage(ofFile: file, fields: fields, entry: entry, form: form)
            return
        }
        var language = language
        let fieldBytes = fields.map { Array($0.utf8) }
        // Where each list of a wanted field lies: the field's number, the list's first form, its
        // count of forms. Made again for each entry, in one buffer.
        var lists: [(field: Int, start: Int, count: Int)] = []
        language.withUTF8 { language in
            bytes.withUnsafeBufferPointer { bytes in
                let forms = UnsafeBufferPointer(rebasing: bytes[..<index[file].forms.upperBound])
                var ids = PackedLexicons.Reader(bytes: forms)
                ids.next = index[file].forms.lowerBound
                // The language's section, if an entry has forms in it.
                var table = PackedLexicons.Reader(bytes: forms)
                table.next = index[file].languages
                var section = PackedLexicons.Reader(bytes: UnsafeBufferPointer(rebasing: forms[0..<0]))
                for _ in 0..<table.count() {
                    let subtag = table.field()
                    let length = table.count()
                    if subtag.elementsEqual(language) {
                        section = PackedLexicons.Reader(bytes: UnsafeBufferPointer(rebasing: forms[..<(table.next + length)]))
                        section.next = table.next
                        break
                    }
                    table.next += length
                }
                var next = section.next < section.bytes.count ? section.count() : -1
                for number in 0..<ids.count() {
                    let id = ids.string()
                    entry(id, ids.optional())
                    guard number == next else { continue }
                    lists.removeAll(keepingCapacity: true)
                    for _ in 0..<section.count() {
                        let name = section.field()
                        let count = section.count()
                        if let wanted = fieldBytes.firstIndex(where: { $0.elementsEqual(name) }) {
                            lists.append((wanted, section.next, count))
                        }
                        section.skip(count)
                    }
                    Self.readForms(of: lists, fieldCount: fields.count, with: &section, form: form)
                    next = section.next < section.bytes.count ? section.count() : -1
                }
            }
        }
    }

    /// `forEachForm` for every language, read from the file's entries.
    private func forEachFormOfEveryLanguage(ofFile file: Int, fields: [String],
                                            entry: (_ id: String, _ entryClass: String?) -> Void, form: (_ field: Int, _ text: String) -> Void) {
        let fieldBytes = fields.map { Array($0.utf8) }
        // Where each list of a wanted field lies: the field's number, the list's first form, its count
        // of forms. Made again for each entry, in one buffer.
        var lists: [(field: Int, start: Int, count: Int)] = []
        bytes.withUnsafeBufferPointer { bytes in
            var reader = PackedLexicons.Reader(bytes: UnsafeBufferPointer(rebasing: bytes[..<index[file].body.upperBound]))
            reader.next = index[file].entries
            for _ in 0..<reader.count() {
                let id = reader.string()
                let entryClass = reader.optional()
                if reader.flag() { reader.skip(1) }  // the line
                entry(id, entryClass)
                lists.removeAll(keepingCapacity: true)
                for _ in 0..<reader.count() {
                    let name = reader.field()
                    let wanted = fieldBytes.firstIndex { $0.elementsEqual(name) }
                    for _ in 0..<reader.count() {
                        reader.skip(1)  // the subtag
                        let forms = reader.count()
                        if let wanted { lists.append((wanted, reader.next, forms)) }
                        reader.skip(forms)
                    }
                }
                guard !lists.isEmpty else { continue }
                Self.readForms(of: lists, fieldCount: fields.count, with: &reader, form: form)
            }
        }
    }

    /// Hands `form` the forms of `lists` (each a wanted field's number, its first form's place and its
    /// count of forms), field by field in the order of the wanted fields, each list's forms in order;
    /// `reader` is left where it was.
    private static func readForms(of lists: [(field: Int, start: Int, count: Int)], fieldCount: Int,
                                  with reader: inout PackedLexicons.Reader, form: (_ field: Int, _ text: String) -> Void) {
        let end = reader.next
        for wanted in 0..<fieldCount {
            for list in lists where list.field == wanted {
                reader.next = list.start
                for _ in 0..<list.count { form(wanted, reader.string()) }
            }
        }
        reader.next = end
    }
}
