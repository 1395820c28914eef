import ArgumentParser
import Citation

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
