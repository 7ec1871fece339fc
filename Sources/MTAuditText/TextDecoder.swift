import CICU

/// Turns bytes into text: UTF-8 by default (a byte-order mark is dropped), a named charset through
/// ICU's converters, or ICU's charset detection when asked for `auto`.
public struct TextDecoder: Sendable {
    public enum Encoding: Sendable, Equatable, CustomStringConvertible {
        /// Strict UTF-8: malformed bytes are an error naming their offset.
        case utf8
        /// ICU charset detection, then conversion; well-formed UTF-8 stays UTF-8.
        case auto
        /// An ICU converter name or alias: "windows-1252", "Shift_JIS", "GB18030", "ISO-8859-7", …
        case named(String)

        /// Parses a command-line value: "utf-8"/"utf8", "auto", or any other name.
        public init(_ value: String) {
            switch value.lowercased() {
            case "utf-8", "utf8": self = .utf8
            case "auto": self = .auto
            default: self = .named(value)
            }
        }

        public var description: String {
            switch self {
            case .utf8: return "utf-8"
            case .auto: return "auto"
            case .named(let name): return name
            }
        }
    }

    /// What decoding produced: the text and the charset it was read as.
    public struct Decoded: Sendable, Equatable {
        public let text: String
        public let encoding: String
    }

    public var encoding: Encoding

    public init(encoding: Encoding = .utf8) { self.encoding = encoding }

    public func decode(_ bytes: [UInt8]) throws(TextError) -> Decoded {
        try bytes.withUnsafeBufferPointer { buffer throws(TextError) in try decode(buffer) }
    }

    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(TextError) -> Decoded {
        switch encoding {
        case .utf8:
            return Decoded(text: try Self.decodeUTF8(bytes), encoding: "UTF-8")
        case .named(let name):
            return Decoded(text: try Self.convert(bytes, from: name), encoding: name)
        case .auto:
            if Self.firstInvalidUTF8(bytes) == nil {
                return Decoded(text: try Self.decodeUTF8(bytes), encoding: "UTF-8")
            }
            let name = try Self.detect(bytes)
            return Decoded(text: try Self.convert(bytes, from: name), encoding: name)
        }
    }

    /// Strict UTF-8 with a dropped byte-order mark; NUL bytes and malformed sequences are errors.
    public static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(TextError) -> String {
        var body = bytes
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: body[3...])
        }
        let bom = bytes.count - body.count
        if let bad = firstInvalidUTF8(body) { throw .invalidUTF8(byteOffset: bad + bom) }
        if let nul = body.firstIndex(of: 0) { throw .nulByte(byteOffset: nul + bom) }
        return String(decoding: body, as: UTF8.self)
    }

    /// The byte offset of the first malformed UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let offset = cicu_utf8_first_invalid(base, Int64(bytes.count))
        return offset < 0 ? nil : Int(offset)
    }

    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, from name: String) throws(TextError) -> String {
        var errorOffset: Int64 = -1
        var failure: Int32 = 0
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        var capacity = bytes.count * 3 + 16
        for _ in 0..<2 {
            var needed: Int64 = 0
            var status: Int32 = 0
            let text = String(unsafeUninitializedCapacity: capacity) { out in
                needed = cicu_convert_to_utf8(name, base, Int64(bytes.count), out.baseAddress!, Int64(out.count),
                                              &errorOffset, &status)
                return status == CICU_OK ? Int(needed) : 0
            }
            if status == CICU_OK {
                if let nul = text.utf8.firstIndex(of: 0) {
                    throw .nulByte(byteOffset: text.utf8.distance(from: text.utf8.startIndex, to: nul))
                }
                return text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
            }
            failure = status
            if status != CICU_E_BUFFER_TOO_SMALL { break }
            capacity = Int(needed) + 16
        }
        switch failure {
        case CICU_E_UNKNOWN_ENCODING: throw .unknownEncoding(name)
        case CICU_E_ILLEGAL_BYTES: throw .illegalBytes(encoding: name, byteOffset: Int(max(0, errorOffset)))
        default: throw .icu(operation: "converting from \(name)", status: ICUCall.statusName(failure))
        }
    }

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) throws(TextError) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "UTF-8" }
        var name = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        let confidence = cicu_detect_charset(base, Int64(bytes.count), &name, 64, &status)
        guard status == CICU_OK, confidence > 0 else { throw .undetectableEncoding }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
