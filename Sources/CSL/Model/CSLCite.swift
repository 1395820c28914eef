import Foundation

/// One cite within a cluster, in citeproc-js form.
public struct CSLCite: Sendable, Codable, Equatable {
    /// The cited item's id.
    public var id: String
    /// The pinpoint locator, e.g. "23".
    public var locator: String?
    /// The locator's label, e.g. "page".
    public var label: String?
    /// Text before the cite.
    public var prefix: String?
    /// Text after the cite.
    public var suffix: String?
    /// Omit the author names.
    public var suppressAuthor: Bool?
    /// Print only the author names.
    public var authorOnly: Bool?
    /// A position forced by the caller (0 first, 1 subsequent, 2 ibid, 3 ibid-with-locator).
    public var position: Int?
    /// Forced near-note flag.
    public var nearNote: Bool?

    enum CodingKeys: String, CodingKey {
        case id, locator, label, prefix, suffix, position
        case suppressAuthor = "suppress-author"
        case authorOnly = "author-only"
        case nearNote = "near-note"
    }

    /// Creates a cite.
    public init(
        id: String, locator: String? = nil, label: String? = nil, prefix: String? = nil, suffix: String? = nil,
        suppressAuthor: Bool? = nil, authorOnly: Bool? = nil, position: Int? = nil, nearNote: Bool? = nil
    ) {
        self.id = id
        self.locator = locator
        self.label = label
        self.prefix = prefix
        self.suffix = suffix
        self.suppressAuthor = suppressAuthor
        self.authorOnly = authorOnly
        self.position = position
        self.nearNote = nearNote
    }

    /// Decodes a citeproc-js cite; locators and flags may be strings or numbers.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(JSONValue.self, forKey: .id)?.stringValue ?? ""
        locator = try c.decodeIfPresent(JSONValue.self, forKey: .locator)?.stringValue
        label = try c.decodeIfPresent(String.self, forKey: .label)
        prefix = try c.decodeIfPresent(String.self, forKey: .prefix)
        suffix = try c.decodeIfPresent(String.self, forKey: .suffix)
        suppressAuthor = try c.decodeIfPresent(JSONValue.self, forKey: .suppressAuthor)?.boolValue
        authorOnly = try c.decodeIfPresent(JSONValue.self, forKey: .authorOnly)?.boolValue
        position = try c.decodeIfPresent(JSONValue.self, forKey: .position)?.intValue
        nearNote = try c.decodeIfPresent(JSONValue.self, forKey: .nearNote)?.boolValue
    }
}

/// A citation cluster: the cites of one in-text citation or footnote.
public struct CSLCluster: Sendable, Codable, Equatable {
    /// The cluster id ("citationID").
    public var id: String
    /// The cites, in the order given.
    public var cites: [CSLCite]
    /// The footnote number, or 0 for in-text citations.
    public var noteIndex: Int

    enum CodingKeys: String, CodingKey {
        case id = "citationID"
        case cites = "citationItems"
        case properties
    }

    struct Properties: Codable {
        var noteIndex: Int?
    }

    /// Creates a cluster.
    public init(id: String, cites: [CSLCite], noteIndex: Int = 0) {
        self.id = id
        self.cites = cites
        self.noteIndex = noteIndex
    }

    /// Decodes a citeproc-js citation (`citationID`, `citationItems`, `properties.noteIndex`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(JSONValue.self, forKey: .id)?.stringValue ?? ""
        cites = try c.decodeIfPresent([CSLCite].self, forKey: .cites) ?? []
        noteIndex = try c.decodeIfPresent(Properties.self, forKey: .properties)?.noteIndex ?? 0
    }

    /// Encodes in the citeproc-js citation form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(cites, forKey: .cites)
        try c.encode(Properties(noteIndex: noteIndex), forKey: .properties)
    }
}
