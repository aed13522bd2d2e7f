import Reporters
import TDDMarkdown
import TDDRules

/// `.designgate.yml`, typed (SPEC §2). Every field has the default a missing file gives.
public struct Configuration: Sendable {
    public static let fileName = ".designgate.yml"
    /// A configuration larger than this is not read.
    public static let maxBytes = 1024 * 1024
    public static let currentVersion = 1

    public var selection = DocumentSelection()
    /// `auto`, a built-in profile name, or a name under `profiles:`.
    public var profile = "auto"
    public var profiles: [String: Profile] = [:]
    public var rules: [String: RuleSetting] = [:]
    public var status = StatusPolicy()
    /// Sign-offs and the code that needs a design (`review:`).
    public var review = ReviewPolicy()
    /// `report: new`: only findings the base version did not have count, as `--new-only`.
    public var newOnly = false
    /// `annotate: changed`: GitHub annotations only on lines the change touched, as `--annotate changed`.
    public var annotation = Annotation.all
    /// The file it was read from, if any.
    public var source: String?

    public init() {}

    /// Every profile name a user may choose.
    public var profileNames: [String] {
        ["auto"] + BuiltInProfiles.all.map(\.name) + profiles.keys.sorted()
    }

    /// The profile choice for `name` (defaults to the configured one).
    public func profileChoice(_ name: String? = nil) throws(DesignGateError) -> ProfileChoice {
        let wanted = name ?? profile
        if wanted == "auto" { return .auto }
        if let custom = profiles[wanted] { return .named(custom) }
        if let builtIn = BuiltInProfiles.all.first(where: { $0.name == wanted }) { return .named(builtIn) }
        let suggestion = didYouMean(wanted, in: profileNames)
        throw DesignGateError("unknown profile `\(wanted)`\(suggestion)",
                              hint: "choose one of: \(profileNames.joined(separator: ", "))")
    }
}
