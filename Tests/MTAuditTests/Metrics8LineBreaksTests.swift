@testable import MTAudit
import Testing

/// 13a's replacements of a text whose only replacement is a line break made a space, made in one
/// pass (`Tokenizer13a.lineBreaksSpaced`), are sacreBLEU's replacements one after another; and the
/// pass declines every text another replacement changes.
@Suite("13a's line breaks made spaces in one pass")
struct Metrics8LineBreaksTests {
    /// Python's `str.replace` on bytes: literal, left to right, without overlaps.
    private static func replacing(_ bytes: [UInt8], _ target: String, _ replacement: String) -> [UInt8] {
        let target = Array(target.utf8), replacement = Array(replacement.utf8)
        var out: [UInt8] = [], index = 0
        while index < bytes.count {
            if index + target.count <= bytes.count && Array(bytes[index..<index + target.count]) == target {
                out += replacement
                index += target.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// sacreBLEU's replacements, in its order.
    private static func plain(_ bytes: [UInt8]) -> [UInt8] {
        var line = bytes
        for (target, replacement) in [("<skipped>", ""), ("-\n", ""), ("\n", " "), ("&quot;", "\""), ("&amp;", "&"),
                                      ("&lt;", "<"), ("&gt;", ">")] {
            line = replacing(line, target, replacement)
        }
        return line
    }

    @Test("One pass gives the replacements' line, where it takes the text; it takes every text of line breaks alone")
    func asReplacedInTurn() {
        var generator = SplitMix(seed: 83)
        let pieces = ["a", "b", "-", "\n", "\n", "\n\n", " ", ".", "é", "<", "&", "<skipped>", "&amp;", "-\n", "word", "\r\n"]
        for round in 0..<5000 {
            // Half the texts without the pieces that start other replacements.
            let usable = round % 2 == 0 ? pieces : pieces.filter { !$0.contains("<") && !$0.contains("&") }
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in usable.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let spaced = bytes.withUnsafeBufferPointer { Tokenizer13a.lineBreaksSpaced($0) }
            let replaced = Self.plain(bytes)
            if let spaced {
                #expect(spaced == replaced, "\(text.debugDescription)")
            }
            let breaksAlone = !bytes.isEmpty && !text.contains("<") && !text.contains("&") && !text.contains("-\n")
            #expect((spaced != nil) == breaksAlone, "\(text.debugDescription)")
            // The tokens, whichever way the line was made, are the chain's over the replaced line.
            let words = Tokenizer13a.words(MetricText(text))
            #expect(words.utf8 == replaced, "\(text.debugDescription)")
        }
    }
}
