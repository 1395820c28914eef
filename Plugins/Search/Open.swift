import ArgumentParser
import DocumentStore
import DossierProtocol
import Foundation
import REPLCore

/// `open REF`: the document's web page, in the browser.
struct Open: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a document's web page (its URL) with the system's opener.",
        discussion: """
            REF is a result number from the last listing or a document id. The page opens with \
            the program named by $BROWSER if set, else xdg-open (Linux), open (macOS) or \
            wslview (Windows). Where there is none, the URL is printed to copy.
            """)

    static let examples = ["search Mikoyan", "open 1"]

    @Argument(help: ArgumentHelp("A result number or a document id.", valueName: "ref"))
    var ref: String

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let record = try context.resolve(ref)
        guard let url = record.url, !url.isEmpty else {
            return PageOpened(
                id: record.id, url: nil,
                sentence:
                    "\(record.id) (“\(record.title)”) has no URL, so there is no page to open; 'show \(ref)' prints all that is known of it."
            )
        }
        guard let opener = Self.opener(environment: ProcessInfo.processInfo.environment) else {
            return PageOpened(
                id: record.id, url: url,
                sentence:
                    "There is no program here to open web pages (set $BROWSER, or install xdg-utils). The URL of \(record.id):\n\(url)"
            )
        }
        let process = Process()
        process.executableURL = opener
        process.arguments = [url]
        do {
            try process.run()
        } catch {
            throw REPLError.failed(
                "Cannot run '\(opener.path)' to open \(url): \(error.localizedDescription). Set $BROWSER to a program that opens web pages."
            )
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw REPLError.failed(
                "'\(opener.lastPathComponent)' could not open \(url) (exit status \(process.terminationStatus)). The URL is above to copy; $BROWSER names another program."
            )
        }
        return PageOpened(id: record.id, url: url, sentence: "Opened \(url) with \(opener.lastPathComponent).")
    }

    /// The program that opens URLs: $BROWSER (a program, or a list separated by colons),
    /// else the first of the usual openers found on PATH.
    static func opener(environment: [String: String]) -> URL? {
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        func find(_ name: String) -> URL? {
            if name.contains("/") {
                return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
            }
            return path.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }
        let browsers = (environment["BROWSER"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for name in browsers + ["xdg-open", "open", "wslview"] {
            if let found = find(name) { return found }
        }
        return nil
    }
}

/// What `open` did with a document's page: the sentence says how it went.
struct PageOpened: SentenceResult {
    var id: String
    var url: String?
    var sentence: String

    enum CodingKeys: String, CodingKey {
        case id, url
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(url, forKey: .url)
    }
}
