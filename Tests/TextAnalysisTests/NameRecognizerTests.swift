import Testing
import TextAnalysis

@Suite struct NameRecognizerTests {
    @Test func archiveTitlesNameTheirPeopleWithoutOfficesOrOrganisations() {
        #expect(
            NameRecognizer.recognize("Telegram from A. Mikoyan to the CPSU Central Committee")
                == RecognizedNames(people: ["Mikoyan"]))
        #expect(
            NameRecognizer.recognize("Record of a Conversation between Soviet Embassy Counsellor S. Filatov and Pak Yeong-bin")
                == RecognizedNames(people: ["Filatov", "Pak Yeong-bin"]))
        #expect(
            NameRecognizer.recognize("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 3 September 1957")
                == RecognizedNames(people: ["Puzanov"], places: ["DPRK"]))
        #expect(
            NameRecognizer.recognize(
                "Ciphered Telegram, Shtykov to Deputy Foreign Minister Andrei Gromyko and Instantsia (Stalin)"
            ).people
                .contains("Andrei Gromyko"))
        #expect(
            NameRecognizer.recognize(
                "Record of a Meeting between the Sino-Soviet Delegation and the Korean Workers' Party Presidium")
                == RecognizedNames())
        #expect(NameRecognizer.recognize("Minutes of the KWP CC Plenum Held on 23 September 1956") == RecognizedNames())
    }

    @Test func summariesNamePeopleOnceAndPlacesFromTheGazetteer() {
        let names = NameRecognizer.recognize(
            """
            Shtykov gives an insider’s report of a meeting with Kim Il Sung and Pak Heon-yeong, \
            in which they discussed the current desperate state of the KPA, possible advancement \
            of the US forces over the 38th parallel and the extent of the enemy’s knowledge of \
            Soviet Union deliveries to North Korea. Kim asks for advice concerning the appeal for \
            military aid that the Political Council of the Worker’s Party of Korea plans to send \
            to Stalin.
            """)
        #expect(names.people == ["Shtykov", "Kim Il Sung", "Pak Heon-yeong", "Stalin"])
        #expect(names.places == ["US", "Soviet Union", "North Korea", "Korea"])
    }

    @Test func sentenceStartsMonthsAndQuotedTitlesAreNotNames() {
        let names = NameRecognizer.recognize(
            """
            Both Mikoyan and Peng Dehuai urge the KWP Presidium to act before the August Plenum \
            Incident is repeated. Later, Puzanov meets with Pak Ui-wan. During the lunch they \
            discussed “The Further Strengthening of the Fight Against Reactionary Ideology”.
            """)
        #expect(names.people == ["Mikoyan", "Peng Dehuai", "Puzanov", "Pak Ui-wan"])
    }

    @Test func honorificsGoAndParticlesAndRegnalNumbersStay() {
        let names = NameRecognizer.recognize(
            "Met with Prime Minister Boris Johnson and Queen Elizabeth II. Visited Alexander von Humboldt in Berlin.")
        #expect(names.people == ["Boris Johnson", "Elizabeth II", "Alexander von Humboldt"])
        #expect(names.places == ["Berlin"])
    }

    @Test func namesWithDiacriticsAndApostrophesAreWholeWords() {
        let names = NameRecognizer.recognize("Ch'oe Yong-gŏn met Hruščov's envoy in P'yŏngyang.")
        #expect(names.people.contains("Ch'oe Yong-gŏn"))
        #expect(names.people.contains("Hruščov"))
    }
}
