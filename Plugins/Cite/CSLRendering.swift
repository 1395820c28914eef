import ArgumentParser
import CSL
import Citation
import Foundation
import REPLCore

/// `cite --items FILE.json --style STYLE`: CSL-JSON items rendered by the CSL processor with
/// any style, without the store, as citeproc tools do: the clusters of `--clusters` in
/// order (their positions computed, unless a cite gives one), else one citation per item;
/// or the bibliography.
struct CSLRendering {
    enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, html, markdown

        var output: CSLOutputFormat {
            switch self {
            case .text: return .text
            case .html: return .html
            case .markdown: return .markdown
            }
        }
    }

    let command: Cite
    let itemsFile: String

    init(_ command: Cite, items: String) {
        self.command = command
        self.itemsFile = items
    }

    func render(in context: CommandContext) throws -> any CommandOutput {
        let styles = CSLStyles(folders: StyleName.folders(context))
        let styleName = command.style?.text ?? context.settings["style"] ?? "chicago"
        let style: CSLStyle
        do {
            style = try styles.style(styleName)
        } catch {
            throw REPLError.failed(error.description)
        }
        let items = try decode(itemsFile, what: "CSL-JSON items") { data throws(CSLError) in try CSLItem.decodeList(from: data) }
        let locale = command.locale ?? context.settings["locale"]
        if let locale, !CSLLocaleStore.bundled.hasLocale(locale) {
            let chain = CSLLocaleStore.bundled.fallbackChain(for: locale).filter { CSLLocaleStore.bundled.hasLocale($0) }
            context.progress("No locale file for '\(locale)'; using \(chain.first ?? "en-US").")
        }
        let processor = CSLProcessor(style: style, items: items, locale: locale, format: command.format.output)
        do {
            if command.bibliography {
                return RenderedCSL(kind: .bibliography, texts: try processor.bibliography())
            }
            let clusters =
                try command.clusters.map { file in
                    try decode(file, what: "citations") { data in try JSONDecoder().decode([CSLCluster].self, from: data) }
                }
                ?? items.enumerated().map { index, item in
                    CSLCluster(id: "c\(index + 1)", cites: [CSLCite(id: item.id)], noteIndex: index + 1)
                }
            return RenderedCSL(kind: .citations, texts: try processor.citations(for: clusters))
        } catch let error as CSLError {
            throw REPLError.failed(error.description)
        }
    }

    /// Reads and decodes a JSON file, naming the file and the fix when it cannot.
    private func decode<T>(_ path: String, what: String, _ body: (Data) throws -> T) throws -> T {
        guard let data = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
            throw REPLError.failed("Cannot read '\(path)': check that it exists and can be read.")
        }
        do {
            return try body(data)
        } catch let error as CSLError {
            throw REPLError.failed("'\(path)' does not hold \(what): \(error.description)")
        } catch {
            throw REPLError.failed(
                "'\(path)' does not hold \(what) as citeproc-js reads them (a JSON array): \(Self.reason(error)).")
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return (path.isEmpty ? "" : "at \(path), ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}

/// What `cite --items` prints: the citations (one a cluster, in order) or the bibliography's
/// entries; `--json` gives `{"citations": […]}` or `{"bibliography": […]}`.
struct RenderedCSL: CommandResult {
    enum Kind {
        case citations
        case bibliography
    }

    var kind: Kind
    var texts: [String]

    func text(in style: TextStyle) -> String {
        texts.joined(separator: kind == .bibliography ? "\n\n" : "\n")
    }

    enum CodingKeys: String, CodingKey {
        case citations, bibliography
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(texts, forKey: kind == .citations ? .citations : .bibliography)
    }
}
