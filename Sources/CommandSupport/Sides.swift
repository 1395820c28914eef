import Foundation

/// The sides of a comparison written `A vs B [vs C…]` (`compare`, `timeline`): the text
/// split at each `vs` standing alone outside quotation marks; a side wholly in one pair of
/// quotation marks loses them (`"Puzanov after:1957"` is that query).
public enum Sides {
    public static func split(_ text: String) -> [String] {
        var sides: [String] = []
        var current = ""
        var quote: Character?
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || (character == "'" && (index == 0 || characters[index - 1].isWhitespace)) {
                quote = character
            } else if character == "v", index + 1 < characters.count, characters[index + 1] == "s",
                index > 0, characters[index - 1].isWhitespace,
                index + 2 == characters.count || characters[index + 2].isWhitespace
            {
                sides.append(current)
                current = ""
                index += 2
                continue
            }
            current.append(character)
            index += 1
        }
        sides.append(current)
        return sides.map(unquoted)
    }

    private static func unquoted(_ side: String) -> String {
        let trimmed = side.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first,
            !trimmed.dropFirst().dropLast().contains(first)
        else { return trimmed }
        return String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}
