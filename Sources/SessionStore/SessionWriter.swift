import DossierProtocol
import Foundation

/// Writes a session file by hand rather than through `JSONEncoder`: the keys in the order
/// a person reads them (format and name first, history last), one history entry a line so
/// that a diff shows each command as one line, and several times faster, which matters
/// because the file is written after every command.
struct SessionWriter {
    private var output = ""

    static func write(_ session: Session) -> Data {
        var writer = SessionWriter()
        writer.output.reserveCapacity(256 + session.notes.count * 400 + session.history.count * 120)
        writer.session(session)
        return Data(writer.output.utf8)
    }

    private mutating func session(_ session: Session) {
        output += "{\n"
        field("format", Self.string(session.format))
        field("version", String(session.version))
        field("name", Self.string(session.name))
        field("description", Self.string(session.description))
        field("created", Self.date(session.created))
        field("modified", Self.date(session.modified))
        list("notes", session.notes, indent: "  ") { writer, note in writer.note(note) }
        field("pinned", Self.array(session.pinned.map(Self.string)))
        field("results", Self.array(session.results.map(Self.string)))
        if let first = session.resultsFirst { field("resultsFirst", String(first)) }
        list("citations", session.citations, indent: "  ") { writer, citation in
            writer.output +=
                "{\"doc\": \(Self.string(citation.doc)), \"style\": \(Self.string(citation.style)), \"at\": \(Self.date(citation.at))"
            if let locator = citation.locator { writer.output += ", \"locator\": \(Self.string(locator))" }
            if let label = citation.label { writer.output += ", \"label\": \(Self.string(label))" }
            if citation.full == true { writer.output += ", \"full\": true" }
            writer.output += "}"
        }
        list("history", session.history, indent: "  ", last: true) { writer, entry in
            writer.output +=
                "{\"line\": \(Self.string(entry.line)), \"at\": \(Self.date(entry.at)), \"sitting\": \(entry.sitting)"
            if entry.failed == true { writer.output += ", \"failed\": true" }
            writer.output += "}"
        }
        output += "}\n"
    }

    private mutating func note(_ note: Note) {
        var fields = [
            ("id", String(note.id)), ("uid", Self.string(note.uid)), ("created", Self.date(note.created)),
            ("modified", Self.date(note.modified)),
        ]
        if let doc = note.doc { fields.append(("doc", Self.string(doc))) }
        fields.append(("tags", Self.array(note.tags.map(Self.string))))
        fields.append(("text", Self.string(note.text)))
        if let quote = note.quote {
            fields.append(
                (
                    "quote",
                    "{\"text\": \(Self.string(quote.text)), \"field\": \(Self.string(quote.field)), \"start\": \(quote.start), \"end\": \(quote.end), \"paragraph\": \(quote.paragraph)}"
                ))
        }
        output += "{\n"
        for (index, (key, value)) in fields.enumerated() {
            output += "      \(Self.string(key)): \(value)" + (index == fields.count - 1 ? "\n" : ",\n")
        }
        output += "    }"
    }

    private mutating func field(_ key: String, _ value: String) {
        output += "  \(Self.string(key)): \(value),\n"
    }

    private mutating func list<T>(
        _ key: String, _ items: [T], indent: String, last: Bool = false, _ item: (inout SessionWriter, T) -> Void
    ) {
        output += "  \(Self.string(key)): ["
        if items.isEmpty {
            output += "]"
        } else {
            output += "\n"
            for (index, element) in items.enumerated() {
                output += indent + "  "
                item(&self, element)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        }
        output += last ? "\n" : ",\n"
    }

    private static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ", ") + "]"
    }

    /// A JSON string, escaped as every JSON Dossier writes.
    static func string(_ text: String) -> String {
        JSONValue.quoted(text)
    }

    /// `"2026-11-27T15:22:43Z"`: ISO 8601 in UTC, to the second.
    static func date(_ date: Date) -> String {
        var seconds = time_t(Foundation.floor(date.timeIntervalSince1970))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Before the Gregorian calendar (a date typed into a file by hand) the reader counts
        // days as Foundation does, by the Julian calendar: write such dates its way too, or
        // each save would move them by days.
        guard (1600...9999).contains(parts.tm_year + 1900) else {
            let formatter = ISO8601DateFormatter()
            return "\"" + formatter.string(from: Date(timeIntervalSince1970: Double(seconds))) + "\""
        }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\"\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z\""
    }
}
