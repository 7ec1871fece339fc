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

    @Test("Mutated lines: the shortcut never reads what JSONSerialization refuses, and reads the rest as it does")
    func mutations() throws {
        var generator = SplitMix(seed: 0x5EED)
        let alphabet = Array(#"{}[]:,"\ u0Aad8e9nul /tbfr"#.utf8) + [0x00, 0x0B, 0x1F, 0xC3, 0xA9]
        var read = 0
        for _ in 0..<20_000 {
            var bytes = Array(Self.readable.randomElement(using: &generator)!.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let place = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[place] = alphabet.randomElement(using: &generator)!
                case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: place)
                default: bytes.remove(at: place)
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
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
