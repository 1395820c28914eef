/// People and places the generated corpus draws on, each in several spellings, built from
/// the romanization systems archives actually mix: Korean in Revised Romanization,
/// McCune–Reischauer and North Korean practice; Chinese in Pinyin and Wade–Giles; Russian
/// through English, German and Polish transliteration.
enum NameLists {
    /// A person: every spelling of one name; the first is the one listed as canonical.
    typealias Person = [String]

    static func people() -> [Person] {
        korean() + chinese() + russian()
    }

    /// (Revised Romanization, McCune–Reischauer, North Korean) for surnames and syllables.
    private static let koreanSurnames: [(String, String, String)] = [
        ("Kim", "Kim", "Kim"), ("Park", "Pak", "Pak"), ("Lee", "Yi", "Ri"), ("Choe", "Ch'oe", "Choe"),
        ("Jeong", "Chŏng", "Jong"), ("Han", "Han", "Han"), ("Kang", "Kang", "Kang"), ("Yun", "Yun", "Yun"),
        ("Lim", "Im", "Rim"), ("Oh", "O", "O"), ("Seo", "Sŏ", "So"), ("Heo", "Hŏ", "Ho"),
    ]
    private static let koreanSyllables: [(String, String, String)] = [
        ("cheol", "ch'ŏl", "chol"), ("yeong", "yŏng", "yong"), ("seong", "sŏng", "song"), ("il", "il", "il"),
        ("hyeon", "hyŏn", "hyon"), ("jun", "chun", "jun"), ("geon", "kŏn", "gon"), ("ok", "ok", "ok"),
        ("chang", "ch'ang", "chang"), ("deok", "tŏk", "dok"), ("ho", "ho", "ho"), ("su", "su", "su"),
        ("min", "min", "min"), ("gyu", "kyu", "gyu"), ("taek", "t'aek", "thaek"), ("bong", "pong", "bong"),
        ("geun", "kŭn", "gun"), ("hui", "hŭi", "hui"), ("won", "wŏn", "won"), ("sik", "sik", "sik"),
    ]

    private static func korean() -> [Person] {
        var people: [Person] = []
        var index = 0
        for surname in koreanSurnames {
            for first in koreanSyllables {
                for second in koreanSyllables where second.0 != first.0 {
                    index += 1
                    guard index % 7 == 0 else { continue }  // a spread of 400-odd names
                    let rr = "\(surname.0) \(first.0.capitalized)-\(second.0)"
                    let mr = "\(surname.1) \(first.1.capitalized)-\(second.1)"
                    let nk = "\(surname.2) \(first.2.capitalized) \(second.2.capitalized)"
                    let joined = "\(surname.0) \(first.0.capitalized)\(second.0)"
                    people.append(unique([rr, mr, nk, joined]))
                }
            }
        }
        return people
    }

    /// (Pinyin, Wade–Giles) syllables.
    private static let chineseSurnames: [(String, String)] = [
        ("Zhou", "Chou"), ("Zhang", "Chang"), ("Liu", "Liu"), ("Chen", "Ch'en"), ("Deng", "Teng"),
        ("Peng", "P'eng"), ("Zhu", "Chu"), ("Gao", "Kao"), ("Xu", "Hsü"), ("Qian", "Ch'ien"),
    ]
    private static let chineseGiven: [(String, String)] = [
        ("en", "en"), ("lai", "lai"), ("de", "te"), ("huai", "huai"), ("xiao", "hsiao"), ("ping", "p'ing"),
        ("zi", "tzu"), ("qing", "ch'ing"), ("jian", "chien"), ("guo", "kuo"), ("zhi", "chih"), ("dong", "tung"),
    ]

    private static func chinese() -> [Person] {
        var people: [Person] = []
        var index = 0
        for surname in chineseSurnames {
            for first in chineseGiven {
                for second in chineseGiven where second.0 != first.0 {
                    index += 1
                    guard index % 11 == 0 else { continue }
                    let pinyin = "\(surname.0) \(first.0.capitalized)\(second.0)"
                    let wadeGiles = "\(surname.1) \(first.1.capitalized)-\(second.1)"
                    let spaced = "\(surname.1) \(first.1.capitalized) \(second.1.capitalized)"
                    people.append(unique([pinyin, wadeGiles, spaced]))
                }
            }
        }
        return people
    }

    private static let russianRoots = [
        "Shtyk", "Puzan", "Ivan", "Petr", "Sokol", "Volk", "Moroz", "Kuznets", "Popov", "Lebed", "Kozl",
        "Novik", "Zhuk", "Khrushch", "Molot", "Malenk", "Bulgan", "Suslov", "Ponomar", "Gromyk", "Fedor",
        "Zakhar", "Chernysh", "Shelep", "Kosyg", "Zhdan", "Vorosh", "Kaganov", "Mikhail", "Belyak",
    ]
    private static let russianEndings = ["ov", "in", "enko"]

    private static func russian() -> [Person] {
        var people: [Person] = []
        for (index, root) in russianRoots.enumerated() {
            for ending in russianEndings {
                let english = root + ending
                let german = english.replacingOccurrences(of: "Shch", with: "Schtsch")
                    .replacingOccurrences(of: "shch", with: "schtsch")
                    .replacingOccurrences(of: "Sh", with: "Sch").replacingOccurrences(of: "sh", with: "sch")
                    .replacingOccurrences(of: "Kh", with: "Ch").replacingOccurrences(of: "kh", with: "ch")
                    .replacingOccurrences(of: "Zh", with: "Sch").replacingOccurrences(of: "ov", with: "ow")
                let polish = english.replacingOccurrences(of: "Shch", with: "Szcz")
                    .replacingOccurrences(of: "shch", with: "szcz")
                    .replacingOccurrences(of: "Sh", with: "Sz").replacingOccurrences(of: "sh", with: "sz")
                    .replacingOccurrences(of: "Kh", with: "Ch").replacingOccurrences(of: "kh", with: "ch")
                    .replacingOccurrences(of: "Zh", with: "Ż").replacingOccurrences(of: "ov", with: "ow")
                    .replacingOccurrences(of: "v", with: "w")
                let initial = ["A.", "I.", "N.", "V.", "S.", "M."][index % 6]
                people.append(unique([english, german, polish, "\(initial) \(english)", "\(english), \(initial)"]))
            }
        }
        return people
    }

    /// Places, each in several spellings.
    static let places: [[String]] = [
        ["Pyongyang", "P'yŏngyang", "Phyongyang"], ["Beijing", "Peking", "Peiping"],
        ["Moscow", "Moskva", "Moskau"], ["Seoul", "Sŏul", "Keijo"], ["Kaesong", "Kaesŏng", "Gaeseong"],
        ["Sinuiju", "Sinŭiju", "Sinuiju City"], ["Wonsan", "Wŏnsan", "Gensan"], ["Hamhung", "Hamhŭng", "Hamheung"],
        ["Shenyang", "Mukden", "Shen-yang"], ["Dandong", "Antung", "Andong"], ["Warsaw", "Warszawa", "Warschau"],
        ["Prague", "Praha", "Prag"], ["Berlin", "East Berlin", "Berlin (East)"], ["Budapest", "Budapešť", "Budapesht"],
        ["Vladivostok", "Wladiwostok", "Władywostok"], ["Harbin", "Haerbin", "Kharbin"],
        ["Chongjin", "Ch'ŏngjin", "Cheongjin"], ["Nampo", "Namp'o", "Chinnampo"], ["Tokyo", "Tōkyō", "Tokio"],
        ["Washington", "Washington, D.C.", "Vashington"], ["Geneva", "Genève", "Genf"],
        ["Panmunjom", "P'anmunjŏm", "Panmunjeom"],
    ]

    private static func unique(_ spellings: [String]) -> [String] {
        var seen = Set<String>()
        return spellings.filter { seen.insert($0).inserted }
    }
}
