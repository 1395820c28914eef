extension Record {
    /// The record with control characters taken out of its text: what is left of a bad
    /// copy or of a program's terminal codes (U+0007, U+001B, U+007F, the C1 range that
    /// Windows-1252 text read as Latin-1 leaves behind) is not the archive's text, and
    /// would print as garbage. Tabs and line ends stay; a form feed (a page break from
    /// pdftotext) becomes a line end. Returns the fields repaired and what was taken out.
    func removingControlCharacters() -> (record: Record, fields: [String], removed: [Unicode.Scalar]) {
        var record = self
        var fields: [String] = []
        var removed: [Unicode.Scalar] = []
        func clean(_ value: inout String, _ name: String) {
            guard Self.hasControlCharacters(value) else { return }
            var scalars = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                if scalar == "\u{0C}" || scalar == "\u{0B}" {
                    scalars.append("\n")
                    removed.append(scalar)
                } else if Self.isControl(scalar) {
                    removed.append(scalar)
                } else {
                    scalars.append(scalar)
                }
            }
            value = String(scalars)
            if !fields.contains(name) { fields.append(name) }
        }
        func clean(_ value: inout String?, _ name: String) {
            guard var text = value else { return }
            clean(&text, name)
            value = text
        }
        func clean(_ values: inout [String], _ name: String) {
            for index in values.indices { clean(&values[index], name) }
        }
        func clean(_ names: inout [PersonName], _ name: String) {
            for index in names.indices {
                clean(&names[index].family, name)
                clean(&names[index].given, name)
                clean(&names[index].literal, name)
            }
        }
        clean(&record.title, "title")
        clean(&record.summary, "summary")
        clean(&record.text, "text")
        clean(&record.dateText, "date_text")
        clean(&record.archive, "archive")
        clean(&record.archiveRef, "archive_ref")
        clean(&record.collections, "collections")
        clean(&record.people, "people")
        clean(&record.places, "places")
        clean(&record.subjects, "subjects")
        clean(&record.language, "language")
        clean(&record.originalLanguage, "original_language")
        clean(&record.type, "type")
        clean(&record.author, "author")
        clean(&record.recipient, "recipient")
        clean(&record.translator, "translator")
        clean(&record.editor, "editor")
        clean(&record.interviewer, "interviewer")
        clean(&record.containerTitle, "container_title")
        clean(&record.collectionTitle, "collection_title")
        clean(&record.volume, "volume")
        clean(&record.number, "number")
        clean(&record.page, "page")
        clean(&record.archivePlace, "archive_place")
        clean(&record.publisher, "publisher")
        clean(&record.publisherPlace, "publisher_place")
        clean(&record.originalTitle, "original_title")
        clean(&record.titleShort, "title_short")
        clean(&record.url, "url")
        return (record, fields, removed)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// A quick look at the bytes: most text has no control character at all.
    private static func hasControlCharacters(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            if byte == 0x7F { return true }
            // U+0080–U+009F are C2 80 – C2 9F.
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }
}
