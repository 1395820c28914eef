import DocumentStore
import Testing

/// A title and the writers and recipients it must give.
struct TitleReading: Sendable, CustomTestStringConvertible {
    var title: String
    var authors: [PersonName]
    var recipients: [PersonName]

    init(_ title: String, _ authors: [PersonName], _ recipients: [PersonName] = []) {
        self.title = title
        self.authors = authors
        self.recipients = recipients
    }

    var testDescription: String { title }
}

private func person(_ family: String, _ given: String? = nil) -> PersonName { PersonName(family: family, given: given) }
private func office(_ name: String) -> PersonName { PersonName(literal: name) }

/// Real titles, quoted as their sources print them: the sample archive's Wilson Center
/// records, the heads of the Office of the Historian's TEI files, and its records of FRUS
/// history and the Serial Set. The last few are written to the brief's patterns, for the
/// offices, honorifics and East Asian names the real ones do not all show.
private let readable: [TitleReading] = [
    // The sample archive.
    TitleReading(
        "Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium",
        [office("Sino-Soviet Delegation")], [office("Korean Workers' Party Presidium")]),
    TitleReading(
        "Record of a Conversation between Soviet Embassy Counsellor S. Filatov and Pak Yeong-bin",
        [person("Filatov", "S.")], [person("Pak", "Yeong-bin")]),
    TitleReading(
        "Telegram from A. Mikoyan to the CPSU Central Committee", [person("Mikoyan", "A.")],
        [office("CPSU Central Committee")]),
    TitleReading("Telegram from Shtykov to Gromyko and Stalin", [person("Shtykov")], [person("Gromyko"), person("Stalin")]),
    TitleReading(
        "Ciphered Telegram, Shtykov to Deputy Foreign Minister Andrei Gromyko and Instantsia (Stalin)",
        [person("Shtykov")], [person("Gromyko", "Andrei"), person("Stalin")]),

    // TEI heads, with the line breaks of the files.
    TitleReading("Richard W. Leopold to George F. Kennan", [person("Leopold", "Richard W.")], [person("Kennan", "George F.")]),
    TitleReading("L.E. Woodward to George F. Kennan", [person("Woodward", "L.E.")], [person("Kennan", "George F.")]),
    TitleReading("Freund to George F. Kennan", [person("Freund")], [person("Kennan", "George F.")]),
    TitleReading("George F. Kennan to Richard W. Leopold", [person("Kennan", "George F.")], [person("Leopold", "Richard W.")]),
    TitleReading(
        """
        Memorandum From William Z. Slany (Associate Historian for Western Hemisphere
                            and Europe) and Edwin S. Costrell (Associate Historian for Asia, Africa, and the
                            Pacific) to PA/HO Staff
        """,
        [person("Slany", "William Z."), person("Costrell", "Edwin S.")], [office("PA/HO Staff")]),
    TitleReading(
        """
        Memorandum From Ronald Spiers (Under Secretary of State for Management) to
                            Charles Redman (Assistant Secretary of State for Public Affairs)
        """,
        [person("Spiers", "Ronald")], [person("Redman", "Charles")]),

    // The Office of the Historian's records of FRUS history.
    TitleReading(
        "Memorandum From Bernard Noble to Melville Osborne, November 1958", [person("Noble", "Bernard")],
        [person("Osborne", "Melville")]),
    TitleReading(
        "Memorandum From Arthur Kogan to William Franklin, September 1972", [person("Kogan", "Arthur")],
        [person("Franklin", "William")]),
    TitleReading(
        "Memorandum From Fredrick Aandahl Through William Franklin to Carol Laise, November 1973",
        [person("Aandahl", "Fredrick")], [person("Laise", "Carol")]),
    TitleReading(
        "Memorandum From William Slany and Edwin Costrell to PA/HO Staff, October 1976",
        [person("Slany", "William"), person("Costrell", "Edwin")], [office("PA/HO Staff")]),
    TitleReading(
        "Action Memorandum From William Blair Through Lawrence Eagleburger to Henry Kissinger, November 1976",
        [person("Blair", "William")], [person("Kissinger", "Henry")]),
    TitleReading(
        "Letter From John Glennon to Gale W. Allen, September 1979", [person("Glennon", "John")],
        [person("Allen", "Gale W.")]),
    TitleReading(
        "Letter From Gale Allen to David Baehler, October 1979", [person("Allen", "Gale")], [person("Baehler", "David")]),
    TitleReading(
        "Memorandum From David Trask to the Historical Advisory Committee, January 1980", [person("Trask", "David")],
        [office("Historical Advisory Committee")]),
    TitleReading(
        "Letter From Thomas White to David Trask, July 1980", [person("White", "Thomas")], [person("Trask", "David")]),
    TitleReading(
        "Memorandum From Francis Terry McNamara and David Trask to William Dyess, March 1981",
        [person("McNamara", "Francis Terry"), person("Trask", "David")], [person("Dyess", "William")]),
    TitleReading(
        "Memorandum From N. Stephen Kane Through Paul Claussen and William Slany to David Trask, March 1981",
        [person("Kane", "N. Stephen")], [person("Trask", "David")]),
    TitleReading("Report From William Slany to Congress, July 1984", [person("Slany", "William")], [office("Congress")]),
    TitleReading(
        "Memorandum of Conversation Between Charles Redman and HAC Members, June 1988", [person("Redman", "Charles")],
        [office("HAC Members")]),
    TitleReading(
        "Information Memorandum From C. Edward Dillery to Ronald Spiers, August 1988", [person("Dillery", "C. Edward")],
        [person("Spiers", "Ronald")]),
    TitleReading(
        "Letter From William Webster to David Boren, June 1990", [person("Webster", "William")], [person("Boren", "David")]),
    TitleReading(
        "Draft Letter From W. Lee Rawls to Richard Darman, October 1990", [person("Rawls", "W. Lee")],
        [person("Darman", "Richard")]),
    // Kim is her given name: "Hoggard" is no romanized syllable.
    TitleReading(
        "Memorandum From Kim Hoggard to Ivan Selin, December 1990", [person("Hoggard", "Kim")], [person("Selin", "Ivan")]),
    TitleReading(
        "Telegram From the Embassy in Greece to the Department of State, August 2002", [office("Embassy in Greece")],
        [office("Department of State")]),
    TitleReading(
        "Instruction from William Seward to Charles Francis Adams", [person("Seward", "William")],
        [person("Adams", "Charles Francis")]),

    // The Serial Set: offices as senders, and a subject before the document's kind.
    TitleReading(
        "Message from the President of the United States to the two Houses of Congress, at the commencement of the first session of the Thirty-third Congress",
        [office("President of the United States")], [office("two Houses of Congress")]),
    TitleReading(
        "Message from the President of the United States, to both Houses of Congress, at the commencement of the second session of the Seventeenth Congress",
        [office("President of the United States")], [office("both Houses of Congress")]),
    TitleReading(
        "Texas boundary. Message from the President of the United States, in reference to the Texas boundary",
        [office("President of the United States")]),
    TitleReading(
        "Violation of the revenue laws. Letter from the Secretary of the Treasury to the chairman of the Committee on Commerce, on the subject of violations of the revenue laws, at the mouth of the Sabine River.",
        [office("Secretary of the Treasury")], [office("chairman of the Committee on Commerce")]),
    TitleReading(
        "Letter from the Secretary of State, to the Chairman of the Committee on Commerce, transmitting documents shewing the proceedings of the executive, hitherto, in negotiating with Great Britain in relation to the commercial intercourse between the United States and the British American colonies; and with France, in relation to the general commerce between that country and the United States.",
        [office("Secretary of State")], [office("Chairman of the Committee on Commerce")]),
    TitleReading(
        "Restoration of deserters. Letter from the Chevalier Huygens to the Secretary of State, accompanying a Bill (No. 97), To Provide for the Restoration of Deserters from Foreign Vessels within the Jurisdiction of the United States.",
        [person("Huygens")], [office("Secretary of State")]),
    TitleReading(
        "International exchange. Letter from A. Vattemare, on the subject of a system of international exchange",
        [person("Vattemare", "A.")]),
    TitleReading(
        "J.P. Cook, Esq. Letter from the Secretary of State, asking an appropriation for the compensation of J.P. Cook, for services as United States Marshal to the consular court at Canton",
        [office("Secretary of State")]),
    TitleReading(
        "Receipts and expenditures of consulates in China. Letter from the legation of the United States in China, relative to the receipts and expenditures of the consulates in China, &c.",
        [office("legation of the United States in China")]),
    TitleReading(
        "Consulates of China. Letter from the American charge d'affaires in China, transmitting letters from consuls in reply to circulars addressed to them, &c",
        [office("American charge d'affaires in China")]),
    TitleReading(
        "Reciprocity of trade with Canada. Letter from the Governor of Vermont, transmitting resolutions of the legislature of that state on the subject of reciprocal trade with the British North American colonies",
        [office("Governor of Vermont")]),

    // The brief's patterns, for what the real titles above do not show.
    TitleReading(
        "Letter from Dr. Robert T. Oliver to Syngman Rhee", [person("Oliver", "Robert T.")], [person("Rhee", "Syngman")]),
    TitleReading(
        "Telegram from Soviet Ambassador to the DPRK A.M. Puzanov to the USSR Foreign Ministry",
        [person("Puzanov", "A.M.")], [office("USSR Foreign Ministry")]),
    TitleReading(
        "Telegram from the Soviet Ambassador to the USSR Foreign Ministry", [office("Soviet Ambassador")],
        [office("USSR Foreign Ministry")]),
    TitleReading(
        "Letter from President Hu Jintao to Chairman Mao Zedong", [person("Hu", "Jintao")], [person("Mao", "Zedong")]),
    TitleReading("Memorandum from Secretary of State Dulles to the President", [person("Dulles")], [office("President")]),
    TitleReading(
        "Letter from Comrade Kim Il Sung to N.S. Khrushchev, 3 September 1957", [person("Kim", "Il Sung")],
        [person("Khrushchev", "N.S.")]),
    TitleReading(
        "Note from V. V. Kuznetsov to the Soviet Embassy in Pyongyang", [person("Kuznetsov", "V. V.")],
        [office("Soviet Embassy in Pyongyang")]),
    TitleReading(
        "Telegram from Mao Zedong's Office to Peng Dehuai", [office("Mao Zedong's Office")], [person("Peng", "Dehuai")]),
    TitleReading(
        "Letter from Chiang Kai-shek to Syngman Rhee regarding the armistice", [person("Chiang", "Kai-shek")],
        [person("Rhee", "Syngman")]),
    TitleReading("Telegram from Filippov (Stalin) to Mao Zedong", [person("Stalin")], [person("Mao", "Zedong")]),
    TitleReading(
        "Letter from Stalin to Kim Il Sung, Pak Heon-yeong and Mao Zedong", [person("Stalin")],
        [person("Kim", "Il Sung"), person("Pak", "Heon-yeong"), person("Mao", "Zedong")]),
    TitleReading("Letter to Stalin from Kim Il Sung", [person("Kim", "Il Sung")], [person("Stalin")]),
    TitleReading(
        "Telegram from Mao Zedong to Stalin Conveying the Chinese Decision", [person("Mao", "Zedong")], [person("Stalin")]),
    TitleReading(
        "Memorandum From the Assistant Secretary of State for Far Eastern Affairs (Robertson) to the Secretary of State",
        [person("Robertson")], [office("Secretary of State")]),
    TitleReading(
        "Top Secret Telegram from Ambassador to China Yudin to Khrushchev on 3 October 1957", [person("Yudin")],
        [person("Khrushchev")]),
    TitleReading(
        "Letter from Ch'oe Yong-gŏn to Kim Tu-bong in Moscow", [person("Ch'oe", "Yong-gŏn")], [person("Kim", "Tu-bong")]),
    TitleReading(
        "Dispatch No. 45 from the Embassy in Seoul to the Department of State (1953)", [office("Embassy in Seoul")],
        [office("Department of State")]),
]

/// Titles that name no one, or no one that can be read with confidence: a reading would
/// be a guess, and a wrong name costs more than none.
private let unreadable: [String] = [
    // The sample archive: minutes, and the ambassador's diary (which names its writer but
    // no one it was written to, and is not correspondence).
    "Minutes of the KWP CC Plenum Held on 23 September 1956",
    "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 3 September 1957",
    "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 16 May 1957",
    "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 2 May 1957",
    // The brief's examples.
    "Report on the Plenum",
    "Record of a Meeting of the Presidium",
    "Telegram",
    "Memorandum on the Korean question",
    "Report to the Congress on the Mutual Security Program",
    "Visit of Prime Minister Nehru",
    "Address by the President to the Nation",
    "Notes from the meeting",
    // The Office of the Historian's records: correspondence both ways, conversations among
    // many, meetings, and "to" that joins no sender to a recipient.
    "Correspondence Between Richard Leopold and George Kennan, February-March 1957",
    "Transcript of Historical Advisory Committee Meeting, November 1958",
    "Clarence Berdahl Report on Consultantship in the Historical Office, August 1961",
    "Record of Historical Advisory Committee Meeting, November 1968",
    "Memorandum of Conversation Among HO and CIA Officials, August 1979",
    "Meeting Between Henry Kissinger and the HAC, November 1976",
    "Summary of Unofficial Meeting Between HAC Members and Department Officials, July 1990",
    "Annex to Minutes of Historical Advisory Committee Meeting, November 1975",
    "Mission to Panama.",
    "Canal -- Atlantic to Pacific",
    "Roosevelt Corollary to the Monroe Doctrine, 1904",
    "The Bullitt Mission to Soviet Russia, 1919",
    "Lend-Lease and Military Aid to the Allies in the Early Years of World War II",
    "Interest to the State of New Hampshire. (To accompany Bill No. 449.)",
    "Commodore Robert W. Shufeldt’s Voyage to Africa, the Middle East, and Asia, 1878–1880",
    "International Reaction to Lincoln’s Death",
    "Elliott Woodbury and Ezra Foster",
    "Lewis E. Simonds. (To accompany Bill H.R. No. 434.)",
    "Joseph R. Biden: London, Cornwall, United Kingdom",
    "President John Kufuor (Ghana)",
    "@HistoryAtState tweet citing frus1969-76v31/d122",
    "Memorial of the inhabitants of Boston, on the subject of the Greeks.",
    // "Message of" and "Report of" may name a sender or a subject; only "from" is read.
    "Report of the committee upon the expenses under the 4th, 5th, 6th, and 7th articles of the Treaty of Ghent.",
    // A sender and then a letter to someone else: the recipient may be the document's.
    "James Keenan, United States Consul at Hong Kong. Letter from the Secretary of State, transmitting a letter addressed to Geo. W. Hopkins, Chairman of the Committee on Foreign Affairs, relative to the claim of James Keenan, United States Consul at Hong Kong, for expenses incurred in defending himself against suits brought in the colonial courts, and for expenses for the relief of American citizens",
    "Message from the President of the United States, communicating translations of letters from the minister of Spain to the Secretary of State, received since the message of the 9th instant.",
    // An office cut short by a word written small: no name rather than "President of the United".
    "Message from the President of the United states, to the two Houses of Congress, at the commencement of the second session of the Thirty-first Congress",
    // "from" a place or a thing, and names that only look like people.
    "Telegram from Beijing to Moscow",
    "Letter from Birmingham Jail",
    "Notes from Underground",
    "Telegram from Yudin, Beijing, to Moscow",
    "Letter from Prime Minister John Major to Boris Yeltsin",
    "Letter from Gromyko of the Foreign Ministry to Kim Il Sung",
    "Record of a Conversation with Kim Il Sung",
    "Record of a Conversation between Mao Zedong, Zhou Enlai and Stalin",
    "Ode to Billy Joe",
]

@Suite struct TitleContributorsTests {
    @Test(arguments: readable)
    func readsWritersAndRecipients(_ expected: TitleReading) throws {
        let reading = try #require(TitleContributors.read(expected.title))
        #expect(reading.authors == expected.authors)
        #expect(reading.recipients == expected.recipients)
    }

    @Test(arguments: unreadable)
    func givesNothingWhenNoNameReadsWithConfidence(_ title: String) {
        #expect(TitleContributors.read(title) == nil)
    }

    /// Whatever a title gives, no name is empty, a date, a number, a document's kind or a
    /// lone word such as "the".
    @Test(
        arguments: readable.map(\.title) + unreadable + [
            "Telegram from Kim Il Sung to the", "Letter from to Stalin", "Letter from 3 September 1957 to Kim Il Sung",
            "Memorandum from Memorandum to Telegram", "Letter, 1956", "Note from the Ministry of to", "from X to Y",
            "Telegram from Shtykov to", "Letter from (Stalin) to Mao", "Letter from Kim and to Mao", "", "  ",
        ])
    func namesAreNeverEmptyDatesNumbersOrKinds(_ title: String) {
        guard let reading = TitleContributors.read(title) else { return }
        for name in reading.authors + reading.recipients {
            let display = name.display
            #expect(!display.isEmpty)
            #expect(!display.contains { $0.isNumber })
            #expect(!["memorandum", "telegram", "letter", "the", "to", "from", "and", "of"].contains(display.lowercased()))
        }
        #expect(!reading.authors.isEmpty)
    }

    @Test func aTitleThatIsNotAllNamesGivesNoHalfReading() {
        // The sender reads, the recipient does not: nothing rather than the sender alone.
        #expect(TitleContributors.read("Telegram from Shtykov to the Ministry's man in Moscow") == nil)
        #expect(TitleContributors.read("Letter from Kim Il Sung and a friend to Stalin") == nil)
    }
}
