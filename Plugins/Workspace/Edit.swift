import ArgumentParser
import DocumentStore
import DossierProtocol
import REPLCore

/// `edit`: one field of a document corrected by hand, as a new version of the record.
struct Edit: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct one field of a document by hand (author, type, date…), keeping every version.",
        discussion: """
            The value is read as the field wants it: a date as a date (1956-09-20, 1956-09, \
            1950~), a name list as names, family name first and a comma ("Rhee, Syngman"; \
            several separated by ';', an institution as it is written), a list as items \
            separated by ';', 'type' as a CSL item type (manuscript, letter, document, \
            report, interview, book, chapter…). --clear empties the field. The correction \
            is a version of its own: 'show ID --history' lists it, 'revert' undoes it, and \
            a later import that brings another value keeps yours and says so.
            """)

    static let examples = [
        "edit wca-2a20b1851ab2 type letter", "edit wca-2a20b1851ab2 author Mikoyan, A. I.",
        "edit wca-2a20b1851ab2 recipient CPSU Central Committee",
    ]

    @Argument(help: ArgumentHelp("The document: a result number or an id.", valueName: "ref"))
    var ref: String
    @Argument(help: ArgumentHelp("The field, as 'show REF --json' names it (author, type, date, page…).", valueName: "field"))
    var field: String
    @Argument(help: ArgumentHelp("The new value.", valueName: "value"))
    var value: [String] = []
    @Flag(help: "Empty the field.")
    var clear = false

    func validate() throws {
        if clear && !value.isEmpty { throw ValidationError("Give a value or --clear, not both.") }
        if !clear && value.isEmpty {
            throw ValidationError("Give the new value of '\(field)' after it, or --clear to empty it.")
        }
    }

    func run(in context: CommandContext) async throws -> any CommandOutput {
        let record = try context.resolve(ref)
        let made = try context.store.edit(id: record.id, field: field, to: clear ? nil : value.joined(separator: " "))
        let now = try context.store.record(id: record.id) ?? record
        return Correction(id: record.id, field: field, value: now.json[field] ?? .null, made: made)
    }
}

/// What `edit` did: the field's value now, and the version that set it (nil when it already
/// had that value).
struct Correction: SentenceResult {
    var id: String
    var field: String
    var value: JSONValue
    var made: RecordVersion?

    enum CodingKeys: String, CodingKey {
        case id, field, value, version
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(field, forKey: .field)
        try container.encode(value, forKey: .value)
        try container.encode(made?.json ?? .null, forKey: .version)
    }

    /// The value as a reader writes it: names given first, lists joined by ';'.
    private var shown: String {
        switch value {
        case .null: return "nothing"
        case .array(let items):
            guard !items.isEmpty else { return "nothing" }
            return items.map { item in
                if let name = PersonName.from(json: item), case .object = item { return name.sortForm }
                return item.string ?? item.serialized()
            }.joined(separator: "; ")
        default: return value.string ?? value.serialized()
        }
    }

    var sentence: String {
        guard let made else { return "The \(field) of \(id) already is \(shown); nothing was changed." }
        return "Set the \(field) of \(id) to \(shown), as version \(made.number); 'revert \(id)@\(made.number - 1)' undoes it."
    }
}
