import Foundation
import Synchronization

/// The rules by which two spellings of a name are one name: romanizations of Korean
/// (McCune–Reischauer, Revised, the North's official spellings), of Chinese (Wade–Giles and
/// Pinyin), transliterations of Russian (through English, German, Polish and Czech), and the
/// same names typed in Hangul, Han characters or Cyrillic.
///
/// Each rule family folds a spelling to a *key*; spellings with a key in common are
/// variants. Keys are compared, never shown. They work on index terms: lower-cased, without
/// diacritics, apostrophes or hyphens (`ch'oe` is `choe`, `il-sŏng` is `il` and `song`, or
/// `ilsong` joined).
public enum NameVariants {
    /// The version of the rules below. A store keeps its words and names under the keys
    /// these rules give; raise it whenever a key changes, and stores build theirs again.
    public static let rulesVersion = 1

    /// A family of spelling rules.
    public enum System: String, Sendable, CaseIterable {
        case korean = "k"
        case slavic = "s"
    }

    /// The keys of one index term: one per rule family that applies to it (two for a
    /// Russian spelling whose `ch` may be German `х` or English `ч`).
    public static func keys(of term: String) -> [String] {
        // A single letter has a key only if it is a vowel: a Korean syllable alone (U, O).
        guard term.utf8.count >= 2 || term.utf8.count == 1 && "aeiou".utf8.contains(term.utf8.first!),
            term.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
        else { return [] }
        var keys = ["k:" + romanizationKey(term)]
        if term.utf8.count >= 4 {
            for key in slavicKeys(term) where !keys.contains("s:" + key) { keys.append("s:" + key) }
        }
        return keys
    }

    // MARK: Korean and Chinese romanizations

    /// Korean surnames whose spellings no syllable rule joins: 이/리 as Ri, Li, Yi, Lee and
    /// Rhee; 박 as Pak, Park and Bak; 최 as Choe, Choi and Chwe; 노 as No and Roh.
    static let surnames: [String: String] = [
        "lee": "li", "yi": "li", "ri": "li", "rhee": "li", "li": "li", "rhie": "li",
        "pak": "pak", "park": "pak", "bak": "pak", "bag": "pak",
        "choe": "coe", "choi": "coe", "chwe": "coe", "choy": "coe", "chey": "coe",
        "roh": "no", "noh": "no", "no": "no", "ro": "no",
    ]

    /// Whether `term` is a spelling of one of the Korean surnames no syllable rule joins.
    public static func isSurname(_ term: String) -> Bool { surnames[term] != nil }

    /// The words of a name run together for its keys, a Korean surname first spelt one
    /// way (`Park Chung Hee` as `pakchunghee`, like `Pak Chong-hui`).
    public static func joinedName(_ words: [String]) -> String {
        guard let first = words.first else { return "" }
        return (surnames[first].map { [$0] + words.dropFirst() } ?? words).joined()
    }

    /// One key for McCune–Reischauer, Revised Romanization, North Korean, Wade–Giles and
    /// Pinyin spellings: the common `ee` and ŭi are `i` (Hee, hŭi), aspiration marks and
    /// `h` after `k t p` are dropped, voiced and
    /// voiceless stops merge (k/g, t/d, p/b), so do the affricates (ch, j, ts, tz, z, zh, q)
    /// and sibilants (s, sh, hs, x), `r` with `l`, and the vowels ŏ/eo/o/u/ŭ/eu; Wade–Giles
    /// `eh`, `ih` and `ien` become Pinyin `e`, `i` and `ian`; doubled letters count once.
    public static func romanizationKey(_ term: String) -> String {
        if let surname = surnames[term] { return surname }
        var s = Array(term.utf8)
        // Wade–Giles vowels written with an h (teh, shih, hsieh): the h goes where a vowel
        // comes before it and no vowel after.
        if s.contains(UInt8(ascii: "h")) {
            var dropped: [UInt8] = []
            dropped.reserveCapacity(s.count)
            for (i, c) in s.enumerated() {
                if c == UInt8(ascii: "h"), i > 0, isVowel(s[i - 1]), i + 1 == s.count || !isVowel(s[i + 1]) { continue }
                dropped.append(c)
            }
            s = dropped
        }
        for (from, to) in romanizationRules { replace(&s, from, to) }
        var key: [UInt8] = []
        key.reserveCapacity(s.count)
        for c in s {
            let mapped = romanizationLetters[Int(c)]
            if key.last != mapped { key.append(mapped) }
        }
        return String(decoding: key, as: UTF8.self)
    }

    private static let romanizationRules: [([UInt8], [UInt8])] = [
        ("ien", "ian"), ("woo", "u"), ("ee", "i"), ("eui", "i"), ("ui", "i"), ("ng", "N"), ("tch", "c"), ("tsz", "c"),
        ("ts", "c"), ("tz", "c"), ("zh", "c"), ("ch", "c"),
        ("hs", "s"), ("sh", "s"), ("kh", "k"), ("th", "t"), ("ph", "p"), ("yeo", "yo"), ("eo", "o"), ("eu", "o"),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    /// Single letters that merge: j, q and z with the affricates, x with s, voiced stops
    /// with voiceless ones, r with l, u with o.
    private static let romanizationLetters: [UInt8] = {
        var table = (0..<256).map { UInt8($0) }
        for (from, to) in [
            ("j", "c"), ("q", "c"), ("z", "c"), ("x", "s"), ("g", "k"), ("d", "t"), ("b", "p"), ("r", "l"), ("u", "o"),
        ] {
            table[Int(UInt8(ascii: Unicode.Scalar(from)!))] = UInt8(ascii: Unicode.Scalar(to)!)
        }
        return table
    }()

    /// Replaces every `from` in `s` with `to`, left to right.
    static func replace(_ s: inout [UInt8], _ from: [UInt8], _ to: [UInt8]) {
        let n = s.count
        let m = from.count
        guard n >= m else { return }
        func matches(at i: Int) -> Bool {
            guard s[i] == from[0] else { return false }
            for k in 1..<m where s[i + k] != from[k] { return false }
            return true
        }
        guard let first = (0...(n - m)).first(where: matches) else { return }
        var out = Array(s[0..<first])
        out.reserveCapacity(n + 4)
        var i = first
        while i < n {
            if i <= n - m && matches(at: i) {
                out.append(contentsOf: to)
                i += m
            } else {
                out.append(s[i])
                i += 1
            }
        }
        s = out
    }

    static func isVowel(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
            || c == UInt8(ascii: "u") || c == UInt8(ascii: "y")
    }

    // MARK: Russian transliterations

    /// Keys for Russian names spelled in English (Khrushchev), German (Chruschtschow), Polish
    /// (Chruszczow) or Czech (Hruščov, which the index keeps as `hruscov`): the letters for one
    /// Cyrillic letter become one (щ: shch, schtsch, szcz; ч: ch, tsch, cz; ш: sh, sch, sz;
    /// ж: zh; х: kh, h and German and Polish ch), w is v, j and y are i, and the ending -ev is
    /// -ov. `ch` stands for ч in English and х in German and Polish, so a spelling with `ch`
    /// has a key for each.
    public static func slavicKeys(_ term: String) -> [String] {
        var s = Array(term.utf8)
        for (from, to) in slavicRules { replace(&s, from, to) }
        // Korean and Chinese aspirates as Russian writes them (Пхеньян: Pkh, German Pch).
        let ch: [UInt8] = Array("ch".utf8)
        var variants = [s]
        if s.indices.dropLast().contains(where: { s[$0] == ch[0] && s[$0 + 1] == ch[1] }) {
            var english = s
            var german = s
            replace(&english, ch, Array("C".utf8))
            replace(&german, ch, Array("h".utf8))
            variants = [english, german]
        }
        return variants.map { variant in
            var v = variant
            replace(&v, Array("ph".utf8), Array("p".utf8))
            if v.count >= 2, v[v.count - 2] == UInt8(ascii: "e"), v[v.count - 1] == UInt8(ascii: "v") {
                v[v.count - 2] = UInt8(ascii: "o")
            }
            var out: [UInt8] = []
            out.reserveCapacity(v.count)
            for c in v where out.last != c { out.append(c) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let slavicRules: [([UInt8], [UInt8])] = [
        ("schtsch", "S"), ("shtsh", "S"), ("shch", "S"), ("szcz", "S"), ("tsch", "C"), ("tsh", "C"), ("sch", "s"),
        ("sc", "S"), ("cz", "C"), ("sz", "s"), ("sh", "s"), ("zh", "z"), ("kh", "h"), ("w", "v"), ("j", "i"),
        ("y", "i"), ("ff", "v"), ("ie", "e"), ("z", "s"),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    // MARK: Syllables

    private static let initials: Set<String> = [
        "tch", "ch", "ts", "tz", "zh", "sh", "hs", "kh", "th", "ph", "kk", "tt", "pp", "ss", "jj",
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "w", "x", "y", "z", "",
    ]
    private static let finals: [String] = ["ng", "n", "l", "r", "k", "p", "t", "m", "h", ""]

    /// The ways `term` splits into two or more romanized Korean or Chinese syllables
    /// (`ilsung` is `il sung`, `zedong` is `ze dong`), at most three ways, fewest syllables
    /// first; empty when it is not a run of such syllables.
    public static func syllables(of term: String) -> [[String]] {
        let letters = Array(term)
        guard letters.count >= 3, letters.count <= 16, term.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
            return []
        }
        // Ends of syllables that can start at each position.
        var ways: [Int: [[String]]] = [letters.count: [[]]]
        for start in stride(from: letters.count - 1, through: 0, by: -1) {
            var found: [[String]] = []
            for end in (start + 1)...min(letters.count, start + 7) {
                guard let rest = ways[end], !rest.isEmpty, isSyllable(letters[start..<end]) else { continue }
                let syllable = String(letters[start..<end])
                for tail in rest.prefix(3) { found.append([syllable] + tail) }
            }
            ways[start] = found
        }
        return (ways[0] ?? []).filter { $0.count >= 2 }.sorted { $0.count < $1.count }.prefix(3).map { $0 }
    }

    /// A syllable: an initial consonant (or none), a `y` or `w` glide, one to three vowels
    /// and a final `n`, `ng`, `l`, `r`, `k`, `p`, `t`, `m` or Wade–Giles `h` (or none).
    static func isSyllable(_ letters: ArraySlice<Character>) -> Bool {
        guard let vowel = letters.firstIndex(where: { "aeiou".contains($0) }) else { return false }
        var initial = String(letters[letters.startIndex..<vowel])
        if let glide = initial.last, glide == "y" || glide == "w" { initial.removeLast() }
        guard initials.contains(initial) else { return false }
        var end = vowel
        while end < letters.endIndex, "aeiou".contains(letters[end]) { end += 1 }
        guard end - vowel <= 3 else { return false }
        return finals.contains(String(letters[end...]))
    }

    // MARK: Scripts

    private static let cache = Mutex<[String: [String]]>([:])

    /// A word in Hangul, Han characters or Cyrillic as the Latin index terms it is
    /// looked for as: Hangul and Han a syllable at a time (`김일성` is `gim il seong`, the
    /// surname 이/리 is `yi`), Cyrillic by the BGN/PCGN rules (`Хрущёв` is `khrushchev`).
    /// Nil for a word in Latin letters.
    public static func romanized(_ word: String) -> [String]? {
        guard word.unicodeScalars.contains(where: { isHangul($0) || isHan($0) || isCyrillic($0) }) else { return nil }
        if let cached = cache.withLock({ $0[word] }) { return cached }
        var terms: [String] = []
        var cyrillic = ""
        func flush() {
            guard !cyrillic.isEmpty else { return }
            let latin =
                cyrillic.applyingTransform(StringTransform(rawValue: "Russian-Latin/BGN; Latin-ASCII"), reverse: false)
                ?? cyrillic
            terms.append(contentsOf: Terms.indexWords(in: latin))
            cyrillic = ""
        }
        for scalar in word.unicodeScalars {
            if isCyrillic(scalar) {
                cyrillic.unicodeScalars.append(scalar)
                continue
            }
            flush()
            guard isHangul(scalar) || isHan(scalar) else {
                if CharacterSet.letters.contains(scalar) {
                    terms.append(Folding.fold(String(scalar)))
                }
                continue
            }
            // 이 or 리 starting a name is the surname Yi, Ri, Li, Lee or Rhee.
            if terms.isEmpty, scalar == "이" || scalar == "리" {
                terms.append("yi")
                continue
            }
            let transform = isHangul(scalar) ? "Hangul-Latin; Latin-ASCII" : "Han-Latin; Latin-ASCII"
            let latin = String(scalar).applyingTransform(StringTransform(rawValue: transform), reverse: false) ?? ""
            terms.append(contentsOf: Terms.indexWords(in: latin))
        }
        flush()
        cache.withLock { $0[word] = terms }
        return terms
    }

    static func isHangul(_ s: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(s.value) }
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
    }
    static func isCyrillic(_ s: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(s.value) }

    // MARK: Reasons

    /// Which rule makes `a` and `b` (as written) one name, in words a reader knows:
    /// "McCune–Reischauer", "Wade–Giles and Pinyin", "German transliteration"… Nil when
    /// none does.
    public static func rule(between a: String, and b: String) -> String? {
        for word in [a, b] where romanized(word) != nil {
            if word.unicodeScalars.contains(where: isHangul) { return "Hangul" }
            return word.unicodeScalars.contains(where: isHan) ? "Han characters" : "Cyrillic"
        }
        let fa = Folding.fold(a)
        let fb = Folding.fold(b)
        let joinedA = letters(fa)
        let joinedB = letters(fb)
        func marked(_ text: String) -> Bool {
            text.unicodeScalars.contains { $0.value > 0x7F || Folding.apostrophes.contains(Character($0)) }
        }
        if joinedA == joinedB {
            if fa == fb { return "diacritics and apostrophes" }
            return marked(a) || marked(b) ? "diacritics, apostrophes and hyphens" : "hyphens and spacing"
        }
        let spellings = [a, b].map { $0.lowercased() }
        func either(_ test: (String) -> Bool) -> Bool { spellings.contains(where: test) }
        // Russian: word by word, each the same or sharing a transliteration key.
        let words = [fa, fb].map(Terms.indexWords)
        if words[0].count == words[1].count,
            zip(words[0], words[1]).allSatisfy({ $0 == $1 || !Set(slavicKeys($0)).isDisjoint(with: slavicKeys($1)) }),
            romanizationKey(joinedA) != romanizationKey(joinedB)
        {
            if either({ $0.contains("cz") || $0.contains("sz") || $0.contains("ż") }) { return "Polish transliteration" }
            if either({ $0.contains("sch") || $0.hasSuffix("ow") }) { return "German transliteration" }
            if either({ $0.contains("š") || $0.contains("č") || $0.contains("ž") }) { return "Czech transliteration" }
            return "Russian transliteration"
        }
        guard romanizationKey(joinedA) == romanizationKey(joinedB) || words.map({ $0.map(romanizationKey) }).allEqual else {
            return nil
        }
        // Letters and syllables that Chinese romanizations have and Korean ones do not.
        let chinese = ["hs", "tz", "ts", "ih", "eh", "x", "zh", "q", "z", "ao", "ou", "uai", "uo", "ei", "ia", "ie", "iu"]
        if either({ word in chinese.contains { word.contains($0) } }) { return "Wade–Giles and Pinyin" }
        if either({ $0.contains("eo") || $0.contains("eu") }) { return "Revised Romanization" }
        return "McCune–Reischauer"
    }

    static func letters(_ text: String) -> String {
        String(text.filter { $0.isLetter || $0.isNumber })
    }

    // MARK: Query words

    /// Whether a folded word is a common word, an office or a nationality, which is never
    /// taken for a name.
    public static func isCommonWord(_ folded: String) -> Bool {
        NameLexicon.commonWords.contains(folded) || NameLexicon.titles.contains(folded)
            || NameLexicon.nonNames.contains(folded) || NameLexicon.demonyms.contains(folded)
    }

    /// Whether a word typed in a query is to be looked for in other spellings: a name is
    /// written with a capital, diacritics, an apostrophe, or in another script. Common
    /// words stay as typed, capitalized or not ("Party", "The").
    public static func isNameLike(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first(where: { CharacterSet.letters.contains($0) }) else { return false }
        if romanized(word) != nil { return true }
        if isCommonWord(Folding.fold(word)) { return false }
        if word.unicodeScalars.contains(where: { $0.value > 0x7F }) { return true }
        if word.contains(where: { Folding.apostrophes.contains($0) }) { return true }
        return CharacterSet.uppercaseLetters.contains(first)
    }
}

extension Array where Element: Equatable {
    /// Whether every element is the same (true when there are none).
    fileprivate var allEqual: Bool { allSatisfy { $0 == first } }
}
