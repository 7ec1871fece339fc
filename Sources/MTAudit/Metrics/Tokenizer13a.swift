import Foundation

/// sacreBLEU's `13a` tokenizer (mteval-v13a), rule for rule, on Unicode scalars.
enum Tokenizer13a {
    /// Marks split off on both sides: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
    private static let separated = Set("{|}~[\\]^_` !\"#$%&()*+:;<=>?@/".unicodeScalars)

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func tokens(_ text: String) -> [String] {
        var line = text.replacingOccurrences(of: "<skipped>", with: "")
            .replacingOccurrences(of: "-\n", with: "").replacingOccurrences(of: "\n", with: " ")
        if line.contains("&") {
            line = line.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        }
        var scalars: [Unicode.Scalar] = [" "] + Array(line.unicodeScalars) + [" "]
        // 1. Separate the marks above.
        var out: [Unicode.Scalar] = []
        for scalar in scalars {
            if separated.contains(scalar) { out += [" ", scalar, " "] } else { out.append(scalar) }
        }
        scalars = out
        // 2. A full stop or comma after a non-digit: `([^0-9])([\.,])` → `\1 \2 `.
        scalars = rewrite(scalars) { a, b in !isDigit(a) && (b == "." || b == ",") ? [a, " ", b, " "] : nil }
        // 3. A full stop or comma before a non-digit: `([\.,])([^0-9])` → ` \1 \2`.
        scalars = rewrite(scalars) { a, b in (a == "." || a == ",") && !isDigit(b) ? [" ", a, " ", b] : nil }
        // 4. A dash after a digit: `([0-9])(-)` → `\1 \2 `.
        scalars = rewrite(scalars) { a, b in isDigit(a) && b == "-" ? [a, " ", b, " "] : nil }
        return PythonText.split(scalars).map(PythonText.string)
    }

    /// One regular-expression pass over pairs of scalars, left to right and without overlaps, as
    /// Python's `re.sub` makes it.
    private static func rewrite(_ scalars: [Unicode.Scalar],
                                _ replacement: (Unicode.Scalar, Unicode.Scalar) -> [Unicode.Scalar]?) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count + 16)
        var i = 0
        while i < scalars.count {
            if i + 1 < scalars.count, let replaced = replacement(scalars[i], scalars[i + 1]) {
                out += replaced
                i += 2
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return out
    }
}
