import MTAuditText

/// Audits a feed line by line. A line that cannot be read or audited is answered with an error and
/// the feed goes on.
public struct FeedProcessor: Sendable {
    public static let defaultMaximumTextBytes = 1 << 20
    /// The longest line a feed reads by default, in bytes: room for a source and several versions at
    /// the text limit, with JSON's escapes.
    public static let defaultMaximumLineBytes = 16 << 20

    public let auditor: Auditor
    /// The largest source or version text a line may carry, in UTF-8 bytes.
    public let maximumTextBytes: Int

    public init(auditor: Auditor = Auditor(), maximumTextBytes: Int = FeedProcessor.defaultMaximumTextBytes) {
        self.auditor = auditor
        self.maximumTextBytes = maximumTextBytes
    }

    /// The answer to line number `number` (from 1) holding `bytes`, without its line break.
    public func answer(_ bytes: some Collection<UInt8>, line number: Int) -> FeedAnswer {
        let record: FeedRecord
        do {
            record = try FeedRecord.parse(bytes, maximumTextBytes: maximumTextBytes)
        } catch {
            return .failed(line: number, error: error)
        }
        do {
            let result = try auditor.audit(source: record.source, versions: record.versions)
            return .audited(id: record.id, result: result)
        } catch {
            // A text within --max-text-bytes but beyond what a document holds is too large all the same.
            let code: FeedError.Code = if case .textTooLong = error { .textTooLarge } else { .auditFailed }
            return .failed(line: number, error: FeedError(code: code, message: error.description, id: record.id))
        }
    }

    /// The answer to line number `number`, which was longer than `limit` bytes and skipped unread.
    public func answerTooLong(byteCount: Int, line number: Int, limit: Int) -> FeedAnswer {
        .failed(line: number, error: FeedError(
            code: .lineTooLong, message: "the line is \(byteCount) bytes, over the limit of \(limit)", id: nil))
    }

    /// True for a line with nothing but white space, which a feed skips without an answer.
    /// (Inlinable: specialized where it is called, not walked through the collection's witnesses,
    /// 1,200 instructions a line.)
    @inlinable
    public static func isBlank(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
