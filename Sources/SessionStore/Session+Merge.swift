import Foundation

extension Session {
    /// What a merge did that the user should hear about.
    public struct MergeReport: Sendable, Equatable {
        /// Notes another process added or changed since this one last read the file.
        public var theirChanges: Int = 0
        /// This process's new notes whose numbers another process took: (old, new).
        public var renumbered: [(from: Int, to: Int)] = []

        public static func == (lhs: MergeReport, rhs: MergeReport) -> Bool {
            lhs.theirChanges == rhs.theirChanges && lhs.renumbered.map(\.from) == rhs.renumbered.map(\.from)
                && lhs.renumbered.map(\.to) == rhs.renumbered.map(\.to)
        }
    }

    /// Joins the changes two processes made to one session since both read `base`:
    /// `self` is this process's session, `theirs` what the file now holds.
    ///
    /// Nothing written is lost: notes are matched by their unique id; a note changed on
    /// one side and removed on the other is kept; new notes whose numbers clash are
    /// renumbered after the others; history and citations are appended.
    public func merged(base: Session, theirs: Session) -> (Session, MergeReport) {
        var report = MergeReport()
        var result = theirs
        let baseNotes = Dictionary(base.notes.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        let mineNotes = Dictionary(notes.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        let theirUIDs = Set(theirs.notes.map(\.uid))

        report.theirChanges = theirs.notes.filter { baseNotes[$0.uid] != $0 }.count
        // Their notes, with my edits and removals applied.
        result.notes = theirs.notes.compactMap { note in
            guard let original = baseNotes[note.uid] else { return note }  // theirs, new
            guard let mine = mineNotes[note.uid] else {
                // I removed it; keep it if they changed it since.
                return note == original ? nil : note
            }
            return mine != original ? mine : note
        }
        // Notes I changed that they removed: kept, since a change means I still want it.
        for note in notes where baseNotes[note.uid] != nil && !theirUIDs.contains(note.uid) && baseNotes[note.uid] != note {
            result.notes.append(note)
        }
        // My new notes, numbered after theirs when their number is taken.
        var taken = Set(result.notes.map(\.id))
        for var note in notes where baseNotes[note.uid] == nil && !theirUIDs.contains(note.uid) {
            if taken.contains(note.id) {
                let number = (taken.max() ?? 0) + 1
                report.renumbered.append((note.id, number))
                note.id = number
            }
            taken.insert(note.id)
            result.notes.append(note)
        }
        result.notes.sort { $0.id < $1.id }

        result.pinned = Self.mergedList(base: base.pinned, mine: pinned, theirs: theirs.pinned)
        result.history = theirs.history + history.dropFirst(Self.sharedPrefix(base.history, history))
        result.citations = theirs.citations + citations.dropFirst(Self.sharedPrefix(base.citations, citations))
        result.results = results
        if description != base.description { result.description = description }
        if name != base.name { result.name = name }
        result.modified = max(modified, theirs.modified)
        return (result, report)
    }

    /// How many leading entries of `list` were already in `base`: what was appended
    /// since is the rest.
    private static func sharedPrefix<T: Equatable>(_ base: [T], _ list: [T]) -> Int {
        var count = 0
        while count < base.count, count < list.count, base[count] == list[count] { count += 1 }
        return count
    }

    /// A three-way merge of a list of ids: theirs, plus what I added, minus what I removed.
    private static func mergedList(base: [String], mine: [String], theirs: [String]) -> [String] {
        let removed = Set(base).subtracting(mine)
        var result = theirs.filter { !removed.contains($0) }
        for id in mine where !base.contains(id) && !result.contains(id) { result.append(id) }
        return result
    }
}
