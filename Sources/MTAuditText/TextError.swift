/// What went wrong in the text layer, said so that a person can find the place.
public enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Bytes that are not well-formed UTF-8, at this byte offset of the input.
    case invalidUTF8(byteOffset: Int)
    /// A NUL byte, which no text mtaudit audits contains, at this byte offset.
    case nulByte(byteOffset: Int)
    /// An encoding name ICU does not know.
    case unknownEncoding(String)
    /// Bytes that are not valid in the named encoding, at this byte offset of the input.
    case illegalBytes(encoding: String, byteOffset: Int)
    /// Charset detection found nothing it trusts.
    case undetectableEncoding
    /// ICU itself failed; `status` is its error name.
    case icu(operation: String, status: String)
    /// A text longer than a document's offsets can hold (`maximum` bytes of UTF-8).
    case textTooLong(id: String, byteCount: Int, maximum: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset):
            return "invalid UTF-8 at byte \(offset) (name the encoding with --encoding NAME, or use --encoding auto)"
        case .nulByte(let offset):
            return "NUL byte at byte \(offset): this is not text"
        case .unknownEncoding(let name):
            return "unknown encoding “\(name)” (try utf-8, windows-1252, iso-8859-1, shift_jis, gb18030, or auto)"
        case .illegalBytes(let encoding, let offset):
            return "bytes that are not valid \(encoding) at byte \(offset)"
        case .undetectableEncoding:
            return "could not detect the encoding; name it with --encoding NAME"
        case .icu(let operation, let status):
            return "ICU failed in \(operation): \(status)"
        case .textTooLong(let id, let byteCount, let maximum):
            return "“\(id)” is \(byteCount) bytes long: mtaudit audits texts of at most \(maximum) bytes"
        }
    }
}
