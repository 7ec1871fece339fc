import MTAudit
import Testing

@Suite("Feed lines")
struct FeedProcessorTests {
    let processor = FeedProcessor(maximumTextBytes: 200)

    private func answer(_ line: String, number: Int = 1) -> FeedAnswer {
        processor.answer(Array(line.utf8), line: number)
    }

    private func feedError(_ line: String) -> FeedError? {
        if case .failed(_, let error) = answer(line) { return error }
        return nil
    }

    @Test("A well-formed line is audited")
    func audited() throws {
        let line = #"{"id": "s1", "source": "Rain fell.", "sourceLang": "en", "versions": [{"id": "a", "text": "Rain fell fell.", "lang": "en"}]}"#
        guard case .audited(let id, let result) = answer(line) else {
            Issue.record("not audited")
            return
        }
        #expect(id == "s1")
        #expect(result.versions.first?.findings.first?.rule == "repeated-words")
        #expect(result.versions.first?.language == "en")
    }

    @Test("Bad lines answer an error with a code, a message and the id when it is known", arguments: [
        ("not json", FeedError.Code.invalidJSON, nil as String?, "not valid JSON"),
        ("[1, 2]", .invalidJSON, nil, "not an object"),
        (#"{"source": "x", "versions": []}"#, .missingKey, nil, "\"id\""),
        (#"{"id": "s2", "versions": []}"#, .missingKey, "s2", "\"source\""),
        (#"{"id": "s3", "source": "x"}"#, .missingKey, "s3", "\"versions\""),
        (#"{"id": "s4", "source": "x", "versions": [{"id": "a"}]}"#, .missingKey, "s4", "\"versions[0].text\""),
        (#"{"id": "s5", "source": "x", "versions": [{"id": "a", "text": 7}]}"#, .invalidValue, "s5", "must be a string"),
        (#"{"id": "s6", "source": "x", "versions": {}}"#, .invalidValue, "s6", "must be an array"),
        (#"{"id": "s7", "source": "  ", "versions": []}"#, .emptySource, "s7", "empty"),
        (#"{"id": 8, "source": "x", "versions": []}"#, .invalidValue, nil, "\"id\" must be a string"),
    ])
    func badLines(line: String, code: FeedError.Code, id: String?, fragment: String) throws {
        let error = try #require(feedError(line))
        #expect(error.code == code)
        #expect(error.id == id)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test("A text over the size limit is refused, naming the text and the limit")
    func tooLarge() throws {
        let big = String(repeating: "word ", count: 100)
        let error = try #require(feedError(#"{"id": "big", "source": "x", "versions": [{"id": "a", "text": "\#(big)"}]}"#))
        #expect(error.code == .textTooLarge)
        #expect(error.id == "big")
        #expect(error.message.contains("versions[0].text") && error.message.contains("200"))
    }

    @Test("Invalid UTF-8 in a line is refused with its byte offset")
    func invalidUTF8() {
        let bytes = Array(#"{"id": "x""#.utf8) + [0xFF] + Array("}".utf8)
        guard case .failed(let line, let error) = processor.answer(bytes, line: 7) else {
            Issue.record("expected an error")
            return
        }
        #expect(line == 7)
        #expect(error.code == .invalidUTF8)
        #expect(error.message.contains("byte 10"))
    }

    @Test("Blank lines are recognised")
    func blank() {
        #expect(FeedProcessor.isBlank(Array("  \t\r".utf8)))
        #expect(!FeedProcessor.isBlank(Array(" {}".utf8)))
    }
}
