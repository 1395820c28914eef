import ArgumentParser

/// `--limit N`, for every command that lists: declared once (`@OptionGroup var limit:
/// ResultLimit`), checked once, in `validate()`.
public struct ResultLimit: ParsableArguments {
    @Option(name: .customLong("limit"), help: "How many to show.")
    public var given: Int?

    public init() {}

    public func validate() throws {
        if let given, given < 1 { throw ValidationError("--limit must be at least 1, not \(given).") }
    }

    /// The number given, else `standard` (the command's own).
    public func value(default standard: Int) -> Int {
        given ?? standard
    }

    /// The number given, else the `limit` setting (`set limit N`), else `standard`.
    public func value(default standard: Int, in context: CommandContext) -> Int {
        given ?? context.settings.number("limit") ?? standard
    }
}

/// A command that lists, with `--limit` (`ResultLimit`) and a number of its own when the
/// option is not given, which its help shows as the option's default.
public protocol ListingCommand: DossierCommand {
    static var defaultLimit: Int { get }
}
