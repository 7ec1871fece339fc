import Foundation
@testable import MTAudit
import Testing

/// `FeedJSON` is a shortcut past `JSONShape` and `JSONSerialization` for well-formed feed lines: whatever
/// it reads must be exactly what `JSONSerialization` reads, and whatever either of them refuses it
/// must leave alone (answer nil), so that their verdicts and messages stand.
@Suite("Feed lines' JSON shortcut")
struct FeedJSONTests {
    /// Lines the shortcut reads, written every way JSON allows.
    static let readable: [String] = [
        #"{"id": "a", "source": "The ferry left at noon.", "versions": [{"id": "v", "text": "Le bac est parti à midi."}]}"#,
        #"{}"#,
        " \t\r\n{ \"id\" : \"x\" , \"versions\" : [ ] } \n",
        #"{"id": "esc", "source": "quote \" back \\ slash \/ \b\f\n\r\t end", "versions": []}"#,
        #"{"id": "\u00e9\u0041\u4e2d", "source": "pair \ud83d\ude00 and \uD834\uDD1E", "versions": []}"#,
        #"{"id": "raw", "source": "é 中 😀 \u007f", "sourceLang": null, "versions": [{"id": "v", "text": "t", "lang": null}]}"#,
        #"{"meta": {"tags": ["a", ["b", {"c": null}]], "note": ""}, "id": "nested", "versions": []}"#,
        #"{"a": {"a": {"a": "same key, other objects"}}, "b": [{"a": "x"}, {"a": "y"}]}"#,
        "{\"deep\": " + String(repeating: "[", count: 31) + String(repeating: "]", count: 31) + "}",  // at the limit
        #"{"i\u0064": "escaped key", "versions": [{}, {"id": ""}]}"#,
        #"{"id": "mixed \u00E9 and raw é", "versions": []}"#,
    ]

    /// Lines it leaves to `JSONSerialization`: valid JSON of kinds it does not read, and invalid JSON.
    static let leftAlone: [String] = [
        #"{"id": "a", "n": 1}"#, #"{"id": true}"#, #"{"id": false}"#, "[1, 2]", #""just a string""#, "null",
        #"{"id": "a\u0000b"}"#, #"{"id": "\ud800"}"#, #"{"id": "\udc00 x"}"#, #"{"id": "\ud800\u0041"}"#,
        #"{"id": "a"} x"#, #"{"id": "a",}"#, #"{"id" "a"}"#, #"{"id": "a""#, #"{"id": nul}"#, #"{"id": "\x"}"#,
        #"{"id": "\u12G4"}"#, #"{"id": "\u12"}"#, "{\"id\": \"tab\there\"}", "{\u{0C}}", "\u{FEFF}{}", "",
        #"{"a": "x", "a": "y"}"#, #"{"a": "x", "\u0061": "y"}"#, "{\"é\": \"1\", \"e\u{301}\": \"2\"}",
        String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
        "{\"a\": " + String(repeating: "[", count: 32) + String(repeating: "]", count: 32) + "}",
        #"{"a": [1,]}"#, #"{"a": ["x",]}"#, #"{"a": ["x" "y"]}"#, "{\"a\": \"x\"}\u{0B}", #"{,}"#, #"{"a": []]"#,
    ]

    @Test("Every readable line is read exactly as JSONSerialization reads it")
    func readsAsFoundationDoes() throws {
        for line in Self.readable {
            let fast = try #require(Self.fast(line), "the shortcut reads \(line)")
            let full = try JSONSerialization.jsonObject(with: Data(line.utf8))
            #expect(Self.same(fast, full), "\(line)")
            #expect(Array(line.utf8).withUnsafeBufferPointer { JSONShape.check($0, maximumDepth: FeedRecord.maximumNesting) } == nil)
        }
    }

    @Test("Lines of other kinds, and invalid ones, are left to JSONSerialization")
    func leavesTheRestAlone() {
        for line in Self.leftAlone { #expect(Self.fast(line) == nil, "\(line)") }
    }

    /// `line`'s bytes with one to three bytes replaced, inserted (from `alphabet`) or removed.
    static func mutated(_ line: String, from alphabet: [UInt8], using generator: inout SplitMix) -> [UInt8] {
        var bytes = Array(line.utf8)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let place = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: bytes[place] = alphabet.randomElement(using: &generator)!
            case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: place)
            default: bytes.remove(at: place)
            }
            if bytes.isEmpty { bytes = [0x7B] }
        }
        return bytes
    }

    @Test("Mutated lines: the shortcut never reads what JSONSerialization refuses, and reads the rest as it does")
    func mutations() throws {
        var generator = SplitMix(seed: 0x5EED)
        let alphabet = Array(#"{}[]:,"\ u0Aad8e9nul /tbfr"#.utf8) + [0x00, 0x0B, 0x1F, 0xC3, 0xA9]
        var read = 0
        for _ in 0..<20_000 {
            let bytes = Self.mutated(Self.readable.randomElement(using: &generator)!, from: alphabet, using: &generator)
            // The shortcut is only ever given valid UTF-8, checked before it.
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            let fast = bytes.withUnsafeBufferPointer { FeedJSON.object($0) }
            let full = try? JSONSerialization.jsonObject(with: Data(bytes))
            if let fast {
                read += 1
                let bytesText = String(decoding: bytes, as: UTF8.self)
                let full = try #require(full, "JSONSerialization refuses what the shortcut read: \(bytesText)")
                #expect(Self.same(fast, full), "\(bytesText)")
                #expect(bytes.withUnsafeBufferPointer { JSONShape.check($0, maximumDepth: FeedRecord.maximumNesting) } == nil,
                        "JSONShape refuses what the shortcut read: \(bytesText)")
            }
        }
        #expect(read > 1_000, "the mutations leave enough lines readable to test")
    }

    /// Lines of a record's own shape, which `FeedJSON.record` reads straight into their fields.
    static let records: [String] = [
        #"{"id": "a", "source": "The ferry left at noon.", "versions": [{"id": "v", "text": "Le bac est parti à midi."}]}"#,
        #" {"versions":[],"source":"s","id":""} "#,
        #"{"id": "esc", "source": "quote \" back \\ \u00e9 \ud83d\ude00", "sourceLang": null, "versions": [{"text": "t\n", "lang": "fr", "id": "v"}, {"id": "w", "text": "", "lang": null}]}"#,
        #"{"sourceLang": "en", "id": "b", "source": "x", "versions": [ { "id" : "v" , "text" : "y" } ]}"#,
    ]

    /// Lines `FeedJSON.record` leaves to the general way: keys missing, named twice, escaped or
    /// unknown, values of other kinds.
    static let notRecords: [String] = [
        #"{"id": "a", "source": "s"}"#, #"{"id": "a", "versions": []}"#, #"{"source": "s", "versions": []}"#,
        #"{"id": "a", "id": "b", "source": "s", "versions": []}"#, #"{"i\u0064": "a", "source": "s", "versions": []}"#,
        #"{"id": "a", "source": "s", "versions": [], "extra": "x"}"#, #"{"id": null, "source": "s", "versions": []}"#,
        #"{"id": "a", "source": "s", "versions": {}}"#, #"{"id": "a", "source": "s", "versions": ["v"]}"#,
        #"{"id": "a", "source": "s", "versions": [{"id": "v"}]}"#, #"{"id": "a", "source": "s", "versions": [{}]}"#,
        #"{"id": "a", "source": "s", "versions": [{"id": "v", "text": "t", "text": "u"}]}"#,
        #"{"id": "a", "source": "s", "versions": [{"id": "v", "text": "t", "lang": 1}]}"#,
        #"{"id": "a", "source": "s", "sourceLang": [], "versions": []}"#, #"{"id": "a", "source": "s", "versions": []} x"#,
        #"{"id": "a", "source": "s", "versions": [],}"#, #"{"id": "a", "source": "s\u0000", "versions": []}"#,
        #"[{"id": "a", "source": "s", "versions": []}]"#,
    ]

    @Test("Record lines are read straight into the fields the general reading gives them; other lines are left to it")
    func recordFields() throws {
        for line in Self.records {
            let fields = try #require(Array(line.utf8).withUnsafeBufferPointer { FeedJSON.record($0) }, "reads \(line)")
            try Self.expectSame(fields, line)
        }
        for line in Self.notRecords { #expect(Array(line.utf8).withUnsafeBufferPointer { FeedJSON.record($0) } == nil, "\(line)") }
        var generator = SplitMix(seed: 0x2EC0)
        let alphabet = Array(#"{}[]:,"\ u0Aad8e9nul /tbfrxsoc"#.utf8) + [0x00, 0x0B, 0x1F, 0xC3, 0xA9]
        var read = 0
        for _ in 0..<20_000 {
            let bytes = Self.mutated(Self.records.randomElement(using: &generator)!, from: alphabet, using: &generator)
            guard String(validating: bytes, as: UTF8.self) != nil,
                  let fields = bytes.withUnsafeBufferPointer({ FeedJSON.record($0) }) else { continue }
            read += 1
            try Self.expectSame(fields, String(decoding: bytes, as: UTF8.self))
        }
        #expect(read > 1_000, "the mutations leave enough lines readable to test")
    }

    /// The record's fields are those of the line read as a tree, which has no other key.
    private static func expectSame(_ fields: FeedJSON.RecordFields, _ line: String) throws {
        let tree = try #require(fast(line), "the general reading reads \(line)")
        let full = try #require(try? JSONSerialization.jsonObject(with: Data(line.utf8)), "JSONSerialization reads \(line)")
        #expect(same(tree, full), "\(line)")
        func string(_ value: Any?) -> String? { value as? String }
        #expect(Set(tree.keys).isSubset(of: ["id", "source", "sourceLang", "versions"]), "\(line)")
        #expect(string(tree["id"]).map { $0.utf8.elementsEqual(fields.id.utf8) } == true, "\(line)")
        #expect(string(tree["source"]).map { $0.utf8.elementsEqual(fields.source.utf8) } == true, "\(line)")
        #expect(string(tree["sourceLang"]) == fields.sourceLang && (tree["sourceLang"] == nil || tree["sourceLang"] is NSNull) == (fields.sourceLang == nil), "\(line)")
        let versions = try #require(tree["versions"] as? [[String: Any]], "\(line)")
        #expect(versions.count == fields.versions.count, "\(line)")
        for (version, read) in zip(versions, fields.versions) {
            #expect(Set(version.keys).isSubset(of: ["id", "text", "lang"]), "\(line)")
            #expect(string(version["id"]).map { $0.utf8.elementsEqual(read.id.utf8) } == true, "\(line)")
            #expect(string(version["text"]).map { $0.utf8.elementsEqual(read.text.utf8) } == true, "\(line)")
            #expect(version["lang"] == nil || version["lang"] is NSNull || version["lang"] is String, "\(line)")
            #expect(read.language == (string(version["lang"]) ?? "und"), "\(line)")
            #expect(read.path == nil, "\(line)")
        }
    }

    private static func fast(_ line: String) -> [String: Any]? {
        Array(line.utf8).withUnsafeBufferPointer { FeedJSON.object($0) }
    }

    /// The same values, strings compared byte for byte.
    private static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (a as String, b as String): return a.utf8.elementsEqual(b.utf8)
        case (is NSNull, is NSNull): return true
        case let (a as [String: Any], b as [String: Any]):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
        case let (a as [Any], b as [Any]): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        default: return false
        }
    }
}
