import DossierProtocol
import Foundation
import TextAnalysis

/// A name in one of a record's name lists (author, recipient, translator, editor,
/// interviewer), as CSL holds it: a person's family and given names, or a literal name
/// that is written as it is (an institution, "Soviet Embassy in Pyongyang", or a name whose
/// parts are not known).
public struct PersonName: Sendable, Hashable {
    public var family: String?
    public var given: String?
    public var literal: String?

    public init(family: String, given: String? = nil) {
        self.family = family
        self.given = given.flatMap { $0.isEmpty ? nil : $0 }
    }

    public init(literal: String) {
        self.literal = literal
    }

    /// The name as a person writes it in a field or on the command line: "Rhee, Syngman"
    /// (family, then given, as in a bibliography) has its parts; anything else is one
    /// literal name, written as it stands.
    public static func reading(_ text: String) -> PersonName? {
        let cleaned = Folding.trimmed(Folding.nfc(text))
        guard !cleaned.isEmpty else { return nil }
        let parts = cleaned.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].split(separator: " ").count <= 3,
            !parts[1].contains(where: \.isNumber)
        {
            return PersonName(family: parts[0], given: parts[1])
        }
        return PersonName(literal: cleaned)
    }

    /// A person's name written given name first, as a European source prints it ("Gary
    /// Goldberg", "Robert T. Oliver", "Ludwig van Beethoven"): the last word is the family
    /// name, with a particle before it (van, von, de…) kept with it. A single word is a
    /// literal name.
    public static func givenFirst(_ text: String) -> PersonName? {
        let words = Folding.trimmed(Folding.nfc(text)).split(separator: " ").map(String.init)
        guard let last = words.last else { return nil }
        guard words.count > 1 else { return PersonName(literal: last) }
        var familyStart = words.count - 1
        while familyStart > 1, particles.contains(words[familyStart - 1].lowercased()) { familyStart -= 1 }
        return PersonName(
            family: words[familyStart...].joined(separator: " "), given: words[..<familyStart].joined(separator: " "))
    }

    static let particles: Set<String> = ["van", "von", "de", "der", "den", "du", "da", "di", "del", "della", "la", "le"]

    /// The name as a reader sees it: given name first, or the literal name.
    public var display: String {
        if let literal { return literal }
        return [given, family].compactMap { $0 }.joined(separator: " ")
    }

    /// The name family first, as a list sorts it ("Rhee, Syngman").
    public var sortForm: String {
        if let literal { return literal }
        return [family, given].compactMap { $0 }.joined(separator: ", ")
    }

    /// `{"family", "given"}` or `{"literal"}`, as the vocabulary and CSL-JSON write names.
    public var json: JSONValue {
        if let literal { return .object(["literal": .string(literal)]) }
        var object: [String: JSONValue] = [:]
        if let family { object["family"] = .string(family) }
        if let given { object["given"] = .string(given) }
        return .object(object)
    }

    /// A name from its JSON form: an object with `family` (and `given`) or `literal`, or a
    /// string read as `reading(_:)` reads it. Nil for anything else.
    public static func from(json: JSONValue) -> PersonName? {
        switch json {
        case .string(let text):
            return reading(text)
        case .object(let object):
            let family = cleaned(object["family"])
            if let family { return PersonName(family: family, given: cleaned(object["given"])) }
            if let literal = cleaned(object["literal"]) ?? cleaned(object["given"]) { return PersonName(literal: literal) }
            return nil
        default:
            return nil
        }
    }

    private static func cleaned(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let trimmed = Folding.trimmed(Folding.nfc(text))
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension [PersonName] {
    /// The names as one line: "Syngman Rhee; Robert T. Oliver".
    public var display: String { map(\.display).joined(separator: "; ") }

    /// The names as a JSON list.
    public var json: JSONValue { .array(map(\.json)) }
}
