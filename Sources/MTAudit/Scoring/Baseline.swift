import Foundation

/// The findings of an earlier JSON report, to tell new findings from known ones: a pipeline that adopts
/// mtaudit on old copy fails only on what gets worse.
///
/// A finding is known when the same version id in the baseline has a finding of the same rule, on
/// the same text, with the same message, and as many of them. Offsets are not compared, so that
/// edits elsewhere in the text do not make old findings new.
public struct Baseline: Sendable {
    private let known: [String: [String: Int]]

    /// Reads a report written by `mtaudit audit --format json` (or `--write-baseline`).
    public init(report bytes: [UInt8], file: String) throws(BaselineError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw BaselineError(file: file, message: "not a JSON report")
        }
        guard let versions = object["versions"] as? [[String: Any]] else {
            throw BaselineError(file: file, message: "the report has no \"versions\"")
        }
        var known: [String: [String: Int]] = [:]
        for version in versions {
            guard let id = version["id"] as? String, let findings = version["findings"] as? [[String: Any]] else {
                throw BaselineError(file: file, message: "a version without \"id\" or \"findings\"")
            }
            for finding in findings {
                let text = (finding["span"] as? [String: Any])?["text"] as? String ?? ""
                let key = Self.key(rule: finding["rule"] as? String ?? "", text: text, message: finding["message"] as? String ?? "")
                known[id, default: [:]][key, default: 0] += 1
            }
        }
        self.known = known
    }

    /// `findings` of version `id`, each marked new or known.
    public func mark(_ findings: [Finding], version id: String) -> [Finding] {
        var remaining = known[id] ?? [:]
        return findings.map { finding in
            var marked = finding
            let key = Self.key(rule: finding.rule, text: finding.span.text, message: finding.message)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                marked.baseline = .known
            } else {
                marked.baseline = .new
            }
            return marked
        }
    }

    private static func key(rule: String, text: String, message: String) -> String {
        rule + "\u{1F}" + text + "\u{1F}" + message
    }
}

public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let message: String

    public var description: String { "\(file): \(message)" }
}
