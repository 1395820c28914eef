import TextAnalysis

extension Record {
    /// The people the record names: its people field, else the names recognised in its
    /// title and summary (as facets and related count them).
    public var namedPeople: [String] {
        people.isEmpty ? NameRecognizer.recognize(title, summary).people : people
    }

    /// The places the record names: its places field, else those recognised in its title
    /// and summary.
    public var namedPlaces: [String] {
        places.isEmpty ? NameRecognizer.recognize(title, summary).places : places
    }

    /// The record's words for counting: its text, else its summary, with its title.
    public var countedText: String {
        let body = text.isEmpty || text == summary ? summary : (summary.isEmpty ? text : summary + "\n" + text)
        return title + "\n" + body
    }
}
