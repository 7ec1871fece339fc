/// sacreBLEU's `13a` tokenizer (mteval-v13a), rule for rule, on the text's UTF-8 bytes: every mark
/// its rules name is ASCII, and no byte of a longer character is, so a rule over characters matches
/// the same places over bytes. One pass per rule into a reused buffer, no strings until the tokens.
enum Tokenizer13a {
    /// Marks split off on both sides: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
    private static let separated: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "{|}~[\\]^_` !\"#$%&()*+:;<=>?@/".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static let space = UInt8(ascii: " "), fullStop = UInt8(ascii: "."), comma = UInt8(ascii: ","),
                       dash = UInt8(ascii: "-")

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isFullStopOrComma(_ byte: UInt8) -> Bool { byte == fullStop || byte == comma }

    static func tokens(_ text: String) -> [String] { words(text).strings }

    /// The tokens, as runs of the tokenized line's bytes.
    static func words(_ text: String) -> ByteWords {
        var line = Array(text.utf8)
        // sacreBLEU's replacements, one after another (Python's `str.replace`: literal, left to right).
        line = replacing(line, "<skipped>", with: "")
        line = replacing(line, "-\n", with: "")
        line = replacing(line, "\n", with: " ")
        if line.contains(UInt8(ascii: "&")) {
            line = replacing(line, "&quot;", with: "\"")
            line = replacing(line, "&amp;", with: "&")
            line = replacing(line, "&lt;", with: "<")
            line = replacing(line, "&gt;", with: ">")
        }
        // 1. Separate the marks above, in the line padded with a space at both ends.
        var out: [UInt8] = []
        out.reserveCapacity(line.count * 2 + 2)
        out.append(space)
        for byte in line {
            if separated[Int(byte)] {
                out.append(space); out.append(byte); out.append(space)
            } else {
                out.append(byte)
            }
        }
        out.append(space)
        var scratch: [UInt8] = []
        // 2. A full stop or comma after a non-digit: `([^0-9])([\.,])` → `\1 \2 `.
        rewrite(&out, &scratch) { a, b in !isDigit(a) && isFullStopOrComma(b) ? .spaceBetweenAndAfter : nil }
        // 3. A full stop or comma before a non-digit: `([\.,])([^0-9])` → ` \1 \2`.
        rewrite(&out, &scratch) { a, b in isFullStopOrComma(a) && !isDigit(b) ? .spaceBeforeAndBetween : nil }
        // 4. A dash after a digit: `([0-9])(-)` → `\1 \2 `.
        rewrite(&out, &scratch) { a, b in isDigit(a) && b == dash ? .spaceBetweenAndAfter : nil }
        return ByteWords(utf8: out, ranges: PythonText.split(out))
    }

    /// `bytes` with every occurrence of `target` replaced, left to right and without overlaps.
    private static func replacing(_ bytes: [UInt8], _ target: String, with replacement: String) -> [UInt8] {
        guard let first = target.utf8.first, bytes.contains(first) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first && bytes[index...].starts(with: target.utf8) {
                out.append(contentsOf: replacement.utf8)
                index += target.utf8.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Where a rule puts spaces around the two characters it matched.
    private enum Spacing { case spaceBetweenAndAfter, spaceBeforeAndBetween }

    /// One regular-expression pass over pairs of bytes, left to right and without overlaps, as
    /// Python's `re.sub` makes it; `scratch` is the buffer the result is written to, swapped in.
    private static func rewrite(_ bytes: inout [UInt8], _ scratch: inout [UInt8], _ rule: (UInt8, UInt8) -> Spacing?) {
        scratch.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count, let spacing = rule(bytes[index], bytes[index + 1]) {
                let (a, b) = (bytes[index], bytes[index + 1])
                switch spacing {
                case .spaceBetweenAndAfter: scratch.append(a); scratch.append(space); scratch.append(b); scratch.append(space)
                case .spaceBeforeAndBetween: scratch.append(space); scratch.append(a); scratch.append(space); scratch.append(b)
                }
                index += 2
            } else {
                scratch.append(bytes[index])
                index += 1
            }
        }
        swap(&bytes, &scratch)
    }
}
