/// The version of HanziKit and of the `hanzi` command.
public enum HanziKitVersion {
    /// The version string, e.g. `0.1.0`.
    public static let string = "0.1.0"
}
