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
    /// The CSL item type (`manuscript`, `letter`, `document`, `chapter`…); nil when not
    /// known, which a citation takes as an archival manuscript.
    public var type: String?
    public var author: [PersonName]
    public var recipient: [PersonName]
    public var translator: [PersonName]
    public var editor: [PersonName]
    public var interviewer: [PersonName]
    /// The published volume the document sits in (a FRUS volume's title).
    public var containerTitle: String?
    /// The series of that volume, or the collection a document belongs to.
    public var collectionTitle: String?
    public var volume: String?
    /// A document number inside the volume or the series.
    public var number: String?
    public var page: String?
    /// Where the archive is (`Moscow`).
    public var archivePlace: String?
    public var publisher: String?
    public var publisherPlace: String?
    /// When an edition or translation's original was written or published.
    public var originalDate: PartialDate?
    public var originalTitle: String?
    /// The title as short notes give it ("Mikoyan Telegram"), when it is not the whole title.
    public var titleShort: String? = nil
    /// When the document was consulted online.
    public var accessed: PartialDate?
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
        originalLanguage: String? = nil, type: String? = nil, author: [PersonName] = [], recipient: [PersonName] = [],
        translator: [PersonName] = [], editor: [PersonName] = [], interviewer: [PersonName] = [],
        containerTitle: String? = nil, collectionTitle: String? = nil, volume: String? = nil, number: String? = nil,
        page: String? = nil, archivePlace: String? = nil, publisher: String? = nil, publisherPlace: String? = nil,
        originalDate: PartialDate? = nil, originalTitle: String? = nil, accessed: PartialDate? = nil, url: String? = nil,
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
        self.type = type
        self.author = author
        self.recipient = recipient
        self.translator = translator
        self.editor = editor
        self.interviewer = interviewer
        self.containerTitle = containerTitle
        self.collectionTitle = collectionTitle
        self.volume = volume
        self.number = number
        self.page = page
        self.archivePlace = archivePlace
        self.publisher = publisher
        self.publisherPlace = publisherPlace
        self.originalDate = originalDate
        self.originalTitle = originalTitle
        self.accessed = accessed
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

extension Record {
    /// The fields a citation reads beyond the document itself, under their vocabulary
    /// names: the item type, the name lists, the volume and the publication. Every one is
    /// present (null or an empty list when unknown).
    public var bibliographicJSON: [String: JSONValue] {
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return [
            "type": optional(type),
            "author": author.json, "recipient": recipient.json, "translator": translator.json, "editor": editor.json,
            "interviewer": interviewer.json,
            "container_title": optional(containerTitle), "collection_title": optional(collectionTitle),
            "volume": optional(volume), "number": optional(number), "page": optional(page),
            "archive_place": optional(archivePlace), "publisher": optional(publisher),
            "publisher_place": optional(publisherPlace), "original_date": optional(originalDate?.iso),
            "original_title": optional(originalTitle), "title_short": optional(titleShort),
            "accessed": optional(accessed?.iso),
        ]
    }

    /// The names of the fields `bibliographicJSON` holds, in the order `show` lists them.
    public static let bibliographicFieldNames = [
        "type", "author", "recipient", "translator", "editor", "interviewer", "container_title", "collection_title",
        "volume", "number", "page", "archive_place", "publisher", "publisher_place", "original_date", "original_title",
        "title_short",
        "accessed",
    ]

    /// The CSL 1.0.2 item types, which a record's `type` is one of.
    public static let itemTypes: Set<String> = [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
        "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
        "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "letter", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
        "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
        "thesis", "treaty", "webpage",
    ]
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
            "url": optional(url),
        ]
        for (key, value) in bibliographicJSON { object[key] = value }
        if let provenance {
            object["provenance"] = ["file": .string(provenance.file), "format": .string(provenance.format)]
        }
        if !extra.isEmpty { object["extra"] = .object(extra) }
        return .object(object)
    }
}
