import DocumentStore
import Foundation
import TestSupport
import Testing

/// Names spelled the ways archives spell them, most of them not in
/// `../shared/corpus/name-variants.tsv`, with common words that fold close to them.
private let records = """
    {"id":"kor-1","title":"Kim Tu-bong speaks to the Presidium","date":"1956-08-30","summary":"Kim Tu-bong defends the accused."}
    {"id":"kor-2","title":"Note on Kim Du-bong","date":"1956-09-01","summary":"Kim Du-bong was removed from his posts."}
    {"id":"kor-3","title":"Statement of Ch'oe Ch'ang-ik","date":"1956-08-30","summary":"Ch'oe Ch'ang-ik criticised the leadership."}
    {"id":"kor-4","title":"Report on Choe Chang-ik","date":"1956-09-03","summary":"Choe Changik left Pyongyang."}
    {"id":"kor-5","title":"Ho Ka-i and the Party","date":"1953-07-02","summary":"Ho Ka-i was criticised."}
    {"id":"kor-6","title":"허가이 문건","date":"1953-07-03","summary":"Heo Ga-i in the Hangul records."}
    {"id":"kor-7","title":"Kim Il Sung meets the delegation","date":"1956-09-19","summary":"Kim Il Sung received them."}
    {"id":"kor-8","title":"Telegram on Kim Il-sŏng","date":"1956-09-20","summary":"Kim Il-sŏng agreed."}
    {"id":"kor-9","title":"President Park Chung Hee visits Washington","date":"1965-05-17","summary":"Park Chung Hee met the President."}
    {"id":"kor-10","title":"Note on Pak Chŏng-hŭi","date":"1965-05-20","summary":"Pak Chŏng-hŭi returned to Seoul."}
    {"id":"kor-11","title":"President Roh Tae-woo (Korea)","date":"1989-10-16","summary":"Roh Tae-woo spoke."}
    {"id":"kor-12","title":"No T'ae-u on reunification","date":"1990-01-02","summary":"A speech by No T'ae-u."}
    {"id":"chn-1","title":"Teng Hsiao-p'ing in Moscow","date":"1956-09-25","summary":"Teng Hsiao-p'ing met the Soviet leaders."}
    {"id":"chn-2","title":"Deng Xiaoping visits","date":"1979-01-29","summary":"Deng Xiaoping toured Texas."}
    {"id":"chn-3","title":"Chou En-lai at Geneva","date":"1954-06-01","summary":"Chou En-lai spoke."}
    {"id":"chn-4","title":"Zhou Enlai at Bandung","date":"1955-04-20","summary":"Zhou Enlai spoke."}
    {"id":"rus-1","title":"Molotov on Korea","date":"1953-03-10","summary":"Molotov wrote to the embassy."}
    {"id":"rus-2","title":"Bericht über Molotow","date":"1953-03-12","summary":"Molotow sprach."}
    {"id":"rus-3","title":"Молотов о Корее","date":"1953-03-13","summary":"Молотов писал."}
    {"id":"rus-4","title":"Gromyko to Stalin","date":"1950-09-30","summary":"Gromyko reports."}
    {"id":"rus-5","title":"Gromkyo to the embassy","date":"1950-10-02","summary":"A report signed Gromkyo."}
    {"id":"eng-1","title":"A song of the harvest","date":"1956-10-01","summary":"The workers sung a song about being in the fields."}
    {"id":"eng-2","title":"Being and time in the archives","date":"1957-01-01","summary":"Notes on being a historian."}
    {"id":"eng-3","title":"Beijing talks","date":"1989-05-15","summary":"Talks in Beijing."}
    """

@Suite struct NameSearchTests {
    private let store: DocumentStore
    private let file: URL

    init() throws {
        file = Fixtures.temporaryFolder().appendingPathComponent("store.sqlite")
        store = try DocumentStore.open(at: file)
        _ = try store.importFile(at: Fixtures.write(records, named: "names.jsonl"))
    }

    @Test func aStoreKeyedByOlderRulesIsKeyedAgainWhenOpened() throws {
        // As if written by a version with other rules: no keys, an older rules version.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [
            file.path, "DELETE FROM vocabulary_key; DELETE FROM name_spelling; UPDATE vocabulary_rules SET version = 0;",
        ]
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(try ids("Kim Du-bong") == ["kor-2"])
        let reopened = try DocumentStore.open(at: file)
        #expect(Set(try reopened.search(reopened.query("Kim Du-bong"), limit: 5).hits.map(\.record.id)) == ["kor-1", "kor-2"])
    }

    @Test func aQueryParsedAgainFromWhatEarlierOnesFoundOutIsTheSame() throws {
        // The second parse of each answers from what the first read (no reading at all for
        // words whose answers are remembered); a store opened afresh remembers nothing.
        let queries = [
            "song", "being", "sung", "beijing", "Beijing", "Kim Tu-bong", "person:kim", "harvest -song", "zzyzx",
            "Molotov OR song", "\"Kim Il Sung\"", "year:1956 song", "no", "tubong",
        ]
        let first = try queries.map { try store.query($0) }
        let again = try queries.map { try store.query($0) }
        let fresh = try DocumentStore.open(at: file)
        #expect(again == first)
        #expect(try queries.map { try fresh.query($0) } == first)
        // An import that brings a word in, as a name, forgets what was found out about it.
        _ = try store.importFile(
            at: Fixtures.write(
                (1...6).map {
                    #"{"id":"t-\#($0)","title":"Letter from \#($0 % 2 == 0 ? "Tubong" : "Dubong") to the Party","summary":"Then Tubong wrote again."}"#
                }
                .joined(separator: "\n") + "\n",
                named: "tubong.jsonl"))
        let learnt = try store.query("tubong")
        #expect(learnt != first[13] && !learnt.expansions.isEmpty, "\(learnt)")
        #expect(learnt == (try DocumentStore.open(at: file).query("tubong")))
    }

    private func ids(_ query: String, exact: Bool = false) throws -> [String] {
        try store.search(store.query(query, exact: exact), limit: 50).hits.map(\.record.id)
    }

    @Test(arguments: [
        (["Kim Tu-bong", "Kim Du-bong", "Kim Dubong", "Kim Tubong"], ["kor-1", "kor-2"]),
        (["Ch'oe Ch'ang-ik", "Choe Chang-ik", "Choe Changik", "Ch’oe Chang Ik"], ["kor-3", "kor-4"]),
        (["Ho Ka-i", "Heo Ga-i", "허가이"], ["kor-5", "kor-6"]),
        (["Kim Il Sung", "Kim Il-sŏng", "Kim Ilsung", "Kim Il-song"], ["kor-7", "kor-8"]),
        (["Teng Hsiao-p'ing", "Deng Xiaoping", "Teng Hsiaoping", "邓小平", "鄧小平"], ["chn-1", "chn-2"]),
        (["Chou En-lai", "Zhou Enlai"], ["chn-3", "chn-4"]),
        (["Park Chung Hee", "Pak Chŏng-hŭi", "Pak Chong-hui", "Park Chung-hee"], ["kor-9", "kor-10"]),
        // "No" is also a word, so typed it is not varied; Roh is, and finds No T'ae-u.
        (["Roh Tae-woo", "Roh T'ae-u"], ["kor-11", "kor-12"]),
        (["Molotov", "Molotow", "Молотов"], ["rus-1", "rus-2", "rus-3"]),
    ])
    func everySpellingFindsEveryDocumentAndNoOther(_ spellings: [String], _ expected: [String]) throws {
        for spelling in spellings {
            let found = try ids(spelling)
            #expect(Set(found) == Set(expected), "searching \(spelling): \(found)")
        }
    }

    @Test func theSpellingTypedRanksFirst() throws {
        #expect(try ids("Kim Du-bong").first == "kor-2")
        #expect(try ids("Kim Tu-bong").first == "kor-1")
        #expect(try ids("Zhou Enlai").first == "chn-4")
        #expect(try ids("Chou En-lai").first == "chn-3")
    }

    @Test func pagesWalkThroughTheTiersInOrder() throws {
        for text in ["Gromyko", "Molotov", "Kim Il Sung", "Zhou Enlai", "Molotov year:1953", "Kim Tu-bong after:1956-08-31"] {
            let query = try store.query(text)
            let all = try store.search(query, limit: 50)
            var paged: [String] = []
            for offset in 0..<all.total {
                let page = try store.search(query, limit: 1, offset: offset)
                #expect(page.total == all.total, "\(text) at \(offset)")
                paged += page.hits.map(\.record.id)
            }
            #expect(paged == all.hits.map(\.record.id), "paging through \(text)")
            #expect(try store.search(query, limit: 5, offset: all.total).hits.isEmpty)
        }
        #expect(try ids("Kim Tu-bong after:1956-08-31") == ["kor-2"])
    }

    @Test func exactAndEqualsSignTurnVariantsOff() throws {
        #expect(try ids("Kim Du-bong", exact: true) == ["kor-2"])
        #expect(try ids("Kim =Du-bong") == ["kor-2"])
        #expect(try ids("=\"Zhou Enlai\"") == ["chn-4"])
    }

    @Test func quotesMakeAPhraseButKeepVariants() throws {
        #expect(Set(try ids("\"Kim Il-sŏng\"")) == ["kor-7", "kor-8"])
        #expect(Set(try ids("\"Kim Tu-bong defends\"")) == ["kor-1"])
    }

    @Test func wordsAfterPersonAndPlaceAreNamesWhateverTheirCase() throws {
        #expect(Set(try ids("person:molotow")) == ["rus-1", "rus-2", "rus-3"])
        // Typed in lower case, a word the documents write as a name is one.
        #expect(Set(try ids("molotow")) == ["rus-1", "rus-2", "rus-3"])
        #expect(Set(try ids("kim du-bong")) == ["kor-1", "kor-2"])
        // A word they write in lower case is not (being, song).
        #expect(Set(try ids("being")) == ["eng-1", "eng-2"])
    }

    @Test func commonWordsStayCommonWords() throws {
        // Lower-case, "song" is the word: not Kim Il Sung (il-sŏng folds to it in any index).
        #expect(!(try ids("song")).contains("kor-7"))
        #expect(try ids("Beijing") == ["eng-3"])
        #expect(Set(try ids("being")) == ["eng-1", "eng-2"])
    }

    @Test func aNameOneLetterOffMatchesBelowTheRestAndIsMarked() throws {
        let page = try store.search(store.query("Gromyko"), limit: 10)
        #expect(page.hits.map(\.record.id) == ["rus-4", "rus-5"])
        #expect(page.hits.map(\.matched) == [nil, .nearSpelling])
        let reasons = page.query.reasons(for: page.hits[1].record).map(\.sentence)
        #expect(reasons == ["'Gromyko' ~ 'Gromkyo': one letter off"])
        // Names of six letters or more only: a five-letter name one letter off is another.
        #expect(try ids("Molotv") == ["rus-1"])
        #expect(try ids("Ka-o").isEmpty)
    }

    @Test func aQueryWithNoHitsSuggestsTheName() throws {
        #expect(try ids("Gromykoff~").count >= 1)
        #expect(try ids("Moltoova").isEmpty)
        #expect(try store.suggestion(for: "Moltoova") == "Molotov")
        #expect(try store.suggestion(for: "Molotov") == nil)
    }

    @Test func reasonsNameTheSpellingAndTheRule() throws {
        let query = try store.query("Kim Du-bong")
        let other = try #require(try store.record(id: "kor-1"))
        #expect(query.reasons(for: other).map(\.sentence) == ["'Kim Du-bong' ~ 'Kim Tu-bong': McCune–Reischauer"])
        let typed = try #require(try store.record(id: "kor-2"))
        #expect(query.reasons(for: typed).isEmpty)
        let hangul = try store.query("Ho Ka-i")
        #expect(hangul.reasons(for: try #require(try store.record(id: "kor-6"))).map(\.rule).contains("Revised Romanization"))
        let russian = try store.query("Molotov")
        #expect(
            russian.reasons(for: try #require(try store.record(id: "rus-3"))).map(\.sentence) == [
                "'Molotov' ~ 'Молотов': Cyrillic"
            ])
    }
}
