import CSL
import Citation
import Testing

/// Archival documents through the CSL processor and the bundled styles, against forms
/// checked by hand (Chicago's manuscript rules, MLA's and APA's, the Wilson Center's own
/// suggested citation) and, in PandocTests, against pandoc's citeproc with the same styles.
@Suite struct StyleTests {
    /// The first note, a later one, and the bibliography entry of `document` in `style`.
    static func rendered(_ document: CitedDocument, style: String) throws -> (full: String, short: String, entry: String) {
        let notes = try DocumentCitations(style: CSLStyles().documentStyle(style), documents: [document])
            .notes([DocumentCite(doc: document.id), DocumentCite(doc: "other"), DocumentCite(doc: document.id)])
        let entry = try DocumentCitations(style: CSLStyles().documentStyle(style, bibliography: true), documents: [document])
            .notes([DocumentCite(doc: document.id)])
        return (notes[0].text, notes[1].text, entry[0].text)
    }

    static let telegram = CitedDocument(
        id: "wca-1", title: "Telegram from A. Mikoyan to the CPSU Central Committee",
        date: CitationDate(year: 1956, month: 9, day: 22), archive: "Wilson Center Digital Archive",
        archiveRef: "AVPRF F. 0102, Op. 12, P. 68, Delo 5", collections: ["August Plenum Incident"],
        names: [("translator", [CitedName(family: "Goldberg", given: "Gary")])], originalLanguage: "Russian",
        url: "https://digitalarchive.wilsoncenter.org/document/120193")
    static let conversation = CitedDocument(
        id: "c", title: "Record of a Conversation between Soviet Embassy Counsellor S. Filatov and Pak Yeong-bin",
        date: CitationDate(year: 1956, month: 2, day: 25), archive: "Wilson Center Digital Archive")
    static let month = CitedDocument(
        id: "m", title: "Report on the plenum", date: CitationDate(year: 1956, month: 9),
        archive: "Wilson Center Digital Archive", archiveRef: "RGANI F. 5")
    static let year = CitedDocument(id: "y", title: "Report", date: CitationDate(year: 1956), archive: "National Archives")
    static let undated = CitedDocument(id: "n", title: "Undated report on the situation", archive: "National Archives")
    static let circa = CitedDocument(
        id: "ca", title: "Memorandum on the Korean question", date: CitationDate(year: 1950, isUncertain: true),
        archive: "National Archives")
    static let apostrophes = CitedDocument(
        id: "q", title: "Report on the 'August Plenum of the Korean Workers' Party'",
        date: CitationDate(year: 1956, month: 9, day: 1), archive: "Wilson Center Digital Archive")
    static let doubleQuotes = CitedDocument(
        id: "dq", title: "Report on the \"August Plenum\" of the KWP", date: CitationDate(year: 1956, month: 9, day: 1),
        archive: "Wilson Center Digital Archive")
    static let cyrillic = CitedDocument(
        id: "cy", title: "Записка Пузанова о положении в КНДР", date: CitationDate(year: 1957, month: 5, day: 2),
        archive: "АВП РФ")
    static let unpublished = CitedDocument(
        id: "u", title: "Notes from the meeting", date: CitationDate(year: 1956, month: 9, day: 20))
    static let allCaps = CitedDocument(
        id: "ac", title: "MEMORANDUM OF CONVERSATION WITH THE DPRK AMBASSADOR ON CPSU-KWP RELATIONS IN THE USSR",
        date: CitationDate(year: 1957), archive: "National Archives")

    @Test(arguments: [
        (
            telegram,
            "Gary Goldberg, trans., “Telegram from A. Mikoyan to the CPSU Central Committee,” August Plenum Incident, September 22, 1956, AVPRF F. 0102, Op. 12, P. 68, Delo 5, Wilson Center Digital Archive, https://digitalarchive.wilsoncenter.org/document/120193."
        ),
        (
            conversation,
            "“Record of a Conversation between Soviet Embassy Counsellor S. Filatov and Pak Yeong-bin,” February 25, 1956, Wilson Center Digital Archive."
        ),
        (month, "“Report on the Plenum,” September 1956, RGANI F. 5, Wilson Center Digital Archive."),
        (year, "“Report,” 1956, National Archives."),
        (undated, "“Undated Report on the Situation,” n.d., National Archives."),
        (circa, "“Memorandum on the Korean Question” [1950?], National Archives."),
        (
            apostrophes,
            "“Report on the ‘August Plenum of the Korean Workers’ Party,’” September 1, 1956, Wilson Center Digital Archive."
        ),
        (doubleQuotes, "“Report on the ‘August Plenum’ of the KWP,” September 1, 1956, Wilson Center Digital Archive."),
        (cyrillic, "“Записка Пузанова о положении в КНДР,” May 2, 1957, АВП РФ."),
        (unpublished, "“Notes from the Meeting,” unpublished manuscript, September 20, 1956."),
        (
            allCaps,
            "“Memorandum of Conversation with the DPRK Ambassador on CPSU-KWP Relations in the USSR,” 1957, National Archives."
        ),
    ])
    func chicagoNotes(document: CitedDocument, expected: String) throws {
        #expect(try Self.rendered(document, style: "chicago").full == expected)
    }

    @Test func chicagoShortNotesAndBibliography() throws {
        #expect(
            try Self.rendered(Self.telegram, style: "chicago").short
                == "Goldberg, “Telegram from A. Mikoyan to the CPSU Central Committee.”")
        #expect(
            try Self.rendered(Self.apostrophes, style: "chicago").short
                == "“Report on the ‘August Plenum of the Korean Workers’ Party.’”")
        #expect(
            try Self.rendered(Self.telegram, style: "chicago").entry
                == "Goldberg, Gary, trans. “Telegram from A. Mikoyan to the CPSU Central Committee.” August Plenum Incident. September 22, 1956. AVPRF F. 0102, Op. 12, P. 68, Delo 5. Wilson Center Digital Archive. https://digitalarchive.wilsoncenter.org/document/120193."
        )
        #expect(
            try Self.rendered(Self.undated, style: "chicago").entry
                == "“Undated Report on the Situation.” n.d. National Archives.")
        #expect(
            try Self.rendered(Self.circa, style: "chicago").entry
                == "“Memorandum on the Korean Question.” [1950?]. National Archives.")
        #expect(
            try Self.rendered(Self.month, style: "chicago").entry
                == "“Report on the Plenum.” September 1956. RGANI F. 5. Wilson Center Digital Archive.")
    }

    @Test(arguments: [
        (
            telegram,
            "Goldberg, Gary, translator. “Telegram from A. Mikoyan to the CPSU Central Committee.” 22 Sept. 1956, Wilson Center Digital Archive, AVPRF F. 0102, Op. 12, P. 68, Delo 5, https://digitalarchive.wilsoncenter.org/document/120193. August Plenum Incident."
        ),
        (circa, "“Memorandum on the Korean Question.” Circa 1950, National Archives."),
        (undated, "“Undated Report on the Situation.” National Archives."),
        (month, "“Report on the Plenum.” Sept. 1956, Wilson Center Digital Archive, RGANI F. 5."),
        (cyrillic, "“Записка Пузанова о положении в КНДР.” 2 May 1957, АВП РФ."),
        (unpublished, "“Notes from the Meeting.” 20 Sept. 1956."),
    ])
    func mlaEntries(document: CitedDocument, expected: String) throws {
        #expect(try Self.rendered(document, style: "mla").full == expected)
    }

    @Test(arguments: [
        (
            telegram,
            "Telegram from A. Mikoyan to the CPSU Central Committee (G. Goldberg, Trans.). (1956). Wilson Center Digital Archive (AVPRF F. 0102, Op. 12, P. 68, Delo 5). https://digitalarchive.wilsoncenter.org/document/120193"
        ),
        (circa, "Memorandum on the Korean question. (ca. 1950). National Archives."),
        (undated, "Undated report on the situation. (n.d.). National Archives."),
        (month, "Report on the plenum. (1956). Wilson Center Digital Archive (RGANI F. 5)."),
        // Straight quotation marks in a field are quotation marks, set as the locale's
        // outer ones outside a quoted title; the apostrophe of "Workers'" stays one.
        (apostrophes, "Report on the “August Plenum of the Korean Workers’ Party.” (1956). Wilson Center Digital Archive."),
        (unpublished, "Notes from the meeting. (1956). [Unpublished manuscript]."),
    ])
    func apaReferences(document: CitedDocument, expected: String) throws {
        #expect(try Self.rendered(document, style: "apa").full == expected)
    }

    @Test(arguments: [
        (
            telegram,
            "\"Telegram from A. Mikoyan to the CPSU Central Committee,\" September 22, 1956, Wilson Center Digital Archive, AVPRF F. 0102, Op. 12, P. 68, Delo 5. Translated by Gary Goldberg. https://digitalarchive.wilsoncenter.org/document/120193"
        ),
        (undated, "\"Undated report on the situation,\" National Archives."),
        (circa, "\"Memorandum on the Korean question,\" c. 1950, National Archives."),
        (doubleQuotes, "\"Report on the 'August Plenum' of the KWP,\" September 1, 1956, Wilson Center Digital Archive."),
        (CitedDocument(id: "bare", title: "Untitled note"), "\"Untitled note.\""),
        (
            CitedDocument(id: "t", title: "What is to be done?", names: [("translator", [CitedName(literal: "A. B.")])]),
            "\"What is to be done?\" Translated by A. B."
        ),
    ])
    func theArchivesOwnForm(document: CitedDocument, expected: String) throws {
        let rendered = try Self.rendered(document, style: "archive")
        #expect(rendered.full == expected)
        #expect(rendered.short == expected)
        #expect(rendered.entry == expected)
    }

    @Test(arguments: [
        ("the war in korea: a view from below", "The War in Korea: A View from Below"),
        ("notes on peng's visit to x and y", "Notes on Peng's Visit to x and y"),
        ("the anti-party group and self-criticism", "The Anti-Party Group and Self-Criticism"),
        ("memo re: the 'august group' (draft)", "Memo Re: The 'August Group' (Draft)"),
        ("what is to be done?", "What Is to Be Done?"),
        ("into the breach; over the top", "Into the Breach; over the Top"),
        ("iPhone and mcDonald stuff", "iPhone and mcDonald Stuff"),
        ("report of 1956 and 2nd plenum", "Report of 1956 and 2nd Plenum"),
    ])
    func headlineStyleIsCSLs(title: String, expected: String) {
        #expect(TitleText.headline(title) == expected)
    }

    @Test func allCapsTitlesKeepTheirAcronyms() {
        #expect(
            TitleText.fromAllCaps("TELEGRAM FROM SHTYKOV TO GROMYKO AND STALIN ON THE KPA")
                == "Telegram from Shtykov to Gromyko and Stalin on the KPA")
        #expect(TitleText.fromAllCaps("REPORT OF THE US-ROK TALKS, PART II") == "Report of the US-ROK Talks, Part II")
        #expect(TitleText.fromAllCaps("Report on the DPRK") == "Report on the DPRK")
        #expect(TitleText.fromAllCaps("USSR") == "USSR")
    }

    @Test(arguments: [
        ("Conversation with Pak Yeong-bin", "Conversation with Pak <span class=\"nocase\">Yeong-bin</span>"),
        ("Kim Il-sung to Mao Zedong, 1950", "Kim <span class=\"nocase\">Il-sung</span> to Mao Zedong, 1950"),
        ("Notes on (Pak Chang-ok)", "Notes on (Pak <span class=\"nocase\">Chang-ok</span>)"),
        ("Self-criticism of the anti-party group", "Self-criticism of the anti-party group"),
        ("Report on the Sino-Soviet Talks", "Report on the Sino-Soviet Talks"),
    ])
    func hyphenatedGivenNamesKeepTheirCaseInTitleCaseStyles(title: String, expected: String) {
        #expect(TitleText.protectingHyphenatedNames(title) == expected)
    }
}
