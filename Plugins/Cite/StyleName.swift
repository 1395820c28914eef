import ArgumentParser
import CSL
import Citation
import CommandSupport
import Foundation
import REPLCore

/// A citation style named on the command line (`--style mla`): a `.csl` file, a style
/// installed in a styles folder, a bundled one, or one of `cite`'s older names.
struct StyleName: ExpressibleByArgument, Sendable {
    /// What was given.
    let text: String

    init?(argument: String) {
        text = argument
    }

    init(_ name: String) {
        text = name
    }

    static var allValueStrings: [String] { CSLStyles.olderNames + CSLStyles.bundledNames }
    var defaultValueDescription: String { text }

    /// The style, with the form `cite` gives it, or the error that names the style and the fix.
    func resolved(in context: CommandContext, bibliography: Bool = false) throws -> DocumentStyle {
        do {
            return try CSLStyles(folders: Self.folders(context)).documentStyle(text, bibliography: bibliography)
        } catch {
            throw REPLError.failed(error.description)
        }
    }

    /// The style `cite` and `bib` use without `--style`: the `style` setting, else Chicago.
    static func chosen(_ given: StyleName?, in context: CommandContext) -> StyleName {
        given ?? context.settings["style"].map { StyleName($0) } ?? StyleName("chicago")
    }

    static func folders(_ context: CommandContext) -> [URL] {
        SessionCitations.styleFolders(context)
    }

    /// `set style NAME`: a bundled style or an older name, a style installed in the user's
    /// folder or the workspace's `Styles/` folder, or the path of a `.csl` file.
    static let setting = SettingDefinition(
        name: "style", summary: "The citation style cite and bib use without --style.", defaultValue: "chicago",
        accepts: "a style 'cite styles' lists, or the path of a .csl file"
    ) { text, workspace in
        let folders = SessionCitations.styleFolders(workspace: workspace)
        guard (try? CSLStyles(folders: folders).file(for: text)) != nil else { return nil }
        return CSLStyles.olderNames.contains(text.lowercased()) ? text.lowercased() : text
    }

    /// `set locale TAG`: the language citations are written in, where a style lets it choose.
    static let localeSetting = SettingDefinition(
        name: "locale", summary: "The language of citations (months, 'edited by', 'ibid.'), e.g. de-DE.",
        defaultValue: "the style's own",
        accepts: "a locale such as en-US, en-GB, de-DE, fr-FR, ru-RU, ja-JP, ko-KR or zh-CN"
    ) { text in
        LocaleName.normalized(text)
    }
}

/// A locale tag given on the command line or in `set locale`.
enum LocaleName {
    /// The tag in CSL's spelling (`de-AT`), if the bundled locales have it or its language.
    static func normalized(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(\.isLetter),
            parts.count <= 2, parts.dropFirst().allSatisfy({ (2...4).contains($0.count) })
        else { return nil }
        let tag = ([language.lowercased()] + parts.dropFirst().map { $0.uppercased() }).joined(separator: "-")
        let store = CSLLocaleStore.bundled
        return store.fallbackChain(for: tag).dropLast().contains(where: store.hasLocale) || tag == "en-US" ? tag : nil
    }

    /// The locale a command uses: `--locale`, else the `locale` setting, else the style's.
    static func chosen(_ given: String?, in context: CommandContext) throws -> String? {
        guard let given else { return context.settings["locale"] }
        guard let tag = normalized(given) else {
            throw ValidationError(
                "There is no locale '\(given)'. Give a language tag such as en-US, en-GB, de-DE, fr-FR, ru-RU, ja-JP, ko-KR or zh-CN."
            )
        }
        return tag
    }
}
