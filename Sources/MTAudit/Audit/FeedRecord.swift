import Foundation
import MTAuditText

/// One line of a feed, read and checked: an article's source and versions.
///
/// `{"id": "…", "source": "…", "versions": [{"id": "…", "text": "…", "lang": "…"}], "sourceLang": "…"}`
public struct FeedRecord: Sendable, Hashable {
    /// The deepest nesting of arrays and objects a line may have. A record needs 3; anything much
    /// deeper is refused before it is decoded, so a hostile line cannot exhaust the decoder's stack.
    public static let maximumNesting = 32

    public let id: String
    public let source: TextInput
    public let versions: [TextInput]

    /// Reads one feed line (without its line break).
    ///
    /// - Throws: `FeedError` naming what is wrong; it carries the record's id when that much was readable.
    public static func parse(_ line: some Collection<UInt8>, maximumTextBytes: Int) throws(FeedError) -> FeedRecord {
        let bytes = Array(line)
        if let bad = bytes.withUnsafeBufferPointer({ TextDecoder.firstInvalidUTF8($0) }) {
            throw FeedError(code: .invalidUTF8, message: "invalid UTF-8 at byte \(bad) of the line", id: nil)
        }
        // A line of the record's own shape is read straight into its fields (nearly every line).
        if let fields = bytes.withUnsafeBufferPointer({ FeedJSON.record($0) }) {
            return try Self.record(fields, maximumTextBytes: maximumTextBytes)
        }
        // Other well-formed lines are read by the shortcut. Anything it does not read is checked for
        // its shape, then read by the full decoder, whose verdicts stand.
        let object: Any
        if let read = bytes.withUnsafeBufferPointer({ FeedJSON.object($0) }) {
            object = read
        } else {
            let shape = bytes.withUnsafeBufferPointer { JSONShape.check($0, maximumDepth: Self.maximumNesting) }
            switch shape {
            case .tooDeep(let limit, let offset):
                throw FeedError(code: .nestingTooDeep,
                                message: "arrays and objects nest deeper than \(limit) levels at byte \(offset) of the line",
                                id: nil)
            case .duplicateKey(let key):
                throw FeedError(code: .duplicateKey,
                                message: "an object names the key \"\(Self.clipped(key, to: 80))\" twice", id: nil)
            case nil:
                break
            }
            do {
                object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
            } catch {
                throw FeedError(code: .invalidJSON, message: "the line is not valid JSON: \(Self.reason(error))", id: nil)
            }
        }
        guard let record = object as? [String: Any] else {
            throw FeedError(code: .invalidJSON, message: "the line is JSON but not an object", id: nil)
        }
        let id = try Self.string(record, "id", at: "", id: nil)
        let source = try Self.string(record, "source", at: "", id: id)
        let sourceLang = try Self.optionalString(record, "sourceLang", at: "", id: id)
        guard let rawVersions = record["versions"] else {
            throw FeedError(code: .missingKey, message: "missing key \"versions\"", id: id)
        }
        guard let list = rawVersions as? [Any] else {
            throw FeedError(code: .invalidValue, message: "\"versions\" must be an array", id: id)
        }
        try Self.checkSource(source, maximumTextBytes: maximumTextBytes, id: id)
        var versions: [TextInput] = []
        for (index, element) in list.enumerated() {
            let path = "versions[\(index)]."
            guard let version = element as? [String: Any] else {
                throw FeedError(code: .invalidValue, message: "\"versions[\(index)]\" must be an object", id: id)
            }
            let versionID = try Self.string(version, "id", at: path, id: id)
            let text = try Self.string(version, "text", at: path, id: id)
            let lang = try Self.optionalString(version, "lang", at: path, id: id)
            try Self.checkSize(text, "\(path)text", maximumTextBytes: maximumTextBytes, id: id)
            versions.append(TextInput(id: versionID, text: text, language: lang))
        }
        return FeedRecord(id: id, source: TextInput(id: "source", text: source, language: sourceLang),
                          versions: versions)
    }

    /// The record of fields read by `FeedJSON.record`, checked as `parse` checks those it reads
    /// from a tree, in the same order (every key there and of its kind, only sizes are left).
    private static func record(_ fields: FeedJSON.RecordFields, maximumTextBytes: Int) throws(FeedError) -> FeedRecord {
        try checkSource(fields.source, maximumTextBytes: maximumTextBytes, id: fields.id)
        for (index, version) in fields.versions.enumerated() where version.text.utf8.count > maximumTextBytes {
            try checkSize(version.text, "versions[\(index)].text", maximumTextBytes: maximumTextBytes, id: fields.id)
        }
        return FeedRecord(id: fields.id, source: TextInput(id: "source", text: fields.source, language: fields.sourceLang),
                          versions: fields.versions)
    }

    /// The source neither blank nor over the size limit.
    private static func checkSource(_ source: String, maximumTextBytes: Int, id: String) throws(FeedError) {
        // A source that opens with an ASCII letter, digit or mark (nearly every one) is not blank: told
        // by its first byte, without the scalars' White_Space property (400 instructions a line).
        let opensVisibly = source.utf8.first.map { $0 > 0x20 && $0 < 0x7F } ?? false
        if !opensVisibly && source.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw FeedError(code: .emptySource, message: "\"source\" is empty", id: id)
        }
        try checkSize(source, "source", maximumTextBytes: maximumTextBytes, id: id)
    }

    private static func string(_ object: [String: Any], _ key: String, at path: String,
                               id: String?) throws(FeedError) -> String {
        guard let value = object[key] else {
            throw FeedError(code: .missingKey, message: "missing key \"\(path)\(key)\"", id: id)
        }
        guard let string = value as? String else {
            throw FeedError(code: .invalidValue, message: "\"\(path)\(key)\" must be a string", id: id)
        }
        return string
    }

    private static func optionalString(_ object: [String: Any], _ key: String, at path: String,
                                       id: String?) throws(FeedError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let string = value as? String else {
            throw FeedError(code: .invalidValue, message: "\"\(path)\(key)\" must be a string", id: id)
        }
        return string
    }

    private static func checkSize(_ text: String, _ key: String, maximumTextBytes: Int,
                                  id: String) throws(FeedError) {
        let size = text.utf8.count
        if size > maximumTextBytes {
            throw FeedError(code: .textTooLarge,
                            message: "\"\(key)\" is \(size) bytes, over the limit of \(maximumTextBytes)", id: id)
        }
    }

    /// The decoder's reason, clipped: it may quote the input (a number of a million digits).
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return clipped(debug, to: 200) }
        return clipped(nsError.localizedDescription, to: 200)
    }

    /// At most `limit` characters of `text`, with "…" where it was cut.
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
