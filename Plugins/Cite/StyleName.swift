import ArgumentParser
import Citation
import REPLCore

/// A citation style named on the command line (`--style mla`).
struct StyleName: ExpressibleByArgument, Sendable {
    let entry: CitationStyles.Entry

    init?(argument: String) {
        guard let entry = CitationStyles.named(argument) else { return nil }
        self.entry = entry
    }

    init(_ name: String) {
        entry = CitationStyles.named(name)!
    }

    static var allValueStrings: [String] { CitationStyles.names }
    var defaultValueDescription: String { entry.name }
}

extension StyleName {
    /// The style `cite` and `bib` use without `--style`: the `style` setting, else Chicago.
    static func chosen(_ given: StyleName?, in context: CommandContext) -> StyleName {
        given ?? context.settings["style"].flatMap { StyleName(argument: $0) } ?? StyleName("chicago")
    }

    /// `set style NAME`.
    static let setting = SettingDefinition(
        name: "style", summary: "The citation style cite and bib use without --style.", defaultValue: "chicago",
        accepts: "a style 'cite --help' lists: " + CitationStyles.names.joined(separator: ", ")
    ) { text in
        CitationStyles.named(text)?.name
    }
}
