/// The word lists `NameRecognizer` needs to tell names from the other capitalized words of
/// archival titles and summaries. Every entry is lower-case and folded (no diacritics).
enum NameLexicon {
    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    /// Words that introduce a name and are not part of it: honorifics, ranks and offices.
    static let titles = words(
        """
        mr mrs ms miss dr sir lord lady madame monsieur herr frau comrade comrades tovarishch
        ambassador ambassadors counsellor counselor councillor consul envoy attache charge
        president premier prime minister ministers chairman chairwoman chair secretary
        general generalissimo marshal admiral colonel col captain capt lieutenant lt major
        sergeant commander commandant gen amb deputy vice acting first second third
        king queen prince princess emperor empress crown sultan sheikh shaikh emir amir shah
        pope cardinal bishop archbishop patriarch rev reverend father chancellor senator
        governor representative rep congressman congresswoman professor prof director
        adviser advisor delegate mayor speaker chief justice judge leader head officer
        undersecretary under assistant special envoy attaché colleague chargé
        """)

    /// Words that make the capitalized phrase they are in an organisation, a document, an
    /// event or a nationality rather than a person.
    static let nonNames = words(
        """
        record records conversation conversations meeting meetings telegram telegrams
        cable cables letter letters memorandum memo minutes journal diary note notes report
        reports message messages statement statements speech speeches resolution
        resolutions decision decisions excerpt excerpts information draft summary
        transcript protocol directive instruction instructions ciphered secret top
        document documents appendix annex attachment enclosure list table map
        party parties committee committees central workers worker presidium politburo
        council councils embassy embassies ministry ministries department office
        government governments assembly congress senate house houses bureau commission
        delegation delegations army armies navy forces force union republic republics
        democratic people peoples socialist communist communists soviet soviets
        international national state states federal royal imperial summit conference
        plenum incident affairs foreign military security intelligence agency service
        staff joint chiefs organization organisation treaty pact agreement front league
        group association society university institute academy archive archives library
        museum center centre fund bank company corporation press news radio times post
        herald tribune ocean sea river mountains mountain island islands peninsula bay
        gulf lake canal strait parallel line zone region province city county district
        street square palace hall hotel airport station day week year war wars revolution
        movement campaign plan program programme project operation act bill law
        constitution declaration charter doctrine initiative affair crisis question
        problem issue policy economy economic trade aid assistance relations cooperation
        cooperative talks negotiations session visit visits prize award order medal church
        temple mosque cc kwp cpsu ccp kpa pla cpv un nato unc sed pzpr
        political politics social cultural agricultural industrial labor labour
        liberation independence unification reunification armistice ceasefire truce
        division regiment battalion brigade corps fleet command headquarters
        western eastern northern southern middle far near upper lower greater new old
        great grand holy saint st
        """)

    /// Nationalities and other adjectives of place, which stand before names ("Soviet
    /// Ambassador", "Chinese People's Volunteers") without being one.
    static let demonyms = words(
        """
        american americans british english french german germans russian russians
        chinese japanese korean koreans polish pole poles hungarian hungarians
        czechoslovak czechoslovakian czech czechs slovak romanian rumanian bulgarian
        yugoslav yugoslavian albanian mongolian vietnamese cuban cubans indian indians
        pakistani indonesian burmese thai cambodian laotian filipino philippine
        australian canadian mexican brazilian argentine argentinian chilean peruvian
        italian spanish portuguese dutch belgian swiss austrian swedish norwegian danish
        finnish icelandic irish scottish welsh greek turkish turk turks iranian persian
        iraqi syrian lebanese israeli jewish arab arabs arabian egyptian jordanian saudi
        libyan algerian moroccan tunisian ethiopian somali kenyan nigerian congolese
        african asian asians european europeans latin sino sino-soviet sino-korean
        soviet-korean korean-soviet afghan ukrainian belarusian georgian armenian
        estonian latvian lithuanian taiwanese manchurian siberian tibetan uzbek kazakh
        allied allies western eastern bolshevik bolsheviks marxist leninist stalinist
        maoist nationalist nationalists republican republicans democrat democrats
        catholic protestant orthodox muslim buddhist christian north south east west
        """)

    /// Words that start sentences or fill titles with a capital letter without naming
    /// anyone: function words, months, days, common verbs and nouns of summaries.
    static let commonWords = words(
        """
        the a an and or but nor so yet if then than that this these those there here
        in on at of for to from by with without within into onto upon over under after
        before during since until till between among amid against about above below
        across along around behind beyond near through throughout toward towards via per
        as also both either neither each every all any some many most much more less few
        several such other another same own only just even still already again once
        not no yes none nothing something everything he she it they we i you his her its
        their our my your him them us me who whom whose which what where when why how
        while although though because however meanwhile moreover furthermore therefore
        thus hence instead later earlier then afterwards finally first second third
        following according regarding concerning including despite unlike like
        january february march april may june july august september october november
        december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
        wednesday thursday friday saturday sunday today yesterday tomorrow
        one two three four five six seven eight nine ten hundred thousand million
        met attended accompanied briefed discussed visited signed received held hosted
        opened stopped spoke gave traveled travelled presented addressed toured
        participated represented negotiated conferred consulted delivered made took sent
        told went came saw left said says asks asked reports reported notes noted
        describes described explains explained informs informed expresses expressed
        discusses agrees agreed meets remarks stresses urges suggests comments
        private official unofficial informal formal state working personal
        further fight against strengthening reactionary bourgeois ideology literature
        is are was were be been being has have had do does did will would shall should
        can could may might must mine
        """)

    /// Countries, capitals and other places of twentieth-century diplomatic and archival
    /// records, by the names English-language archives print. Several words are allowed:
    /// the recognizer tries the longest first.
    static let places: [String] = """
        Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|
        Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Bulgaria|Burma|Cambodia|Cameroon|
        Canada|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czechoslovakia|Czech Republic|
        Denmark|Ecuador|Egypt|El Salvador|Estonia|Ethiopia|Finland|France|Georgia|Germany|
        East Germany|West Germany|Ghana|Greece|Guatemala|Guinea|Haiti|Honduras|Hungary|
        Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|
        Kazakhstan|Kenya|Korea|North Korea|South Korea|Kuwait|Laos|Latvia|Lebanon|Liberia|
        Libya|Lithuania|Luxembourg|Malaysia|Mali|Malta|Mexico|Mongolia|Morocco|Mozambique|
        Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|Norway|Oman|Pakistan|
        Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Rumania|Russia|
        Saudi Arabia|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|Spain|
        Sri Lanka|Ceylon|Sudan|Sweden|Switzerland|Syria|Taiwan|Formosa|Tanzania|Thailand|
        Siam|Tibet|Tunisia|Turkey|Uganda|Ukraine|United Kingdom|Great Britain|Britain|
        England|Scotland|Wales|United States|United States of America|America|Uruguay|
        Uzbekistan|Venezuela|Vietnam|Viet Nam|North Vietnam|South Vietnam|Yemen|Yugoslavia|
        Zaire|Zambia|Zimbabwe|Soviet Union|Manchuria|Siberia|Europe|Asia|Africa|
        Middle East|Far East|Latin America|Eastern Europe|Western Europe|Indochina|
        Pyongyang|Seoul|Kaesong|Panmunjom|Panmunjeom|Wonsan|Hamhung|Hamheung|Sinuiju|
        Chongjin|Nampo|Inchon|Incheon|Pusan|Busan|Taegu|Daegu|Moscow|Leningrad|
        Petersburg|St. Petersburg|Vladivostok|Khabarovsk|Kiev|Kyiv|Minsk|Tashkent|
        Beijing|Peking|Peiping|Shanghai|Nanjing|Nanking|Shenyang|Mukden|Harbin|Dalian|
        Dairen|Port Arthur|Lushun|Andong|Dandong|Canton|Guangzhou|Wuhan|Chongqing|
        Chungking|Yan'an|Yenan|Hong Kong|Macao|Taipei|Tokyo|Osaka|Kyoto|Hiroshima|
        Washington|New York|London|Paris|Berlin|East Berlin|West Berlin|Bonn|Vienna|
        Warsaw|Prague|Budapest|Bucharest|Sofia|Belgrade|Tirana|Ulaanbaatar|Ulan Bator|
        Hanoi|Saigon|Phnom Penh|Vientiane|Rangoon|Yangon|Bangkok|Jakarta|Manila|
        New Delhi|Delhi|Karachi|Tehran|Teheran|Baghdad|Damascus|Beirut|Cairo|Jerusalem|
        Tel Aviv|Amman|Riyadh|Ankara|Istanbul|Athens|Rome|Madrid|Lisbon|Brussels|
        Amsterdam|The Hague|Geneva|Bern|Stockholm|Oslo|Copenhagen|Helsinki|Dublin|
        Havana|Ottawa|Mexico City|Brasilia|Buenos Aires|Santiago|Lima|Caracas|Bogota|
        Canberra|Sydney|Potsdam|Yalta|Tehran|Camp David|Geneva|Helsinki|Reykjavik
        """.split(separator: "|").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Acronyms that name countries; other acronyms name organisations.
    static let placeAcronyms: [String: String] = [
        "DPRK": "DPRK", "ROK": "ROK", "USSR": "USSR", "PRC": "PRC", "USA": "USA", "US": "US",
        "U.S.": "US", "UK": "UK", "GDR": "GDR", "FRG": "FRG", "DRV": "DRV", "U.S.S.R.": "USSR",
        "ROC": "ROC", "CSSR": "ČSSR", "ČSSR": "ČSSR",
    ]

    /// Lower-case words that may sit inside a name (`Alexander von Humboldt`).
    static let particles = words("de da das do dos du van von der den la le al el bin ibn ben y e di del della")

    /// Roman numerals after a name (`Elizabeth II`).
    static let regnalNumbers = words("ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi")
}
