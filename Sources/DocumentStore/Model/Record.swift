import DossierProtocol
import Foundation

/// One archival document, in the field vocabulary shared by every importer, every `--json`
/// output and every export (see DESIGN.md, "Record fields").
public struct Record: Sendable, Equatable {
    /// Stable id: as imported, or derived from the URL, else from title and date.
    public var id: String
    public var date: PartialDate?
    /// End of a span (travels, conferences).
    public var dateEnd: PartialDate?
    /// The date as the source printed it.
    public var dateText: String?
    public var title: String
    public var summary: String
    public var text: String
    /// Holding archive or publisher.
    public var archive: String?
    /// Reference inside the archive (`AVPRF F. 0102, Op. 13, P. 72, Delo 5`).
    public var archiveRef: String?
    public var collections: [String]
    public var people: [String]
    public var places: [String]
    public var subjects: [String]
    public var language: String?
    public var originalLanguage: String?
    public var translator: String?
    public var url: String?
    /// Where the record came from: the imported file and its format.
    public var provenance: Provenance?
    /// Fields the vocabulary does not name, kept as they came.
    public var extra: [String: JSONValue]

    public init(
        id: String, date: PartialDate? = nil, dateEnd: PartialDate? = nil, dateText: String? = nil,
        title: String, summary: String = "", text: String = "", archive: String? = nil,
        archiveRef: String? = nil, collections: [String] = [], people: [String] = [],
        places: [String] = [], subjects: [String] = [], language: String? = nil,
        originalLanguage: String? = nil, translator: String? = nil, url: String? = nil,
        provenance: Provenance? = nil, extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.date = date
        self.dateEnd = dateEnd
        self.dateText = dateText
        self.title = title
        self.summary = summary
        self.text = text
        self.archive = archive
        self.archiveRef = archiveRef
        self.collections = collections
        self.people = people
        self.places = places
        self.subjects = subjects
        self.language = language
        self.originalLanguage = originalLanguage
        self.translator = translator
        self.url = url
        self.provenance = provenance
        self.extra = extra
    }

    /// The date the way the source printed it, else the way a reader expects it, else `n.d.`.
    public var displayDate: String {
        if let dateText, !dateText.isEmpty { return dateText }
        return date?.display ?? "n.d."
    }
}

/// The file and format a record was imported from.
public struct Provenance: Sendable, Equatable {
    public var file: String
    public var format: String

    public init(file: String, format: String) {
        self.file = file
        self.format = format
    }
}

extension Record {
    /// An id derived from what identifies a document when its source gives none: the URL
    /// if there is one, else the title and date. The same inputs always give the same id,
    /// so importing a file twice updates its records instead of duplicating them.
    public static func derivedID(prefix: String, url: String?, title: String, date: String?) -> String {
        let key: String
        if let url, !url.isEmpty {
            key = url
        } else {
            key = title.lowercased() + "|" + (date ?? "")
        }
        return prefix + "-" + String(stableHash(key), radix: 16).leftPadded(to: 16).prefix(12)
    }

    /// FNV-1a over UTF-8: stable across runs and platforms, unlike `Hasher`.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

extension Record: Encodable {
    /// Encodes `json`'s fields, so that a command's result can hold a record and add its own
    /// fields beside the record's.
    public func encode(to encoder: any Encoder) throws {
        try json.encodeMembers(to: encoder)
    }

    /// The record in the shared field vocabulary, for `--json` output and JSON exports.
    /// Every field is present (null or empty when unknown), so consumers need no guessing.
    public var json: JSONValue {
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func list(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        var object: [String: JSONValue] = [
            "id": .string(id),
            "date": optional(date?.iso),
            "date_end": optional(dateEnd?.iso),
            "date_text": optional(dateText),
            "title": .string(title),
            "summary": .string(summary),
            "text": .string(text),
            "archive": optional(archive),
            "archive_ref": optional(archiveRef),
            "collections": list(collections),
            "people": list(people),
            "places": list(places),
            "subjects": list(subjects),
            "language": optional(language),
            "original_language": optional(originalLanguage),
            "translator": optional(translator),
            "url": optional(url),
        ]
        if let provenance {
            object["provenance"] = ["file": .string(provenance.file), "format": .string(provenance.format)]
        }
        if !extra.isEmpty { object["extra"] = .object(extra) }
        return .object(object)
    }
}
