import Foundation

/// A cite's position relative to earlier cites of the same item.
enum Position: Int, Sendable, Comparable {
    case first = 0
    case subsequent = 1
    case ibid = 2
    case ibidWithLocator = 3

    static func < (a: Position, b: Position) -> Bool { a.rawValue < b.rawValue }
}

/// How much extra information disambiguation has asked one item to show.
struct DisambiguationState: Sendable, Equatable {
    /// Extra names shown beyond et-al-use-first, per names variable rendering.
    var addNames = 0
    /// Given-name expansion level per name: 0 default, 1 initials, 2 full.
    var givenLevels: [CSLName: Int] = [:]
    /// 1-based year-suffix number; nil when none.
    var yearSuffix: Int?
    /// Whether `disambiguate="true"` branches apply.
    var conditionFlag = false
}

/// Everything needed to render one item in one place.
struct CiteContext: Sendable {
    enum Mode: Sendable { case citation, bibliography, sortKey }

    var item: CSLItem
    var cite: CSLCite?
    var mode: Mode
    var position: Position = .first
    var nearNote = false
    var citationNumber: Int?
    var firstNoteNumber: Int?
    var disambiguation = DisambiguationState()
    var suppressAuthor = false
    /// Sort keys may override et-al settings for name lists.
    var namesMinOverride: Int?
    var namesUseFirstOverride: Int?
    var namesUseLastOverride: Bool?
}
