import ArgumentParser
import Citation
import REPLCore

/// A citation style named on the command line (`--style mla`): one of `cite`'s own styles,
/// or, for `cite --items`, any CSL style (a `.csl` file, an installed or a bundled one).
struct StyleName: ExpressibleByArgument, Sendable {
    /// What was given.
    let text: String
    /// `cite`'s own style of that name, if there is one.
    let builtIn: CitationStyles.Entry?

    init?(argument: String) {
        text = argument
        builtIn = CitationStyles.named(argument)
    }

    init(_ name: String) {
        text = name
        builtIn = CitationStyles.named(name)
    }

    /// `cite`'s own style, or the error that names the style given and the choices.
    var entry: CitationStyles.Entry {
        get throws {
            guard let builtIn else {
                throw ValidationError(
                    "Style '\(text)' is not one of cite's styles for stored documents: \(CitationStyles.names.joined(separator: ", ")). "
                        + "Any CSL style can render CSL-JSON items: cite --items FILE.json --style STYLE.")
            }
            return builtIn
        }
    }

    static var allValueStrings: [String] { CitationStyles.names }
    var defaultValueDescription: String { text }
}

extension StyleName {
    /// The style `cite` and `bib` use without `--style`: the `style` setting, else Chicago.
    static func chosen(_ given: StyleName?, in context: CommandContext) -> StyleName {
        given ?? context.settings["style"].map { StyleName($0) } ?? StyleName("chicago")
    }

    /// `set style NAME`.
    static let setting = SettingDefinition(
        name: "style", summary: "The citation style cite and bib use without --style.", defaultValue: "chicago",
        accepts: "a style 'cite --help' lists: " + CitationStyles.names.joined(separator: ", ")
    ) { text in
        CitationStyles.named(text)?.name
    }
}
