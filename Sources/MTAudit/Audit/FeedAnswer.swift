/// The answer to one feed line: the audit of an article, or why the line could not be audited.
public enum FeedAnswer: Sendable, Hashable {
    case audited(id: String, result: AuditResult)
    case failed(line: Int, error: FeedError)

    public var id: String? {
        switch self {
        case .audited(let id, _): return id
        case .failed(_, let error): return error.id
        }
    }
}
