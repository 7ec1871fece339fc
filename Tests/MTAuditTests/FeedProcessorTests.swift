import Foundation
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

    @Test("Endless language tags are audited alike: past the caches' bounds, what they would keep is made again")
    func manyLanguageTags() throws {
        func result(_ tag: String) -> AuditResult? {
            let line = #"{"id": "s", "source": "Mr. Lee said the bridge opened on 4 May.", "sourceLang": "\#(tag)", "versions": [{"id": "a", "text": "Mr. Lee said the the bridge opened on 5 May.", "lang": "\#(tag)"}]}"#
            if case .audited(_, let result) = answer(line) { return result }
            return nil
        }
        let first = try #require(result("en-x-0"))
        #expect(!first.versions[0].findings.isEmpty)
        for k in 1..<300 {
            let other = try #require(result("en-x-\(k)"))
            #expect(other.versions[0].findings == first.versions[0].findings, "tag en-x-\(k)")
        }
    }

    /// A kept source is found again by its bytes: the same text in NFD is another source (its
    /// offsets are not the NFC text's), and is answered as a fresh auditor answers it.
    @Test("A source kept in NFC is not taken for the same text in NFD")
    func sourcesByBytes() throws {
        let nfc = "Café Zoë opened 3 shops in Köln.", nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc == nfd && Array(nfc.utf8) != Array(nfd.utf8))
        func line(_ source: String) -> [UInt8] {
            Array(#"{"id": "a", "source": "\#(source)", "versions": [{"id": "v", "text": "Café Zoë opened 5 shops in Köln."}]}"#.utf8)
        }
        let again = FeedProcessor()
        for number in 1...3 { _ = again.answer(line(nfc), line: number) }
        guard case .audited(_, let kept) = again.answer(line(nfd), line: 4),
              case .audited(_, let fresh) = FeedProcessor().answer(line(nfd), line: 1) else {
            Issue.record("not audited")
            return
        }
        #expect(kept == fresh)
    }

    @Test("A source that comes again, line after line, is audited as if it came first")
    func sourcesAgain() throws {
        // Three sources, each with versions that find different things, in an order that brings each
        // back more than twice (a source is kept from its second line on); one comes with another
        // language tag, which is another source.
        let sources = ["Ms. Ruiz said the 14 trucks left Lyon on 3 March. The mayor, Omar Haddad, waited.",
                       "Prices rose 2.5% in May, the bank said.",
                       "“We will not sign,” the union's leader, Petra Lind, told reporters."]
        let versions = [["Ms. Ruiz said the 41 trucks left Lyon on 3 March. The mayor waited.",
                         "Ms. Ruis said the 14 trucks left Lyon on 3 March. The mayor, Omar Haddad, waited waited.",
                         "Ms. Ruiz said the 14 trucks left Lyon on 3 March. The mayor, Omar Haddad, waited."],
                        ["Prices rose 25% in May, the bank said.", "Prices fell in June.", "Prices rose 2.5% in May."],
                        ["“We will sign,” the union's leader, Petra Lind, told reporters.",
                         "“We will not sign,” the union's leader told reporters.",
                         "“We will not sign,” the union leader, Peter Lind, told reporters."]]
        var lines: [String] = []
        for round in 0..<3 {
            for (s, source) in sources.enumerated() {
                let language = round == 2 && s == 1 ? "de" : "en"
                lines.append(#"{"id": "r\#(round)s\#(s)", "source": "\#(source)", "sourceLang": "\#(language)", "versions": [{"id": "v\#(round)", "text": "\#(versions[s][round])"}]}"#)
            }
        }
        let again = FeedProcessor()
        var findings = 0
        for (number, line) in (lines + lines).enumerated() {
            guard case .audited(_, let result) = again.answer(Array(line.utf8), line: number + 1),
                  case .audited(_, let first) = FeedProcessor().answer(Array(line.utf8), line: 1) else {
                Issue.record("line \(number + 1) not audited")
                continue
            }
            #expect(result == first, "line \(number + 1)")
            findings += result.versions[0].findings.count
        }
        #expect(findings >= 2 * 6, "the versions should find changed numbers, names, words and quotes")
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

    @Test("Hostile lines get a defined answer, never a crash or a hang", arguments: [
        (String(repeating: "[", count: 100_000), FeedError.Code.nestingTooDeep, "deeper than 32"),
        (String(repeating: "{\"a\":", count: 100_000), .nestingTooDeep, "deeper than 32"),
        (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), .nestingTooDeep, "at byte 32"),
        (#"{"id": "a", "id": "b", "source": "x", "versions": []}"#, .duplicateKey, "\"id\" twice"),
        (#"{"id": "a", "source": "x", "versions": [{"id": "v", "text": "x", "text": "y"}]}"#, .duplicateKey, "\"text\""),
        (#"{"id": "a", "\u0069d": "b", "source": "x", "versions": []}"#, .duplicateKey, "\"id\""),
        (#"{"id": "\ud800", "source": "x", "versions": []}"#, .invalidJSON, "surrogate"),
        (#"{"id": "a", "source": "\udc00 rain", "versions": []}"#, .invalidJSON, "not valid JSON"),
        ("{\"id\": " + String(repeating: "9", count: 100_000) + "}", .invalidJSON, "not valid JSON"),
        (#"{"id": "a", "source": "x", "versions": [], "n": 1e999999}"#, .invalidJSON, "not representable"),
        ("   ", .invalidJSON, "not valid JSON"),
        ("\u{0C}\u{0B}", .invalidJSON, "not valid JSON"),
        ("{\"id\": \"a\u{0}\", \"source\": \"x\", \"versions\": []}", .invalidJSON, "not valid JSON"),
        ("\u{0}", .invalidJSON, "not valid JSON"),
        (#"{"id": "a", "source": "x", "versions": [{"id": "v", "text": "y"}, {"id": "v", "text": "y"}]}"#, nil, ""),
    ] as [(String, FeedError.Code?, String)])
    func hostileLines(line: String, code: FeedError.Code?, fragment: String) throws {
        let outcome = answer(line)
        guard let code else { return }  // only: no crash
        guard case .failed(_, let error) = outcome else {
            Issue.record("expected \(code), got \(outcome)")
            return
        }
        #expect(error.code == code)
        #expect(error.message.contains(fragment), "\(error.message)")
        #expect(error.message.count < 300, "the message quotes the input whole")
    }

    @Test("Nesting up to the limit is read; a key may repeat in different objects")
    func nestingAtTheLimit() {
        let extra = String(repeating: "[", count: 29) + String(repeating: "]", count: 29)
        let line = #"{"id": "s", "source": "Rain fell.", "x": \#(extra), "versions": [{"id": "a", "text": "Rain fell."}]}"#
        guard case .audited(let id, _) = answer(line) else {
            Issue.record("not audited")
            return
        }
        #expect(id == "s")
    }

    @Test("A NUL character escaped in a text is audited like any other character")
    func escapedNUL() throws {
        let line = #"{"id": "z", "source": "Rain fell\u0000 on the town.", "versions": [{"id": "a", "text": "Rain fell on\u0000 the town."}]}"#
        guard case .audited(_, let result) = answer(line) else {
            Issue.record("not audited: \(answer(line))")
            return
        }
        #expect(result.versions.count == 1)
    }

    @Test("A line over the line limit is answered without reading it")
    func tooLong() {
        guard case .failed(let line, let error) = processor.answerTooLong(byteCount: 50_000_000, line: 3, limit: 1000) else {
            Issue.record("expected an error")
            return
        }
        #expect(line == 3)
        #expect(error.code == .lineTooLong)
        #expect(error.id == nil)
        #expect(error.message.contains("50000000") && error.message.contains("1000"))
    }
}
