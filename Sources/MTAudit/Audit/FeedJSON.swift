import Foundation
import MTAuditText

/// A fast reading of the JSON of a well-formed feed line: objects, arrays, strings and `null`, as the
/// values `JSONSerialization` gives for them (`[String: Any]`, `[Any]`, `String`, `NSNull`).
///
/// It is a shortcut, not a second judge. On anything else (a number, `true`, a lone surrogate, a
/// `\u0000`, a control character, whitespace JSON does not allow, trailing bytes, malformed input) it
/// answers nil, and the line goes to `JSONSerialization`, whose verdict and error messages stand. So
/// every line is read as before; well-formed lines are read several times faster.
///
/// It leaves alone, too, what `JSONShape` refuses, so that its verdict stands as well: nesting deeper
/// than `maximumDepth`, and an object that names a key twice (or two keys that are one String). The
/// caller has checked that the line is valid UTF-8 (`TextDecoder.firstInvalidUTF8`).
enum FeedJSON {
    /// The value of the whole line, when it is an object this reader can read; nil otherwise.
    static func object(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int = FeedRecord.maximumNesting) -> [String: Any]? {
        var reader = Reader(bytes: bytes, depthLeft: maximumDepth)
        reader.skipWhitespace()
        guard reader.peek == UInt8(ascii: "{"), let object = reader.object() else { return nil }
        reader.skipWhitespace()
        return reader.index == bytes.count ? object : nil
    }

    /// A feed record's fields, as `record` reads them: the versions made `TextInput`s at once (no
    /// list of fields in between).
    struct RecordFields {
        let id: String
        let source: String
        let sourceLang: String?
        let versions: [TextInput]
    }

    /// The fields of a line of the record's own shape, read straight from its bytes with no tree of
    /// `Any` made: an object of the keys `id`, `source` and `versions` (strings and an array of
    /// objects of `id` and `text`), and perhaps `sourceLang` (and a version's `lang`), a string or
    /// `null`. Any other line (another key, a key written with an escape, a key named twice, a value
    /// of another kind, or whatever `object` leaves alone) answers nil and goes the general way,
    /// through `object` and `FeedRecord`'s checks, whose verdicts and messages stand. Strings are
    /// read as `object` reads them.
    static func record(_ bytes: UnsafeBufferPointer<UInt8>) -> RecordFields? {
        var reader = Reader(bytes: bytes, depthLeft: 0)
        reader.skipWhitespace()
        guard let fields = reader.record() else { return nil }
        reader.skipWhitespace()
        return reader.index == bytes.count ? fields : nil
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// How many more arrays and objects may open.
        var depthLeft: Int
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        /// JSON's four whitespace bytes only.
        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value() -> Any? {
            switch peek {
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "n"): return null() ? NSNull() : nil
            default: return nil
            }
        }

        /// `null`, from its `n` on.
        mutating func null() -> Bool {
            guard index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
                  bytes[index + 3] == UInt8(ascii: "l") else { return false }
            index += 4
            return true
        }

        mutating func object() -> [String: Any]? {
            guard depthLeft > 0 else { return nil }
            depthLeft -= 1
            defer { depthLeft += 1 }
            index += 1  // "{"
            var object: [String: Any] = [:]
            skipWhitespace()
            if peek == UInt8(ascii: "}") { index += 1; return object }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\""), let key = string() else { return nil }
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { return nil }
                index += 1
                skipWhitespace()
                guard let value = value(), object.updateValue(value, forKey: key) == nil else { return nil }
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"): index += 1; return object
                default: return nil
                }
            }
        }

        /// `FeedJSON.record`'s object, from its `{` on.
        mutating func record() -> RecordFields? {
            guard peek == UInt8(ascii: "{") else { return nil }
            index += 1
            var id: String?, source: String?, sourceLang: String?, seenSourceLang = false
            var versions: [TextInput]?
            repeat {
                skipWhitespace()
                guard let key = knownKey(), colon() else { return nil }
                switch key {
                case .id: guard uniqueString(&id) else { return nil }
                case .source: guard uniqueString(&source) else { return nil }
                case .sourceLang: guard uniqueStringOrNull(&sourceLang, seen: &seenSourceLang) else { return nil }
                case .versions:
                    guard versions == nil, let value = versionList() else { return nil }
                    versions = value
                default:
                    return nil
                }
            } while nextMember(closing: UInt8(ascii: "}"))
            guard !failed, let id, let source, let versions else { return nil }
            return RecordFields(id: id, source: source, sourceLang: sourceLang, versions: versions)
        }

        /// Reads a string into `field`, which no earlier member of the object has set; false for a
        /// repeated key or another value (the line then goes the general way).
        private mutating func uniqueString(_ field: inout String?) -> Bool {
            guard field == nil, peek == UInt8(ascii: "\""), let value = string() else { return false }
            field = value
            return true
        }

        /// Reads a string or `null` into `field`, which `seen` says no earlier member has set.
        private mutating func uniqueStringOrNull(_ field: inout String?, seen: inout Bool) -> Bool {
            guard !seen, let value = stringOrNull() else { return false }
            (field, seen) = (value, true)
            return true
        }

        /// A record's `versions`, from its `[` on: objects of `id`, `text` and perhaps `lang`.
        private mutating func versionList() -> [TextInput]? {
            guard peek == UInt8(ascii: "[") else { return nil }
            index += 1
            var versions: [TextInput] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") { index += 1; return versions }
            repeat {
                skipWhitespace()
                guard peek == UInt8(ascii: "{") else { return nil }
                index += 1
                var id: String?, text: String?, lang: String?, seenLang = false
                repeat {
                    skipWhitespace()
                    guard let key = knownKey(), colon() else { return nil }
                    switch key {
                    case .id: guard uniqueString(&id) else { return nil }
                    case .text: guard uniqueString(&text) else { return nil }
                    case .lang: guard uniqueStringOrNull(&lang, seen: &seenLang) else { return nil }
                    default:
                        return nil
                    }
                } while nextMember(closing: UInt8(ascii: "}"))
                guard !failed, let id, let text else { return nil }
                versions.append(TextInput(id: id, text: text, language: lang))
            } while nextMember(closing: UInt8(ascii: "]"))
            return failed ? nil : versions
        }

        /// The keys of a record and its versions.
        private enum RecordKey { case id, source, sourceLang, versions, text, lang }

        /// A key of a record or a version, from its opening quote to its close; nil for any other
        /// key, and for one written with an escape (left to the general way, which decodes it).
        private mutating func knownKey() -> RecordKey? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\") || bytes[index] < 0x20 { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            // The lengths are equal where this is asked: the bytes alone are compared.
            func named(_ name: StaticString) -> Bool { memcmp(name.utf8Start, key.baseAddress!, key.count) == 0 }
            switch key.count {
            case 2: return named("id") ? .id : nil
            case 4: return named("text") ? .text : named("lang") ? .lang : nil
            case 6: return named("source") ? .source : nil
            case 8: return named("versions") ? .versions : nil
            case 10: return named("sourceLang") ? .sourceLang : nil
            default: return nil
            }
        }

        /// The `:` after a key, white space around it skipped.
        private mutating func colon() -> Bool {
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            return true
        }

        /// A string, or `null` (`.some(nil)`); nil for anything else.
        private mutating func stringOrNull() -> String?? {
            if peek == UInt8(ascii: "\"") { return string().map { .some($0) } }
            return peek == UInt8(ascii: "n") && null() ? .some(nil) : nil
        }

        /// Whether a `,` follows a member (white space skipped); false at `closing`, which is read,
        /// and at anything else, which sets `failed`.
        private mutating func nextMember(closing: UInt8) -> Bool {
            skipWhitespace()
            if peek == UInt8(ascii: ",") { index += 1; return true }
            if peek == closing { index += 1 } else { failed = true }
            return false
        }

        /// Set when `nextMember` met neither a `,` nor the closing bracket.
        var failed = false

        mutating func array() -> [Any]? {
            guard depthLeft > 0 else { return nil }
            depthLeft -= 1
            defer { depthLeft += 1 }
            index += 1  // "["
            var array: [Any] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") { index += 1; return array }
            while true {
                skipWhitespace()
                guard let value = value() else { return nil }
                array.append(value)
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"): index += 1; return array
                default: return nil
                }
            }
        }

        /// A string from its opening quote on. The bytes are valid UTF-8, so a run without escapes is
        /// copied as it is; escapes are decoded, except those this reader leaves to the full decoder.
        /// (The end of a run is looked for eight bytes at a time: byte by byte, a text's three tests
        /// cost about 7 instructions a byte.)
        mutating func string() -> String? {
            index += 1  // the opening quote
            let start = index
            guard nextSpecialByte() else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            case UInt8(ascii: "\\"):
                return escapedString(from: start)
            default:
                return nil  // a control character
            }
        }

        /// Moves `index` to the next quote, backslash or control character; false, at the end, when
        /// there is none.
        private mutating func nextSpecialByte() -> Bool {
            let rest = UnsafeBufferPointer(rebasing: bytes[index...])
            guard let offset = ByteScan.firstControl(orAnyOf: UInt8(ascii: "\""), UInt8(ascii: "\\"), in: rest) else {
                index = bytes.count
                return false
            }
            index += offset
            return true
        }

        /// The rest of a string that holds an escape, from `start` (after the opening quote).
        private mutating func escapedString(from start: Int) -> String? {
            var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: decoded, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index + 1 < bytes.count else { return nil }
                    let escape = bytes[index + 1]
                    index += 2
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                    case UInt8(ascii: "b"): decoded.append(0x08)
                    case UInt8(ascii: "f"): decoded.append(0x0C)
                    case UInt8(ascii: "n"): decoded.append(0x0A)
                    case UInt8(ascii: "r"): decoded.append(0x0D)
                    case UInt8(ascii: "t"): decoded.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = escapedScalar() else { return nil }
                        decoded.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    if byte < 0x20 { return nil }
                    // A run up to the next escape or the closing quote, copied whole.
                    let run = index
                    guard nextSpecialByte() else { return nil }
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                }
            }
            return nil
        }

        /// The scalar of a `\uXXXX` escape (its `\u` read), or of a surrogate pair of two; nil for
        /// U+0000 and a lone surrogate, which the full decoder judges.
        private mutating func escapedScalar() -> Unicode.Scalar? {
            guard let high = hexQuad() else { return nil }
            if (0xD800..<0xDC00).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                index += 2
                guard let low = hexQuad(), (0xDC00..<0xE000).contains(low) else { return nil }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            guard high != 0 else { return nil }
            return Unicode.Scalar(high)  // nil for a lone low surrogate
        }

        private mutating func hexQuad() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}
