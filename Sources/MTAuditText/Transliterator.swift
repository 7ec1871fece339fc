import CICU

/// ICU transforms, by default any script to Latin ASCII ("Кэрри" → "Kerri", "習近平" → "xi jin ping"),
/// so that a name written in another script can be compared with its Latin form.
///
/// Opening a transliterator costs milliseconds and it is not thread-safe: keep one per task or thread.
public final class Transliterator {
    public static let toLatinASCII = "Any-Latin; Latin-ASCII"

    public let identifier: String
    private let handle: OpaquePointer

    public init(_ identifier: String = Transliterator.toLatinASCII) throws(TextError) {
        var status: Int32 = 0
        guard let handle = cicu_transliterator_open(identifier, &status) else {
            throw .icu(operation: "opening transliterator “\(identifier)”", status: ICUCall.statusName(status))
        }
        self.identifier = identifier
        self.handle = handle
    }

    deinit { cicu_transliterator_close(handle) }

    /// The transliterated text; on an ICU failure, the text unchanged.
    public func transliterate(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) && identifier == Self.toLatinASCII { return text }
        return ICUCall.withUTF8(text) { bytes, length in
            (try? ICUCall.string(operation: "transliteration", initialCapacity: Int(length) * 2 + 16) {
                out, capacity, status in
                cicu_transliterate_utf8(handle, bytes, length, out, capacity, status)
            }) ?? text
        }
    }
}
