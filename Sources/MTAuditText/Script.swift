import CICU

/// A Unicode script (ISO 15924), as ICU assigns it to each code point.
public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's UScriptCode.
    public let code: Int32

    public static let common = Script(code: 0)
    public static let inherited = Script(code: 1)
    public static let latin = Script(code: 25)
    public static let unknown = Script(code: 103)

    public init(code: Int32) { self.code = code }

    /// The script of one scalar.
    public init(of scalar: Unicode.Scalar) {
        let code = cicu_script_of(scalar.value)
        self.code = code < 0 ? Script.unknown.code : code
    }

    /// ISO 15924 code: "Latn", "Cyrl", "Grek", "Hani", "Arab", "Zyyy" (common), "Zinh" (inherited).
    public var shortName: String { String(cString: cicu_script_short_name(code)) }

    /// Common and inherited code points (digits, punctuation, combining marks) belong to no one script.
    public var isShared: Bool { self == .common || self == .inherited }

    public var description: String { shortName }

    /// The script most of `text`'s letters are written in, ignoring shared code points; `.common` when
    /// it has no letters of any script. Ties go to the lower script code.
    ///
    /// Asked of every token: Latin letters are counted apart and the few other scripts in a short
    /// list, with no dictionary to hash into.
    public static func dominant(in text: some StringProtocol) -> Script { dominant(of: text.unicodeScalars) }

    /// `dominant(in:)` for a `String`, made for it here: the generic one, called from another module,
    /// walks the scalars through protocol witnesses.
    public static func dominant(in text: String) -> Script { dominant(of: text.unicodeScalars) }

    private static func dominant(of scalars: some Sequence<Unicode.Scalar>) -> Script {
        var latin = 0
        var others: [(script: Script, count: Int)] = []
        for scalar in scalars {
            if scalar.value < 0x80 {
                if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A { latin += 1 }
                continue
            }
            let script = Script(of: scalar)
            if script == .latin {
                latin += 1
            } else if !script.isShared {
                if let index = others.firstIndex(where: { $0.script == script }) {
                    others[index].count += 1
                } else {
                    others.append((script, 1))
                }
            }
        }
        var best: (script: Script, count: Int) = (.common, 0)
        if latin > 0 { best = (.latin, latin) }
        for other in others where other.count > best.count || (other.count == best.count && other.script.code < best.script.code) {
            best = other
        }
        return best.script
    }

    /// Every script of `text`'s letters, shared ones left out.
    public static func all(in text: some StringProtocol) -> Set<Script> {
        var scripts: Set<Script> = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A { scripts.insert(.latin) }
                continue
            }
            let script = Script(of: scalar)
            if !script.isShared { scripts.insert(script) }
        }
        return scripts
    }
}
