/// The version of mtaudit, as `--version` prints it and reports record it.
public enum MTAuditVersion {
    public static let current = "0.1.0"
}
