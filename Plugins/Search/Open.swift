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
            return Message(
                "\(record.id) (“\(record.title)”) has no URL, so there is no page to open; 'show \(ref)' prints all that is known of it.",
                data: ["id": .string(record.id), "url": .null])
        }
        let data: JSONValue = ["id": .string(record.id), "url": .string(url)]
        guard let opener = Self.opener(environment: ProcessInfo.processInfo.environment) else {
            return Message(
                "There is no program here to open web pages (set $BROWSER, or install xdg-utils). The URL of \(record.id):\n\(url)",
                data: data)
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
        return Message("Opened \(url) with \(opener.lastPathComponent).", data: data)
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
