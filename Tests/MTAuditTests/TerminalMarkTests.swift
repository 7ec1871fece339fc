import MTAuditText
import Testing
@testable import MTAudit

@Suite("A sentence's final mark, past closing quotes and brackets")
struct TerminalMarkTests {
    @Test("terminalMark and endOfContent are what the tokens' isClosingMark tells, for every ASCII mark and some others")
    func agreesWithClosingMark() throws {
        let segmenter = try Segmenter()
        let marks = (0x21..<0x7F).map { String(UnicodeScalar(UInt8($0))) } + ["»", "”", "’", "」", "）", "。", "？", "…", "«"]
        var checked = 0
        for first in marks {
            for second in ["", ")", "\"", "'", "”", "»", "x", "1"] {
                let text = "He said so\(first)\(second)"
                let document = Document(id: "t", text: text, segmenter: segmenter)
                for index in document.sentences.indices {
                    let tokens = document.tokens[document.sentences[index].tokens]
                    let last = tokens.last { !Document.isClosingMark($0.text) }
                    let expectedEnd = last?.span.end ?? document.sentences[index].span.end
                    #expect(document.endOfContent(ofSentence: index) == expectedEnd, "\(text.debugDescription)")
                    let found = document.terminalMark(ofSentence: index)
                    if let last, last.kind == .punctuation, let mark = last.text.unicodeScalars.last {
                        #expect(found?.mark == mark && found?.offset == last.span.end - 1, "\(text.debugDescription)")
                    } else {
                        #expect(found == nil, "\(text.debugDescription)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 800)
    }
}
