/// designgate's version, printed by `--version` and written into reports. The CI templates
/// pin the release tag `v` + this version, and the action keys its cache on it (a test keeps
/// them in step).
public enum DesignGateVersion {
    public static let current = "0.1.0"
}
