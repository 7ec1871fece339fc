/// The matching form of each scalar of the common alphabetic blocks (Latin, Greek, Cyrillic, general
/// punctuation), so that `Normalizer.matchingKey` can build a token's key scalar by scalar instead of
/// calling ICU for every word that is not plain ASCII ("Straße", "Dvořák", "it’s").
///
/// Scalar by scalar is exact only where normalizing a text is normalizing each of its scalars alone:
/// where no scalar combines with or reorders around its neighbours. So the table leaves out every
/// scalar whose class or whose matching form has a nonzero canonical combining class (combining
/// marks, "İ" whose casefold is "i" and a combining dot); no scalar in these blocks is the second
/// half of a canonical composition with combining class 0 (those are Indic vowel signs and Hangul
/// jamo). A text with any scalar outside the table goes through ICU as before.
///
/// The entries were made by ICU itself (`formsByICU`) and are compiled in, packed
/// (`MatchingKeyTable+Packed.swift`): making them took ~4M instructions of ICU calls in every
/// process. `Names6MatchingKeyTableTests` checks the packed entries against ICU's and prints them
/// anew when they differ.
struct MatchingKeyTable: Sendable {
    /// The blocks tabulated: Latin to Armenian, and general punctuation (quotes, dashes, spaces).
    /// Only their scalars from U+0080 have entries: ASCII is folded by `asciiKey`. (Two ranges by
    /// name, not a global array of them: the first use of that array's type cost ~260K instructions
    /// of metadata lookup in every process.)
    static let latinToArmenian: Range<UInt32> = 0x0080..<0x0530
    static let generalPunctuation: Range<UInt32> = 0x2000..<0x2070
    /// How many scalars the blocks hold: one entry each.
    static let scalarCount = latinToArmenian.count + generalPunctuation.count
    /// The blocks, in the order of the entries (for making and checking them).
    static var blocks: [Range<UInt32>] { [latinToArmenian, generalPunctuation] }

    /// `packedForms`, held here so that a key reads it without going through the global's lazy start.
    private let packed: [UInt8]
    /// Per scalar of the blocks in order: where its entry starts in `packed` (its length byte), or -1
    /// when the scalar must go through ICU.
    private let starts: [Int32]

    static let shared = MatchingKeyTable()

    private init() {
        var starts: [Int32] = []
        starts.reserveCapacity(Self.scalarCount)
        var at = 0
        let packed = Self.packedForms
        while at < packed.count {
            let length = packed[at]
            if length == Self.untabulated {
                starts.append(-1)
                at += 1
            } else {
                starts.append(Int32(at))
                at += 1 + Int(length)
            }
        }
        precondition(starts.count == Self.scalarCount, "one packed entry a scalar of the blocks")
        self.packed = packed
        self.starts = starts
    }

    /// The length byte of a scalar that must go through ICU.
    static let untabulated: UInt8 = 0xFF

    /// Per scalar of the blocks, as ICU makes it: the UTF-8 of its matching form with every white-space
    /// scalar written as one space (to be collapsed with its neighbours), or nil when the scalar must
    /// go through ICU (it, or a scalar of its form, has a nonzero canonical combining class).
    static func formsByICU() -> [[UInt8]?] {
        blocks.flatMap { block in
            block.map { value -> [UInt8]? in
                guard let scalar = Unicode.Scalar(value), scalar.properties.canonicalCombiningClass == .notReordered else { return nil }
                let normalized = Normalizer.normalize(String(scalar), to: .nfkcCasefold)
                var bytes: [UInt8] = []
                for piece in normalized.unicodeScalars {
                    guard piece.properties.canonicalCombiningClass == .notReordered else { return nil }
                    let folded: Unicode.Scalar = piece.properties.isWhitespace ? " " : Normalizer.fold(piece)
                    bytes.append(contentsOf: String(folded).utf8)
                }
                return bytes
            }
        }
    }

    /// `forms` packed as `packedForms` holds them: for each, its length in a byte then its bytes, or
    /// the byte `untabulated` alone for nil.
    static func pack(_ forms: [[UInt8]?]) -> [UInt8] {
        var packed: [UInt8] = []
        for form in forms {
            if let form {
                precondition(form.count < Int(untabulated), "a form shorter than the mark of none")
                packed.append(UInt8(form.count))
                packed.append(contentsOf: form)
            } else {
                packed.append(untabulated)
            }
        }
        return packed
    }

    /// The matching form of `text` (as `Normalizer.matchingForm(of:).text` would give it), or nil when
    /// one of its scalars is not in the table.
    func key(of text: String) -> String? {
        switch Self.kind(of: text) {
        case .key: return text
        case .ascii: return Self.asciiKey(of: text)
        case .other: return tabulatedKey(of: text)
        }
    }

    /// The matching form of an ASCII `text` from its bytes `utf8`: the text itself when nothing
    /// changes, else the folded bytes. Nil when the text is not ASCII.
    static func asciiKey(of text: String, utf8: UnsafeBufferPointer<UInt8>) -> String? {
        switch kind(of: utf8) {
        case .key: return text
        case .ascii: return asciiKey(of: utf8)
        case .other: return nil
        }
    }

    /// What a text needs to become its matching form.
    private enum Kind {
        /// Nothing: ASCII without upper case, backticks, white space other than single spaces.
        case key
        /// Folding byte by byte: ASCII.
        case ascii
        /// The table: some scalar is not ASCII.
        case other
    }

    /// (Over the text's bytes in place: through the UTF-8 view's iterator, reading a token's bytes
    /// cost more than folding them.)
    private static func kind(of text: String) -> Kind {
        text.utf8.withContiguousStorageIfAvailable { kind(of: $0) } ?? kind(of: Array(text.utf8))
    }

    private static func kind(of bytes: some Collection<UInt8>) -> Kind {
        var kind = Kind.key
        var previous: UInt8 = 0
        for byte in bytes {
            if byte >= 0x80 { return .other }
            if asciiKey(byte) != byte || (byte == 0x20 && previous == 0x20) { kind = .ascii }
            previous = byte
        }
        return kind
    }

    /// The matching form of an ASCII text, which is never longer than the text.
    private static func asciiKey(of text: String) -> String {
        text.utf8.withContiguousStorageIfAvailable { asciiKey(of: $0) } ?? asciiKey(of: Array(text.utf8))
    }

    private static func asciiKey(of bytes: some Collection<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            for byte in bytes {
                let key = asciiKey(byte)
                if key == 0x20, count > 0, buffer[count - 1] == 0x20 { continue }
                buffer[count] = key
                count += 1
            }
            return count
        }
    }

    private func tabulatedKey(of text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 4)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                Self.append(Self.asciiKey(UInt8(scalar.value)), to: &bytes)
                continue
            }
            guard let start = start(of: scalar.value) else { return nil }
            let length = Int(packed[start])
            for byte in packed[(start + 1)..<(start + 1 + length)] { Self.append(byte, to: &bytes) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where the entry of the scalar `value` starts in `packed`, nil when it has none.
    private func start(of value: UInt32) -> Int? {
        let entry: Int
        if Self.latinToArmenian.contains(value) {
            entry = Int(value - Self.latinToArmenian.lowerBound)
        } else if Self.generalPunctuation.contains(value) {
            entry = Self.latinToArmenian.count + Int(value - Self.generalPunctuation.lowerBound)
        } else {
            return nil
        }
        let start = starts[entry]
        return start < 0 ? nil : Int(start)
    }

    /// Appends one byte of a matching form, a space only where the form does not already end in one
    /// (each run of white space becomes one space).
    @inline(__always)
    private static func append(_ byte: UInt8, to bytes: inout [UInt8]) {
        if byte == 0x20, bytes.last == 0x20 { return }
        bytes.append(byte)
    }

    /// The matching form of an ASCII scalar: lower case, white space as a space, the backtick as `'`.
    @inline(__always)
    private static func asciiKey(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x41...0x5A: return byte | 0x20
        case 0x09...0x0D: return 0x20
        case 0x60: return 0x27
        default: return byte
        }
    }
}
