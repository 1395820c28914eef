/// A word-level diff of two texts (two translations of a document, two versions of a
/// record): runs of words kept, inserted and deleted, as an edit script.
public enum WordDiff {
    public enum Kind: String, Sendable, Equatable {
        case equal, insert, delete
    }

    /// A run of words of one kind.
    public struct Operation: Sendable, Equatable {
        public var kind: Kind
        public var words: [String]

        public init(kind: Kind, words: [String]) {
            self.kind = kind
            self.words = words
        }
    }

    /// The words of a text as the diff compares them: split at white space, punctuation
    /// kept with its word.
    public static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The edit script that turns `old` into `new`, shortest (Myers, through the standard
    /// library's `difference`); words are compared as written.
    public static func script(from old: String, to new: String) -> [Operation] {
        script(from: words(old), to: words(new))
    }

    /// The edit script that turns one list of words (or of any units: a list's items)
    /// into another.
    public static func script(from before: [String], to after: [String]) -> [Operation] {
        let difference = after.difference(from: before)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var operations: [Operation] = []
        func append(_ kind: Kind, _ word: String) {
            if operations.last?.kind == kind {
                operations[operations.count - 1].words.append(word)
            } else {
                operations.append(Operation(kind: kind, words: [word]))
            }
        }
        var (i, j) = (0, 0)
        while i < before.count || j < after.count {
            if i < before.count, removed.contains(i) {
                append(.delete, before[i])
                i += 1
            } else if j < after.count, inserted.contains(j) {
                append(.insert, after[j])
                j += 1
            } else if i < before.count, j < after.count {
                append(.equal, after[j])
                i += 1
                j += 1
            } else {
                break
            }
        }
        return operations
    }
}
