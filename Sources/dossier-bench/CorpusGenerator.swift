import DocumentStore
import DossierProtocol
import Foundation
import ProcessDriver

/// Archive-like records, the same for the same seed: titles of 6 to 20 words, summaries of
/// 30 to 120, a text for some, dates from 1900 to 1999 (some partial, uncertain or missing),
/// people and places in several spellings, and words drawn from a vocabulary of 60,000 terms
/// with Zipf-distributed frequencies.
struct CorpusGenerator {
    /// One generated record, in the shared field vocabulary.
    struct Item {
        var json: String
        var title: String
        var summary: String
        var text: String
        var dateMin: String?
        var dateMax: String?
    }

    let vocabulary: [String]
    private let cumulative: [Double]
    let people: [NameLists.Person]
    /// How many generated records use each vocabulary term (by rank), for choosing queries.
    private(set) var documentFrequency: [Int]
    private var lastDocument: [Int]
    private var random: SeededGenerator
    private var count = 0

    static let vocabularySize = 60_000

    /// Frequent words of archival English, the head of the distribution.
    static let head = """
        the of and to in a on for with by that was is from at as party committee central \
        government soviet korean chinese delegation meeting report conversation ambassador \
        embassy minister foreign affairs comrade plenum question situation political \
        economic military workers leadership decision members secretary letter telegram \
        memorandum information regarding concerning discussed expressed opinion view \
        support assistance aid relations between two countries people republic democratic \
        cooperation agreement trade grain industry plan five-year period year month day \
        officials cadres factional activity criticism self-criticism rehabilitation \
        congress resolution session presidium council army forces border treaty friendship \
        visit delegation talks negotiations proposal position issue problem matter \
        conference declaration statement note record journal minutes summary
        """.split(separator: " ").map(String.init).filter { !$0.isEmpty }

    private static let syllables = [
        "ka", "ro", "men", "ti", "sa", "vel", "do", "rin", "pa", "lo", "ster", "qui", "na", "bor",
        "fe", "lis", "ga", "mon", "tu", "ver", "che", "dan", "li", "pos", "ra", "kel", "mi", "sor",
        "be", "tan", "gor", "vi", "las", "nu", "pe", "dri", "hol", "za", "fin", "wes",
    ]

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        var words = Self.head
        var seen = Set(words)
        var index = 0
        while words.count < Self.vocabularySize {
            // Two to four syllables, in a fixed order by index: a pronounceable, unique word.
            var n = index
            var word = ""
            let length = 2 + (index % 3)
            for _ in 0..<length {
                word += Self.syllables[n % Self.syllables.count]
                n /= Self.syllables.count
            }
            index += 1
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        // Zipf's law: the frequency of the word of rank r is proportional to 1 / r^1.05.
        var total = 0.0
        var sums: [Double] = []
        sums.reserveCapacity(words.count)
        for rank in 1...words.count {
            total += 1 / pow(Double(rank), 1.05)
            sums.append(total)
        }
        cumulative = sums.map { $0 / total }
        people = NameLists.people()
        documentFrequency = Array(repeating: 0, count: words.count)
        lastDocument = Array(repeating: -1, count: words.count)
    }

    /// The rank (0-based) of a word drawn from the Zipf distribution.
    private mutating func drawRank() -> Int {
        let u = random.unit()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func words(_ n: Int) -> [String] {
        (0..<n).map { _ in
            let rank = drawRank()
            if lastDocument[rank] != count {
                lastDocument[rank] = count
                documentFrequency[rank] += 1
            }
            return vocabulary[rank]
        }
    }

    private mutating func personSpelling() -> String {
        random.pick(random.pick(people))
    }

    private mutating func date() -> (iso: String?, printed: String?, PartialDate?) {
        let year = random.int(1900...1999)
        let month = random.int(1...12)
        let day = random.int(1...28)
        let kind = random.unit()
        let iso: String
        switch kind {
        case ..<0.80: iso = String(format: "%04d-%02d-%02d", year, month, day)
        case ..<0.90: iso = String(format: "%04d-%02d", year, month)
        case ..<0.95: iso = String(format: "%04d", year)
        case ..<0.98: iso = String(format: "%04d~", year)
        default: return (nil, "n.d.", nil)
        }
        let date = try! PartialDate.parse(iso)!
        return (iso, date.display, date)
    }

    private static let templates = [
        "Record of a Conversation between %P and %P",
        "Telegram from %P to %P",
        "Memorandum of %P on the Situation in %L",
        "Report by %P on the Korean Workers' Party",
        "Journal of %P",
        "Letter from %P to the Central Committee",
        "Minutes of the Meeting in %L",
        "Note on the Visit of %P to %L",
    ]
    private static let archives = [
        "Wilson Center Digital Archive", "Archive of Foreign Policy of the Russian Federation",
        "Russian State Archive of Contemporary History", "Polish Institute of National Remembrance",
        "National Archives of Hungary",
    ]
    private static let collections = [
        "North Korea in the Cold War", "The Korean War", "Sino-Soviet Relations", "China and the Korean War",
        "North Korean Nuclear History", "Inter-Korean Relations", "Cold War in Asia", "Soviet Foreign Policy",
    ]

    /// The next generated record.
    mutating func next() -> Item {
        count += 1
        var mentioned: [String] = []
        var placesUsed: [String] = []
        var title = random.pick(Self.templates)
        while let range = title.range(of: "%P") {
            let person = personSpelling()
            mentioned.append(person)
            title.replaceSubrange(range, with: person)
        }
        while let range = title.range(of: "%L") {
            let place = random.pick(random.pick(NameLists.places))
            placesUsed.append(place)
            title.replaceSubrange(range, with: place)
        }
        let titleWords = title.split(separator: " ").count
        let target = random.int(6...20)
        if titleWords < target { title += " " + words(target - titleWords).joined(separator: " ") }

        var summaryWords = words(random.int(30...120))
        for _ in 0..<random.int(0...3) {
            let person = personSpelling()
            mentioned.append(person)
            summaryWords.insert(person, at: random.int(0...summaryWords.count))
        }
        if random.chance(0.3) {
            let place = random.pick(random.pick(NameLists.places))
            placesUsed.append(place)
            summaryWords.insert(place, at: random.int(0...summaryWords.count))
        }
        if random.chance(0.05) { summaryWords.insert("August Plenum", at: random.int(0...summaryWords.count)) }
        let summary = summaryWords.joined(separator: " ") + "."
        let text = random.chance(0.2) ? words(random.int(100...300)).joined(separator: " ") + "." : ""
        let (iso, printed, partial) = date()

        var object: [String: JSONValue] = [
            "id": .string(String(format: "gen-%07d", count)),
            "title": .string(title), "summary": .string(summary),
            "archive": .string(random.pick(Self.archives)),
            "collections": .array([.string(random.pick(Self.collections))]),
            "people": .array(unique(mentioned).map(JSONValue.string)),
            "places": .array(unique(placesUsed).map(JSONValue.string)),
            "language": .string(random.pick(["Russian", "Korean", "Chinese", "Polish", "English"])),
        ]
        if !text.isEmpty { object["text"] = .string(text) }
        if let iso { object["date"] = .string(iso) }
        if let printed { object["date_text"] = .string(printed) }
        return Item(
            json: JSONValue.object(object).serialized(), title: title, summary: summary, text: text,
            dateMin: partial?.lowerBound, dateMax: partial?.upperBound)
    }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
