import DossierProtocol
import Foundation
import Yams

/// A scholar's own transcriptions: Markdown or text files, each one document, with the
/// record's fields in YAML front matter between `---` lines and the transcription below.
/// A file without front matter takes its first `# heading` (else its first line) as title.
/// (A folder of them is read by `FolderReader`.)
struct MarkdownReader: RecordReader {
    let url: URL
    let file: String
    let provenance: Provenance

    func read(_ consume: (Record) throws -> Void, warn: (ImportWarning) -> Void) throws {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw ImportError.unreadableFile(file: file, reason: "it is not UTF-8 text")
        }
        try consume(record(from: text, name: file, provenance: provenance))
    }

    private func record(from content: String, name: String, provenance: Provenance) throws -> Record {
        var lines = content.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0].removeFirst() }
        var fields: [String: JSONValue] = [:]
        var bodyStart = 0
        if lines.first == "---" {
            guard let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
                throw ImportError.malformed(
                    file: name, line: 1, reason: "the front matter that starts here has no closing '---' line.")
            }
            let yaml = lines[1..<end].joined(separator: "\n")
            fields = try frontMatter(yaml, name: name)
            bodyStart = end + 1
        }
        var body = Array(lines[bodyStart...])
        if fields["title"] == nil {
            guard let index = body.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ImportError.malformed(
                    file: name, line: 1, reason: "the file has no title: add 'title:' to its front matter, or a '# heading'.")
            }
            let line = body[index].trimmingCharacters(in: .whitespaces)
            fields["title"] = .string(String(line.drop(while: { $0 == "#" })).trimmingCharacters(in: .whitespaces))
            body.remove(at: index)
        }
        let text = body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty, fields["text"] == nil { fields["text"] = .string(text) }
        return try RecordFields.record(from: fields, file: name, line: 1, provenance: provenance)
    }

    /// The front matter's mapping, every scalar kept as written (YAML would turn
    /// `1956-09-20` into a timestamp and `1956` into a number).
    private func frontMatter(_ yaml: String, name: String) throws -> [String: JSONValue] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            var line = 2
            let message: String
            switch error {
            case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
                YamlError.composer(_, let problem, let mark, _):
                line = mark.line + 1
                message = problem
            default:
                message = String(describing: error)
            }
            throw ImportError.malformed(file: name, line: line, reason: "the front matter is not valid YAML (\(message)).")
        }
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            throw ImportError.malformed(file: name, line: 2, reason: "the front matter must be 'field: value' lines.")
        }
        var fields: [String: JSONValue] = [:]
        for (key, value) in mapping {
            guard let key = key.string else { continue }
            fields[key] = json(value)
        }
        return fields
    }

    private func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar): return .string(scalar.string)
        case .sequence(let sequence): return .array(sequence.map(json))
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping { if let key = key.string { object[key] = json(value) } }
            return .object(object)
        case .alias: return .null
        }
    }
}
