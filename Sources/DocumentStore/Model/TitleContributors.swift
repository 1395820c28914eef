import TextAnalysis

/// The writers and recipients a document's title names. Most archival records carry no
/// author or recipient, but their titles say who wrote to whom ("Telegram from A. Mikoyan
/// to the CPSU Central Committee", "Record of a Conversation between Soviet Embassy
/// Counsellor S. Filatov and Pak Yeong-bin", "Richard W. Leopold to George F. Kennan"), so
/// the importers fill the name lists from the title when the record has none.
///
/// A name read wrongly costs more than one not read: it goes into citations and name
/// searches, and nobody checks every record. So a title is read only when the whole of it
/// is one of a few forms and every name in it reads as a person or an institution:
///
/// - a document kind, perhaps qualified ("Letter", "Ciphered Telegram", "Top Secret
///   Memorandum"), then "from X to Y", ", X to Y", "to Y from X", or "from X" alone when
///   nothing after it can be a recipient ("Message from the President of the United States,
///   transmitting…"); the kind may open a later sentence of the title, as in the Serial
///   Set's "Texas boundary. Message from the President…";
/// - a record or memorandum "of (a) Conversation" or "of a Meeting between X and Y", whose
///   author is X and recipient Y;
/// - nothing but "X to Y", as the heads of letters in TEI editions are, where every name
///   is a person's.
///
/// Lists ("X and Y to Z", "X, Y and Z") are read; the name ends where the title goes on to
/// something else: a comma, a date, a parenthesis or bracket, or a word such as
/// "regarding", "on", "in" or "about". Offices and honorifics before a person's name are
/// dropped ("Soviet Ambassador to the DPRK A.M. Puzanov" is A.M. Puzanov); an office or an
/// institution with no person is a literal name ("CPSU Central Committee"). Anything else
/// gives nil: a title naming no one ("Report on the Plenum"), a diary ("Journal of Soviet
/// Ambassador…", whose writer the title does not say is writing to anyone), and a title
/// only part of which reads ("Telegram from Beijing to Moscow").
public enum TitleContributors {
    /// The writers and recipients a title names, or nil when it names none that can be read with confidence.
    public static func read(_ title: String) -> (authors: [PersonName], recipients: [PersonName])? {
        let tokens = tokens(of: Folding.nfc(title))
        guard !tokens.isEmpty else { return nil }
        guard case .names(let authors, let recipients)? = conversation(tokens) ?? document(tokens) ?? letterHead(tokens)
        else { return nil }
        return (authors, recipients)
    }

    /// What one form of title makes of a title in that form: its names, or nothing that can
    /// be read. A form a title is not in gives nil instead, and the next form is tried.
    private enum Reading {
        case names([PersonName], [PersonName])
        case unreadable
    }

    // MARK: Forms

    /// "Record of a Conversation between X and Y", "Memorandum of Conversation Between X
    /// and Y", "Record of a Meeting between X and Y": the record is X's account of what was
    /// said to Y, so X is its author and Y its recipient. A conversation "with" someone or
    /// "among" several names no author, and neither does a meeting "of" a body.
    private static func conversation(_ t: [Token]) -> Reading? {
        var i = 0
        while i < t.count, qualifiers.contains(t[i].key), t[i].punctuation == nil { i += 1 }
        guard i + 2 < t.count, recordKinds.contains(t[i].key), t[i].punctuation == nil, t[i + 1].key == "of" else {
            return nil
        }
        var j = i + 2
        if t[j].key == "a" || t[j].key == "the" { j += 1 }
        guard j < t.count, ["conversation", "meeting"].contains(t[j].key) else { return nil }
        guard t[j].punctuation == nil, j + 1 < t.count, t[j + 1].key == "between",
            let pair = side(t, from: j + 2, role: .pair), pair.names.count == 2
        else { return .unreadable }
        return reading([pair.names[0]], [pair.names[1]])
    }

    /// A document kind and who sent it to whom. The kind opens the title or one of its
    /// sentences; the first sentence so opened decides, and when its names do not read the
    /// title gives none rather than a reading from further on.
    private static func document(_ t: [Token]) -> Reading? {
        if let reading = document(t, at: 0) { return reading }
        for start in 1..<t.count where t[start - 1].punctuation == "." {
            if let reading = document(t, at: start) { return reading }
        }
        return nil
    }

    private static func document(_ t: [Token], at start: Int) -> Reading? {
        // Qualifiers and kinds run together ("Top Secret Circular Telegram"); the last is the kind.
        var k = start
        while k < t.count, t[k].kind == .word, qualifiers.contains(t[k].key) || kinds.contains(t[k].key) {
            guard t[k].punctuation == nil, k + 1 < t.count, t[k + 1].kind == .word,
                qualifiers.contains(t[k + 1].key) || kinds.contains(t[k + 1].key)
            else { break }
            k += 1
        }
        guard k < t.count, kinds.contains(t[k].key) else { return nil }
        // "Ciphered Telegram, Shtykov to Gromyko": the kind, a comma, then a letter's head.
        if t[k].punctuation == "," {
            guard let authors = side(t, from: k + 1, role: .authors), case .to(let at) = authors.ending,
                let recipients = side(t, from: at + 1, role: .recipients)
            else { return k + 1 < t.count && t[k + 1].startsUpper ? .unreadable : nil }
            return reading(authors.names, recipients.names)
        }
        guard t[k].punctuation == nil else { return nil }
        var i = k + 1
        // "Telegram No. 404 from…", "Telegram 1234 From…": the number is the document's.
        if i + 1 < t.count, t[i].key == "no", t[i].punctuation == nil, t[i + 1].hasDigit {
            i += 2
        } else if i < t.count, t[i].hasDigit, t[i].text.allSatisfy(\.isNumber) {
            i += 1
        }
        guard i < t.count, t[i].kind == .word, t[i - 1].punctuation == nil else { return nil }
        switch t[i].key {
        case "from":
            guard let authors = side(t, from: i + 1, role: .authors) else { return .unreadable }
            switch authors.ending {
            case .to(let at):
                guard let recipients = side(t, from: at + 1, role: .recipients) else { return .unreadable }
                return reading(authors.names, recipients.names)
            case .stop(let at):
                guard noRecipientFollows(t, endingAt: at), authors.names.allSatisfy(readsAlone) else { return .unreadable }
                return reading(authors.names, [])
            case .from:
                return .unreadable
            }
        case "to":
            guard let recipients = side(t, from: i + 1, role: .recipients), case .from(let at) = recipients.ending,
                let authors = side(t, from: at + 1, role: .authors), case .stop = authors.ending
            else { return .unreadable }
            return reading(authors.names, recipients.names)
        default:
            return nil
        }
    }

    /// Whether a sender named with no "to" after the name is all the title names: it ends
    /// there, or its sentence does, or goes on with a participle or a date ("…, transmitting
    /// a report", "…, in answer to a resolution"). A "to" before a capital further on may be
    /// the recipient of a name that did not read ("Telegram from Yudin, Beijing, to
    /// Moscow"), so then nothing is read, unless the "to" ends a phrase ("in reference to
    /// the Texas boundary").
    private static func noRecipientFollows(_ t: [Token], endingAt end: Int) -> Bool {
        guard end < t.count else { return true }
        if t[end - 1].punctuation == "." { return true }
        var k = end
        while k < t.count {
            if t[k].key == "to", t[k].kind == .word, k + 1 < t.count, !phrasesEndingInTo.contains(t[k - 1].key) {
                let next = t[k + 1]
                if next.startsUpper || (next.key == "the" && k + 2 < t.count && t[k + 2].startsUpper) { return false }
            }
            if t[k].punctuation == "." { break }
            k += 1
        }
        if t[end - 1].punctuation == "," { return t[end].startsLower || t[end].hasDigit }
        return true
    }

    /// The words before a "to" that is part of a phrase ("in reference to the Texas
    /// boundary", "in answer to a resolution") rather than the start of a recipient.
    private static let phrasesEndingInTo = words(
        "reference answer reply relation respect regard relative pursuant according due owing prior previous response obedience addition"
    )

    /// Whether the words of a sender named alone read as a name with confidence. With no
    /// recipient, "from" is as often a place or a thing ("Letter from Birmingham Jail",
    /// "Notes from Underground", "Letters from Iwo Jima"), so the name must be an office or
    /// institution, have an office or honorific before it, initials, or three words, or be
    /// an East Asian name.
    private static func readsAlone(_ words: [Token]) -> Bool {
        guard let name = name(words) else { return false }
        if name.literal != nil { return true }
        let plain = words.filter { $0.kind == .word }
        if plain.contains(where: { titleWords.contains($0.key) || ($0.startsUpper && $0.text.hasSuffix(".")) }) { return true }
        return plain.count >= 3 || familyFirst(plain) != nil
    }

    /// A title that is only "X to Y", as TEI heads of letters are ("Richard W. Leopold to
    /// George F. Kennan", "Freund to George F. Kennan"). Without a document kind, "to"
    /// joins much else ("Mission to Panama", "Roosevelt Corollary to the Monroe Doctrine",
    /// "Canal -- Atlantic to Pacific"), so every name must be a person's, one at least must
    /// have a given name or initials, and no name may be a common word alone.
    private static func letterHead(_ t: [Token]) -> Reading? {
        guard let authors = side(t, from: 0, role: .authors), case .to(let at) = authors.ending,
            let recipients = side(t, from: at + 1, role: .recipients), case .stop(let end) = recipients.ending,
            end == t.count
        else { return nil }
        guard case .names(let from, let to) = reading(authors.names, recipients.names),
            (from + to).allSatisfy({ $0.family != nil }), (from + to).contains(where: { $0.given != nil })
        else { return nil }
        for words in authors.names + recipients.names where words.count == 1 {
            guard !headNouns.contains(words[0].key) else { return nil }
        }
        return .names(from, to)
    }

    /// The names of both sides, or nothing when one of them does not read.
    private static func reading(_ authors: [[Token]], _ recipients: [[Token]]) -> Reading {
        var from: [PersonName] = []
        var to: [PersonName] = []
        for words in authors {
            guard let name = name(words) else { return .unreadable }
            from.append(name)
        }
        for words in recipients {
            guard let name = name(words) else { return .unreadable }
            to.append(name)
        }
        return from.isEmpty ? .unreadable : .names(from, to)
    }

    // MARK: One side

    /// Which side of the title is being read: the senders (which end at "to"), the
    /// recipients (which end at "from" in "Letter to Y from X"), or the two people of a
    /// conversation (one "and" between them).
    private enum Role { case authors, recipients, pair }

    /// Where the names of a side ended: at the "to" or "from" that starts the other side
    /// (its index), or before the token at an index that is no part of a name.
    private enum Ending {
        case to(Int)
        case from(Int)
        case stop(Int)
    }

    private struct Side {
        var names: [[Token]]
        var ending: Ending
    }

    /// The words of each name on one side, from `start`: names are divided by "and", or by
    /// commas in a list that ends with "and"; a comma that starts no such list ends the
    /// side. A parenthesis belongs to the name before it ("Instantsia (Stalin)"), and people
    /// a memorandum passes "through" are neither sender nor recipient. Nil when the side has
    /// an empty name.
    private static func side(_ t: [Token], from start: Int, role: Role) -> Side? {
        var names: [[Token]] = [[]]
        // The names before the first comma, in case the comma starts no list.
        var beforeList: (names: [[Token]], next: Int)?
        var listHasAnd = false
        // An office's own "to" ("Soviet Ambassador to the DPRK"), the place to end at if no
        // other "to" comes.
        var officeTo: (names: [[Token]], at: Int)?
        var passingThrough = false
        func ended(_ ending: Ending) -> Side? {
            var result = names
            var ending = ending
            if let list = beforeList, !listHasAnd {
                result = list.names
                ending = .stop(list.next)
            }
            if case .stop = ending, let officeTo, role == .authors {
                result = officeTo.names
                ending = .to(officeTo.at)
            }
            result = result.map(trimmed)
            guard !result.contains(where: \.isEmpty) else { return nil }
            return Side(names: result, ending: ending)
        }
        var i = start
        while i < t.count {
            let token = t[i]
            let previous = names[names.count - 1].last
            if passingThrough {
                if token.key == "to" && token.kind == .word { return ended(.to(i)) }
                guard token.kind == .word, !token.hasDigit, token.punctuation == nil else { return nil }
                i += 1
                continue
            }
            if token.kind == .bracket { return ended(.stop(i)) }
            if token.kind == .parenthesis {
                guard previous?.kind == .word else { return ended(.stop(i)) }
                names[names.count - 1].append(token)
            } else if previous?.kind == .parenthesis, !["and", "to", "from", "through", "via"].contains(token.key) {
                return ended(.stop(i))
            } else if token.hasDigit || (months.contains(token.key) && i + 1 < t.count && t[i + 1].hasDigit) {
                return ended(.stop(i))
            } else {
                switch token.key {
                case "and", "&":
                    if previous == nil {
                        // The serial comma of "X, Y, and Z".
                        guard beforeList != nil, names.count > 1 else { return nil }
                        listHasAnd = true
                    } else {
                        if beforeList != nil { listHasAnd = true }
                        names.append([])
                    }
                case "to" where role == .authors:
                    guard let previous else { return nil }
                    guard officeTo == nil, takesTo.contains(previous.key) else { return ended(.to(i)) }
                    officeTo = (names, i)
                    names[names.count - 1].append(token)
                case "from" where role == .recipients:
                    return ended(.from(i))
                case "through", "via":
                    guard role == .authors else { return ended(.stop(i)) }
                    guard previous != nil, token.punctuation == nil else { return nil }
                    passingThrough = true
                default:
                    guard continuesName(t, at: i, in: names[names.count - 1]) else {
                        return endsName(token) ? ended(.stop(i)) : nil
                    }
                    names[names.count - 1].append(token)
                }
            }
            switch token.punctuation {
            case ",":
                if role == .authors, i + 1 < t.count, t[i + 1].key == "to" { return ended(.to(i + 1)) }
                if role == .pair || listHasAnd { return ended(.stop(i + 1)) }
                if beforeList == nil { beforeList = (names, i + 1) }
                names.append([])
            case ";", ":", ".":
                return ended(.stop(i + 1))
            default:
                break
            }
            i += 1
        }
        return ended(.stop(t.count))
    }

    /// Whether a word that is no part of a name may end one: punctuation, a capital, or a
    /// lower-case word that starts what the title says next ("in", "regarding", a
    /// participle such as "transmitting" or "accompanied"). Any other lower-case word may be
    /// a part of the name written small ("the President of the United states"), so the
    /// name is not read rather than read cut short.
    private static func endsName(_ token: Token) -> Bool {
        guard token.startsLower else { return true }
        let key = token.key
        return functionWords.contains(key) || connectors.contains(key) || key.hasSuffix("ing") || key.hasSuffix("ed")
    }

    /// A name without the words that joined it to what was cut off after it ("Kennan of" in
    /// "Kennan of 3 September").
    private static func trimmed(_ words: [Token]) -> [Token] {
        var words = words
        while let last = words.last, last.kind == .word, connectors.contains(last.key) { words.removeLast() }
        return words
    }

    /// Whether the word at `index` goes on with the words of `name` read so far:
    /// a capitalized word that is no function word, a word joining an office to what it is
    /// of, for, in or on ("Secretary of State", "Assistant Secretary for Far Eastern Affairs",
    /// "Embassy in Greece", "Committee on Foreign Relations", "Ambassador to the DPRK"), a
    /// particle inside a person's name, or an office written in lower case ("United States
    /// minister at London"). "in", "on" and "for" after anything else start what the title
    /// says about the document, as do "regarding", "about" and every other lower-case word.
    private static func continuesName(_ t: [Token], at index: Int, in name: [Token]) -> Bool {
        let token = t[index]
        let previous = name.last
        guard token.kind == .word else { return false }
        let next = index + 1 < t.count ? t[index + 1] : nil
        let capitalFollows =
            next.map { $0.kind == .word && $0.startsUpper && !$0.hasDigit && !functionWords.contains($0.key) } ?? false
        let placeFollows =
            capitalFollows
            || (next?.key == "the" && next?.punctuation == nil && index + 2 < t.count && t[index + 2].startsUpper)
        // A joining word joins only what stands on both sides of it, with no punctuation between.
        let joined = previous?.kind == .word && token.punctuation == nil
        switch token.key {
        case "the":
            return token.punctuation == nil && (previous == nil || ["of", "to", "in", "at", "on", "for"].contains(previous!.key))
        case "of":
            return joined && placeFollows
        case "for":
            return joined && capitalFollows
        case "in", "at":
            return joined && name.contains(where: { takesPlace.contains($0.key) }) && placeFollows
        case "on":
            return joined && takesSubject.contains(previous!.key) && capitalFollows
        case "to":
            return joined && takesTo.contains(previous!.key) && placeFollows
        case "two", "both", "all":
            return previous == nil || previous?.key == "the"
        default:
            if functionWords.contains(token.key) { return false }
            // A title-case participle with its object: "to Stalin Conveying the Chinese Decision".
            if token.key.hasSuffix("ing"), token.key.count > 5, let next, objectWords.contains(next.key) { return false }
            if token.startsUpper { return true }
            if token.startsLower {
                if particles.contains(token.key) { return joined && previous!.startsUpper && capitalFollows }
                return titleWords.contains(token.key)
            }
            return false
        }
    }

    // MARK: One name

    /// The name that the words of one name give: a person's, with the offices before it
    /// dropped, or an office or institution's, as a literal name without its leading "the".
    /// A parenthesis after an office names the person holding it ("Instantsia (Stalin)",
    /// "the Assistant Secretary of State (Robertson)"), and after a single name the person
    /// it stands for ("Filippov (Stalin)"); after a full name it says who the person is
    /// ("(Under Secretary of State for Management)") and is not read.
    private static func name(_ tokens: [Token]) -> PersonName? {
        var words = tokens
        var note: Token?
        if words.last?.kind == .parenthesis { note = words.removeLast() }
        guard words.allSatisfy({ $0.kind == .word }) else { return nil }
        let definite = words.first?.key == "the"
        if definite { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        let named = person(words, definite: definite)
        if let note, let inner = person(inParenthesis: note) {
            if named == nil && literal(words) != nil { return inner }
            if named != nil && words.count == 1 { return inner }
        }
        return named ?? literal(words)
    }

    /// A person's name at the end of `words`, and the offices and honorifics before it:
    /// "Soviet Embassy Counsellor S. Filatov", "Secretary of State Dulles", "Comrade Kim Il
    /// Sung". Nil when the words before the name are not all offices, places and the words
    /// that join them, or when there is no name after "the" ("the Monroe Doctrine").
    private static func person(_ words: [Token], definite: Bool) -> PersonName? {
        guard let last = words.last, isNameWord(last, last: true), !last.text.hasSuffix("."),
            last.text.count(where: \.isLetter) >= 2
        else { return nil }
        var start = words.count - 1
        while start > 0 {
            let word = words[start - 1]
            if isNameWord(word, last: false) {
                start -= 1
            } else if word.startsLower, particles.contains(word.key), start >= 2, isNameWord(words[start - 2], last: false) {
                start -= 1
            } else {
                break
            }
        }
        let name = words[start...]
        guard name.count <= 5 else { return nil }
        if start == 0 {
            guard !definite else { return nil }
        } else {
            let office = words[..<start]
            guard let before = office.last, titleWords.contains(before.key) || isPlace(before),
                office.contains(where: { titleWords.contains($0.key) }),
                office.allSatisfy({ titleWords.contains($0.key) || isPlace($0) || connectors.contains($0.key) })
            else { return nil }
        }
        if name.count == 1 {
            guard isLoneName(last) else { return nil }
            return PersonName(family: last.text)
        }
        return familyFirst(Array(name)) ?? PersonName.givenFirst(name.map(\.text).joined(separator: " "))
    }

    /// The person a parenthesis names, when it holds nothing but a name: "(Stalin)",
    /// "(Kissinger)".
    private static func person(inParenthesis note: Token) -> PersonName? {
        let words = tokens(of: note.text)
        guard !words.isEmpty, words.allSatisfy({ $0.kind == .word && $0.punctuation == nil }) else { return nil }
        guard let name = person(words, definite: false), name.family != nil,
            !words.contains(where: { titleWords.contains($0.key) })
        else { return nil }
        return name
    }

    /// An office or institution with no person: "the CPSU Central Committee", "the
    /// Secretary of State", "Mao Zedong's Office", "the Soviet Embassy in Pyongyang". Every
    /// capitalized word must be one of an office, an institution, a place or an acronym,
    /// belong to the possessive of whose office it is, or say what an office is of, on or
    /// in ("Committee on Commerce"); so "Gromyko of the Foreign Ministry" and "Prime
    /// Minister John Major" (whose name is an office's word) are not offices.
    private static func literal(_ words: [Token]) -> PersonName? {
        guard let first = words.first, let last = words.last, !connectors.contains(last.key),
            words.contains(where: { titleWords.contains($0.key) }),
            !(words.count == 1 && (kinds.contains(first.key) || qualifiers.contains(first.key)))
        else { return nil }
        var owner = 0  // words still to come of a possessive ("Mao Zedong's")
        var office = false
        var subject = false  // past an office's "of", "on" or "in": "Committee on Commerce", "Legislature of Maine"
        for (index, word) in words.enumerated() {
            guard word.kind == .word, !word.hasDigit else { return nil }
            if ["of", "on", "for", "in", "at", "to"].contains(word.key) {
                subject = subject || office
                continue
            }
            if word.startsLower {
                guard connectors.contains(word.key) || titleWords.contains(word.key) || ["two", "both", "all"].contains(word.key)
                else { return nil }
                office = office || titleWords.contains(word.key)
                continue
            }
            if titleWords.contains(word.key) {
                office = true
                continue
            }
            if subject || isPlace(word) || isAcronym(word) || word.key == "all" || word.key == "the" { continue }
            if owner > 0 {
                owner -= 1
                continue
            }
            // A name before a possessive within three words: "Mao Zedong's", "Stalin's".
            let possessive = words[index..<min(words.count, index + 3)].firstIndex(where: { isPossessive($0.text) })
            guard let possessive, word.startsUpper else { return nil }
            owner = possessive - index
        }
        return PersonName(literal: words.map(\.text).joined(separator: " "))
    }

    /// A Chinese, Korean or Vietnamese name, family name first: a common family name, then
    /// a given name of one to three syllables in one or two words ("Kim Il Sung", "Pak
    /// Chang-ok", "Mao Zedong", "Chiang Kai-shek"). The syllables are what tells "Kim Il
    /// Sung" from "Kim Hoggard" and "Lee Hamilton", whose family names come last.
    private static func familyFirst(_ name: [Token]) -> PersonName? {
        guard name.count == 2 || name.count == 3, eastAsianFamilyNames.contains(name[0].key) else { return nil }
        var syllables = 0
        for word in name.dropFirst() {
            guard !word.text.contains(".") else { return nil }
            for part in word.key.split(separator: "-") {
                guard let count = syllableCount(part) else { return nil }
                syllables += count
            }
        }
        // Two syllables are the rule; Vietnamese "Nguyen" counts as two ("Vo Nguyen Giap").
        guard syllables <= 3 else { return nil }
        return PersonName(family: name[0].text, given: name.dropFirst().map(\.text).joined(separator: " "))
    }

    /// How many romanized Chinese, Korean or Vietnamese syllables a folded word is, if it
    /// is one or two of them.
    private static func syllableCount(_ word: Substring) -> Int? {
        let letters = Array(word.utf8)
        guard !letters.isEmpty, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        if isSyllable(letters[...]) { return 1 }
        for cut in 1..<letters.count where isSyllable(letters[..<cut]) && isSyllable(letters[cut...]) { return 2 }
        return nil
    }

    /// A syllable: an initial consonant (or none), a `y` or `w` glide, one to three vowels
    /// and a final consonant of the romanizations (or none). No `r` ends one, nor a `g` but
    /// in `ng`, which keeps out most English words ("Hoggard", "Marvin").
    private static func isSyllable(_ letters: ArraySlice<UInt8>) -> Bool {
        func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 }
        guard let vowel = letters.firstIndex(where: isVowel) else { return false }
        var initial = letters[letters.startIndex..<vowel]
        if let glide = initial.last, glide == UInt8(ascii: "y") || glide == UInt8(ascii: "w") { initial = initial.dropLast() }
        guard syllableInitials.contains(String(decoding: initial, as: UTF8.self)) else { return false }
        var end = vowel
        while end < letters.endIndex, isVowel(letters[end]) { end += 1 }
        guard end - vowel <= 3 else { return false }
        return syllableFinals.contains(String(decoding: letters[end...], as: UTF8.self))
    }

    /// Whether a word can be part of a person's name: capitalized, letters with hyphens,
    /// apostrophes or the full stops of initials, and none of the offices, institutions,
    /// document kinds, function words, months or nationalities. A place ends a name except
    /// as its last word ("George Washington").
    private static func isNameWord(_ token: Token, last: Bool) -> Bool {
        guard token.kind == .word, token.startsUpper, !token.hasDigit,
            token.text.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }),
            !isPossessive(token.text), !(isAcronym(token) && !token.text.contains("."))
        else { return false }
        if notNames.contains(token.key) { return false }
        return last || !places.contains(token.key)
    }

    /// Whether a word alone can be a family name ("Shtykov", "Dulles", "Freund"): not a
    /// common word, an office, a nationality or a place ("Telegram from Moscow").
    private static func isLoneName(_ token: Token) -> Bool {
        !NameVariants.isCommonWord(token.key) && !places.contains(token.key) && !headNouns.contains(token.key)
    }

    private static func isPlace(_ token: Token) -> Bool {
        places.contains(token.key) || demonyms.contains(token.key) || isAcronym(token)
    }

    /// An acronym: two or more letters, all capitals ("DPRK", "CPSU", "PA/HO", "U.S.").
    private static func isAcronym(_ token: Token) -> Bool {
        var letters = 0
        for character in token.text where character.isLetter {
            guard character.isUppercase else { return false }
            letters += 1
        }
        return letters >= 2
    }

    private static func isPossessive(_ text: String) -> Bool {
        text.hasSuffix("'s") || text.hasSuffix("’s") || text.hasSuffix("'") || text.hasSuffix("’")
    }

    // MARK: Tokens

    /// A word of a title, or a parenthesis or bracket taken whole.
    private struct Token {
        enum Kind { case word, parenthesis, bracket }
        var kind: Kind
        /// The word as written without the punctuation after it, or what a parenthesis or
        /// bracket holds.
        var text: String
        /// The word folded (lower case, no diacritics or apostrophes) without a final full
        /// stop, as the word lists hold it.
        var key: String
        /// `,`, `;`, `:`, or `.` for the end of a sentence, when one follows the token.
        var punctuation: Character?
        var startsUpper: Bool
        var startsLower: Bool
        var hasDigit: Bool
    }

    /// The tokens of a title: words between white space, with a parenthesis or bracket (an
    /// unclosed one to the end) as one token. A full stop after a word ends a sentence,
    /// unless the word is an initial ("A.M.", "V.") or an abbreviation ("Dr.", "Wm.").
    private static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var word = ""
        func flush() {
            defer { word = "" }
            var text = Substring(word)
            var punctuation: Character?
            while let mark = text.last, [",", ";", ":", "!", "?"].contains(mark) {
                if punctuation == nil { punctuation = mark == "!" || mark == "?" ? "." : mark }
                text = text.dropLast()
            }
            if text.hasSuffix("."), !keepsFullStop(text) {
                text = text.dropLast()
                punctuation = punctuation ?? "."
            }
            guard !text.isEmpty else {
                if let punctuation, !tokens.isEmpty, tokens[tokens.count - 1].punctuation == nil {
                    tokens[tokens.count - 1].punctuation = punctuation
                }
                return
            }
            tokens.append(token(.word, String(text), punctuation))
        }
        var i = 0
        while i < characters.count {
            let character = characters[i]
            if character.isWhitespace {
                flush()
                i += 1
                continue
            }
            guard character == "(" || character == "[" else {
                word.append(character)
                i += 1
                continue
            }
            flush()
            let close: Character = character == "(" ? ")" : "]"
            var depth = 1
            var j = i + 1
            var inner = ""
            while j < characters.count {
                if characters[j] == character { depth += 1 }
                if characters[j] == close {
                    depth -= 1
                    if depth == 0 { break }
                }
                inner.append(characters[j])
                j += 1
            }
            let kind: Token.Kind = character == "(" && j < characters.count ? .parenthesis : .bracket
            i = j + 1
            var punctuation: Character?
            if i < characters.count, [",", ";", ":", "."].contains(characters[i]) {
                punctuation = characters[i]
                i += 1
            }
            tokens.append(token(kind, inner, punctuation))
        }
        flush()
        return tokens
    }

    private static func token(_ kind: Token.Kind, _ text: String, _ punctuation: Character?) -> Token {
        guard kind == .word else {
            return Token(
                kind: kind, text: text, key: "", punctuation: punctuation, startsUpper: false, startsLower: false,
                hasDigit: false)
        }
        // "Dr." and "Mr." are looked up as "dr" and "mr"; an initial keeps its full stop, so
        // that "A." is not the article.
        var key = Folding.fold(text)
        if key.hasSuffix("."), key.count > 2 { key.removeLast() }
        let first = text.first!
        return Token(
            kind: kind, text: text, key: key, punctuation: punctuation, startsUpper: first.isUppercase,
            startsLower: first.isLowercase, hasDigit: text.contains(where: \.isNumber))
    }

    /// Whether the full stop ending `text` belongs to it: initials ("A.M.", "V.", "Ye.")
    /// and abbreviations ("Dr.", "Messrs.") keep theirs; after any other word it ends a
    /// sentence.
    private static func keepsFullStop(_ text: Substring) -> Bool {
        let body = text.dropLast()
        guard let first = body.first else { return false }
        if body.contains(".") { return true }
        if body.count <= 2 && first.isUppercase { return true }
        return abbreviations.contains(Folding.fold(String(body)))
    }

    // MARK: Words

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    private static let abbreviations = words(
        "mrs messrs prof gen col capt adm sen rep rev hon amb gov sgt maj lieut cmdr geo thos chas jas")

    /// Words that say what kind of document it is.
    private static let kinds = words(
        """
        letter letters telegram telegrams cable cables cablegram cablegrams memorandum memoranda memo memos note notes
        report reports message messages dispatch dispatches despatch despatches circular circulars instruction
        instructions communication communications airgram airgrams radiogram radiograms telex
        """)

    /// Records whose "of a Conversation between" names their author and recipient.
    private static let recordKinds = words("record memorandum memo")

    /// Words before a document's kind that say how it was sent or kept.
    private static let qualifiers = words(
        """
        ciphered cipher coded code secret top strictly confidential draft urgent personal private official unofficial
        special action information joint open telegraphic telephone telephonic priority immediate verbal oral diplomatic
        intelligence circular outgoing incoming classified handwritten undated very most original
        """)

    /// Offices, ranks and honorifics of people.
    private static let titles = words(
        """
        mr mrs ms miss messrs dr sir dame lord lady chevalier baron duc marquis madame mme monsieur herr frau comrade comrades tovarishch prof
        professor rev reverend father hon honorable honourable excellency majesty highness ambassador ambassadors
        counsellor counselor councillor consul consul-general vice-consul envoy attache charge daffaires affaires
        president vice-president premier vice-premier prime minister ministers minister-counsellor chairman
        vice-chairman chairwoman secretary secretary-general secretaries undersecretary under-secretary general
        generalissimo marshal admiral colonel col captain capt lieutenant lt major sergeant commander commandant gen amb
        adm deputy vice acting first second third executive king queen prince princess emperor empress crown sultan
        sheikh emir shah pope cardinal bishop archbishop patriarch chancellor senator sen governor governor-general
        representative rep congressman congresswoman director adviser advisor delegate mayor speaker chief justice
        judge leader head officer officers official officials assistant special associate historian historians editor
        commissioner commissar plenipotentiary aide spokesman member members staff agent correspondent observer
        observers liaison emissary clerk treasurer comptroller postmaster attorney solicitor
        """)

    /// Institutions and the words of their names.
    private static let institutions = words(
        """
        committee subcommittee commission council councils ministry ministries department departments embassy
        embassies legation legations consulate mission missions delegation delegations office offices bureau agency
        government governments cabinet presidium politburo secretariat party parties congress senate house houses
        assembly parliament legislature court army navy forces force command headquarters station section division
        directorate board union league institute university academy society association front corps group
        administration service services branch state affairs relations foreign defense defence interior
        treasury war security intelligence national central peoples workers nations
        federation federal supreme joint chiefs historical advisory instantsia instantsiya kremlin organization
        organisation bank company conference cc commonwealth authorities leadership volunteers communist socialist
        democratic plenum public diplomatic consular
        """)

    /// Offices that are "to" a country: "Ambassador to the DPRK".
    private static let takesTo = words(
        """
        ambassador ambassadors envoy minister ministers representative delegate delegation delegations mission
        commissioner adviser advisor counsellor counselor attache charge daffaires plenipotentiary liaison emissary
        observer observers consul
        """)

    /// Offices and institutions that are "in" or "at" a place: "Embassy in Greece".
    private static let takesPlace = words(
        """
        embassy embassies legation legations consulate consul consul-general mission delegation station office
        ambassador minister charge daffaires representative commander headquarters forces command residency bureau
        agency correspondent envoy attache army troops volunteers committee government authorities commissioner
        """)

    /// Institutions that are "on" a subject: "Committee on Foreign Relations".
    private static let takesSubject = words("committee committees subcommittee commission council board conference bureau")

    /// Lower-case words that may stand inside a name.
    private static let connectors = words("of the for in at on to and")
    private static let particles = words("de du da di von van der den la le del della y bin ibn al el")

    /// Words that, even capitalized, end a name: what the title says next about the document.
    private static let functionWords = words(
        """
        a an regarding concerning about re respecting relative relating touching upon with without transmitting
        communicating enclosing forwarding reporting requesting asking by as between among into over under after
        before during since until against including from through via and to conveying informing proposing urging
        expressing explaining describing announcing approving suggesting discussing outlining summarizing recommending
        protesting thanking congratulating acknowledging confirming instructing seeking containing accompanying
        """)

    /// Words that open the object of a participle ("Conveying the Decision", "Informing Him").
    private static let objectWords = words("the a an his her its their that this these those him them")

    private static let months = words(
        "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
    )

    /// Nationalities and points of the compass, which stand before offices ("Soviet
    /// Ambassador") and are never a name.
    private static let demonyms = words(
        """
        soviet chinese korean american british english french german russian japanese polish hungarian czechoslovak
        czech romanian rumanian bulgarian yugoslav albanian mongolian vietnamese cuban indian pakistani indonesian
        burmese thai italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish greek
        turkish iranian persian israeli arab egyptian mexican canadian australian brazilian argentine chilean irish
        scottish ukrainian georgian armenian afghan iraqi syrian lebanese jordanian saudi libyan algerian moroccan
        ethiopian african asian european latin philippine filipino taiwanese manchurian tibetan laotian cambodian
        sino sino-soviet sino-korean soviet-korean korean-soviet allied north south east west eastern western northern
        southern far middle near
        """)

    /// Countries and capitals of diplomatic records, single words as the word lists hold
    /// them: a place is no one's name ("Telegram from Moscow").
    private static let places = words(
        """
        afghanistan albania algeria argentina austria belgium bolivia brazil bulgaria burma cambodia canada chile china
        colombia congo cuba cyprus czechoslovakia denmark ecuador egypt ethiopia finland france germany ghana greece
        guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy japan jordan kenya
        korea kuwait laos lebanon liberia libya mexico mongolia morocco nepal netherlands holland nicaragua nigeria
        norway pakistan panama paraguay peru philippines poland portugal romania rumania russia spain sudan sweden
        switzerland syria taiwan formosa thailand siam tibet tunisia turkey ukraine britain england scotland wales
        america uruguay venezuela vietnam yemen yugoslavia manchuria siberia europe asia africa indochina pyongyang
        seoul kaesong panmunjom wonsan hamhung sinuiju inchon incheon pusan busan moscow leningrad vladivostok kiev
        beijing peking peiping shanghai nanjing nanking shenyang mukden harbin dalian dairen canton guangzhou wuhan
        chungking chongqing yenan taipei tokyo washington london paris berlin bonn vienna warsaw prague budapest
        bucharest sofia belgrade tirana hanoi saigon rangoon bangkok jakarta manila delhi karachi tehran teheran
        baghdad damascus beirut cairo jerusalem amman ankara istanbul athens rome madrid lisbon brussels amsterdam
        hague geneva bern stockholm oslo copenhagen helsinki dublin havana ottawa santiago lima caracas canberra
        kabul potsdam yalta united states kingdom republic union u.s us usa u.s.a uk u.k ussr u.s.s.r dprk prc rok gdr frg drv
        """)

    /// Nouns that head titles joined to a name by "to" ("Guide to…", "Road to…"), which a
    /// bare "X to Y" title must not take for a sender.
    private static let headNouns = words(
        """
        introduction guide prelude road return reply response answer mission visit trip journey voyage tribute address
        speech toast appeal homage farewell welcome invitation preface supplement annex addendum appendix sequel key
        gateway path passage bridge aid assistance threat challenge reaction opening approach commentary interest
        canal railroad pensions ode hymn song elegy salute sonnet epistle postscript footnote coda overture goodbye
        hello thanks apology gift pilgrimage expedition
        """)

    private static let titleWords = titles.union(institutions)

    /// Words that are never part of a person's name.
    private static let notNames = titleWords.union(kinds).union(qualifiers).union(functionWords).union(connectors)
        .union(months).union(demonyms).union(words("jr sr esq et al etc inc ltd record conversation meeting journal diary"))

    /// Family names of China, Korea and Vietnam in their common romanizations (Pinyin,
    /// Wade–Giles, McCune–Reischauer, Revised, the North's), folded.
    private static let eastAsianFamilyNames = words(
        """
        wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
        feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao cui zhong
        tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao gong
        shao wan qian dai mo kong xiang nie chai rao bo ke geng qiao ji hua wen ulan chou chu chao hsu hsieh tsao tsai
        tien teng tung hsiao hsia chien kung kao chiang chang liao lo kuo ho yeh jen shih hsueh ch'en kang
        kim pak park bak choe choi chwe yi lee ri rhee cho jo jang nam pang bang yun yoon shin sin kwon hwang ahn an
        paek baek lim im ryu roh no noh moon mun o oh chun chon jeon jun heo son seo so min jeong chong jung chung ko
        hong sim ha kwak sung cha joo woo u koo ku na chin eom om chae won cheon chon hyun hyon ham byun pyon yeom yom
        yeo choo to seok sok seon sol gil kil yeon wi pyo myung gi ki ban ra geum kum ok yuk maeng je tak guk eun pae
        bae mu
        nguyen tran le pham ngo vo phan vu
        """)

    private static let syllableInitials = words(
        "b c ch d f g h j k l m n p q r s sh t w x y z zh ts tz hs kk tt pp ss jj v ng nh gi tr kh th ph"
    ).union([""])
    private static let syllableFinals = words("n ng m l k p t h nh").union([""])
}
