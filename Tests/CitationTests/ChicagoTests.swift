import Citation
import Testing

@Suite struct ChicagoTests {
    let telegram = CitedDocument(
        id: "wca-1", title: "Telegram from A. Mikoyan to the CPSU Central Committee",
        date: CitationDate(year: 1956, month: 9, day: 22), archive: "Wilson Center Digital Archive",
        archiveRef: "AVPRF F. 0102, Op. 12, P. 68, Delo 5", collections: ["August Plenum Incident"],
        translator: "Gary Goldberg", originalLanguage: "Russian",
        url: "https://digitalarchive.wilsoncenter.org/document/120193")

    @Test func aFullNoteCarriesEveryArchivalElementInOrder() {
        #expect(Chicago.note(telegram)
            == "“Telegram from A. Mikoyan to the CPSU Central Committee,” September 22, 1956, AVPRF F. 0102, Op. 12, P. 68, Delo 5, August Plenum Incident, Wilson Center Digital Archive. Translated by Gary Goldberg from the Russian. https://digitalarchive.wilsoncenter.org/document/120193.")
        #expect(Chicago.shortNote(telegram) == "“Telegram from A. Mikoyan,” September 22, 1956.")
        #expect(Chicago.bibliography(telegram)
            == "“Telegram from A. Mikoyan to the CPSU Central Committee.” September 22, 1956. AVPRF F. 0102, Op. 12, P. 68, Delo 5. August Plenum Incident, Wilson Center Digital Archive. Translated by Gary Goldberg from the Russian. https://digitalarchive.wilsoncenter.org/document/120193.")
    }

    @Test func missingFieldsLeaveNoStrayPunctuation() {
        let bare = CitedDocument(id: "x", title: "Note on the Plenum")
        #expect(Chicago.note(bare) == "“Note on the Plenum,” n.d.")
        #expect(Chicago.bibliography(bare) == "“Note on the Plenum.” n.d.")
    }

    @Test(arguments: [
        (CitationDate(year: 1956, month: 9), "September 1956"),
        (CitationDate(year: 1956), "1956"),
        (CitationDate(year: 1950, isUncertain: true), "c. 1950"),
    ])
    func partialAndUncertainDates(date: CitationDate, text: String) {
        #expect(date.monthDayYear == text)
        #expect(Chicago.shortNote(CitedDocument(id: "x", title: "Report", date: date)) == "“Report,” \(text).")
    }

    @Test func quotationMarksInATitleTurnSingle() {
        let document = CitedDocument(id: "x", title: "Report on the \"August Plenum\" of the KWP")
        #expect(Chicago.note(document) == "“Report on the ‘August Plenum’ of the KWP,” n.d.")
        let question = CitedDocument(id: "y", title: "Who Called the Plenum?")
        #expect(Chicago.note(question) == "“Who Called the Plenum?” n.d.")
    }
}
