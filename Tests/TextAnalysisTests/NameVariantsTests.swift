import Testing
import TextAnalysis

/// Whether two spellings, as the index holds them (one term each, hyphens joined), share a key.
private func same(_ a: String, _ b: String) -> Bool {
    !Set(NameVariants.keys(of: a)).isDisjoint(with: NameVariants.keys(of: b))
}

@Suite struct NameVariantsTests {
    @Test(arguments: [
        // Korean: McCune–Reischauer, Revised Romanization, the North's spellings, common ones.
        ("sung", "song"), ("song", "seong"), ("ilsung", "ilseong"), ("yonggon", "yonggeon"), ("yonggon", "yongkun"),
        ("heonyeong", "honyong"), ("tubong", "dubong"), ("kai", "gai"), ("changok", "changok"), ("phyongyang", "pyongyang"),
        ("choe", "choi"), ("ri", "lee"), ("yi", "rhee"), ("li", "ri"), ("park", "pak"), ("kim", "gim"), ("uiwan", "euiwan"),
        ("roh", "no"), ("taewoo", "taeu"), ("chunghee", "chonghui"), ("doohwan", "tuhwan"), ("seoul", "soul"),
        // Chinese: Wade–Giles and Pinyin.
        ("tsetung", "zedong"), ("tehuai", "dehuai"), ("tehhuai", "dehuai"), ("chou", "zhou"), ("hsiaoping", "xiaoping"),
        ("teng", "deng"), ("kuomintang", "guomindang"), ("chingling", "qingling"), ("tien", "tian"),
        // Russian through English, German, Polish and Czech.
        ("khrushchev", "chruschtschow"), ("khrushchev", "chruszczow"), ("khrushchev", "hruscov"), ("khrushchov", "khrushchev"),
        ("mikoyan", "mikojan"), ("mikoyan", "mikoian"), ("puzanov", "puzanow"), ("shtykov", "stykov"), ("shtykov", "shtykow"),
        ("brezhnev", "breschnew"), ("brezhnev", "brezniew"), ("molotov", "molotow"), ("pchjongjang", "phyongyang"),
    ])
    func spellingsOfOneNameShareAKey(_ pair: (String, String)) {
        #expect(same(pair.0, pair.1), "\(pair.0) and \(pair.1) should be variants")
    }

    @Test(arguments: [
        ("kim", "kin"), ("song", "sang"), ("pak", "pek"), ("mao", "mai"), ("khrushchev", "kosygin"), ("stalin", "staline2"),
        ("peng", "pong"), ("party", "plenum"),
    ])
    func differentNamesDoNot(_ pair: (String, String)) {
        #expect(!same(pair.0, pair.1), "\(pair.0) and \(pair.1) should not be variants")
    }

    @Test func otherScriptsRomanizeASyllableAtATime() {
        #expect(NameVariants.romanized("김일성") == ["gim", "il", "seong"])
        #expect(NameVariants.romanized("리상조") == ["yi", "sang", "jo"])
        #expect(NameVariants.romanized("毛泽东") == ["mao", "ze", "dong"])
        #expect(NameVariants.romanized("Хрущёв") == ["khrushchev"])
        #expect(NameVariants.romanized("Kim") == nil)
        #expect(same("gim", "kim") && same("seong", "sung") && same("li", "ri"))
    }

    @Test func wordsRunTogetherSplitIntoSyllables() {
        #expect(NameVariants.syllables(of: "ilsung").contains(["il", "sung"]))
        #expect(NameVariants.syllables(of: "zedong").contains(["ze", "dong"]))
        #expect(NameVariants.syllables(of: "heonyeong").contains(["heon", "yeong"]))
        #expect(NameVariants.syllables(of: "strength").isEmpty)
    }

    @Test func namesAreToldFromCommonWords() {
        #expect(NameVariants.isNameLike("Mikoyan"))
        #expect(NameVariants.isNameLike("sŏng"))
        #expect(NameVariants.isNameLike("Ch'oe"))
        #expect(NameVariants.isNameLike("김일성"))
        #expect(!NameVariants.isNameLike("plenum"))
        #expect(!NameVariants.isNameLike("The"))
        #expect(!NameVariants.isNameLike("Telegram"))
    }

    @Test func reasonsNameTheRule() {
        #expect(NameVariants.rule(between: "Kim Il Song", and: "Kim Il Sung") == "McCune–Reischauer")
        #expect(NameVariants.rule(between: "Pak Heon-yeong", and: "Pak Hon Yong") == "Revised Romanization")
        #expect(NameVariants.rule(between: "Tse-tung", and: "Zedong") == "Wade–Giles and Pinyin")
        #expect(NameVariants.rule(between: "Chruschtschow", and: "Khrushchev") == "German transliteration")
        #expect(NameVariants.rule(between: "Chruszczow", and: "Khrushchev") == "Polish transliteration")
        #expect(NameVariants.rule(between: "Il-sung", and: "Ilsung") == "hyphens and spacing")
        #expect(NameVariants.rule(between: "Ch'oe", and: "Choe") == "diacritics and apostrophes")
        #expect(NameVariants.rule(between: "김일성", and: "Kim Il Sung") == "Hangul")
        #expect(NameVariants.rule(between: "Kim", and: "Stalin") == nil)
    }
}
