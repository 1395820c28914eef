import DossierProtocol
import GRDB

/// What an import does with the fields a user corrected by hand (`edit`): a merge keeps the
/// correction where the file brings another value, `import --replace` takes the file's;
/// either way the import says which fields of which records, so nothing typed is lost or
/// overwritten without a word.
struct HandCorrections {
    let file: String
    private var warnings = CappedWarnings()

    init(file: String) {
        self.file = file
    }

    /// Takes the hand-corrected fields out of what `merged` changes (merging), or names
    /// them (replacing). Only records an import changes are looked at, so an import of
    /// new records costs nothing.
    mutating func keep(
        _ merged: inout Record, _ changed: inout [String], existing: Record, replacing: Bool, in db: Database
    ) throws {
        // A history that cannot be read fails the import: a correction must not be lost unsaid.
        let corrected = try Self.correctedFields(of: existing.id, in: db)
        let touched = changed.filter(corrected.contains)
        guard !touched.isEmpty else { return }
        if !replacing {
            for name in touched {
                RecordField.named(name)?.copy(&merged, existing)
            }
            changed.removeAll(where: touched.contains)
        }
        let fields = touched.map { "'\($0)'" }.joined(separator: ", ")
        warnings.add {
            ImportWarning(
                file: file,
                message: replacing
                    ? "record '\(existing.id)': the file's \(fields) replaced what you had corrected by hand; "
                        + "'show \(existing.id) --history' lists your version, 'revert' brings it back."
                    : "record '\(existing.id)': kept your correction of \(fields); the file has another value. "
                        + "'import --replace' takes the file's, 'edit' changes yours.")
        }
    }

    /// The warnings, with one for the records past the first few.
    var all: [ImportWarning] {
        warnings.all { "and \(warnings.more) more records with fields corrected by hand, treated the same way." }
    }

    /// The fields whose value the record has from an `edit`: those the last version to
    /// change them made by hand.
    static func correctedFields(of id: String, in db: Database) throws -> Set<String> {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT version, changed, action FROM document_history WHERE id = ?
                UNION ALL SELECT version, changed, action FROM document WHERE id = ?
                ORDER BY version
                """, arguments: [id, id])
        var lastAction: [String: String?] = [:]
        for row in rows {
            guard let text: String = row["changed"], case .array(let names)? = try? JSONValue.parse(text) else { continue }
            let action: String? = row["action"]
            for name in names.compactMap(\.string) { lastAction[name] = action }
        }
        return Set(lastAction.filter { $0.value == RecordVersion.Action.edited.stored }.keys)
    }
}
