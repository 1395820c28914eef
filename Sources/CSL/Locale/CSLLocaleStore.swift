import Foundation

/// Loads locale files on demand from a folder and resolves fallbacks (de-AT → de-DE → en-US).
public final class CSLLocaleStore: @unchecked Sendable {
    private let folder: URL
    private let lock = NSLock()
    private var cache: [String: LocaleData?] = [:]
    private var primaryDialects: [String: String] = [:]

    private static let standardDialects: [String: String] = [
        "af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "da": "da-DK", "de": "de-DE",
        "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE", "fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR",
        "he": "he-IL", "hu": "hu-HU", "is": "is-IS", "it": "it-IT", "ja": "ja-JP", "km": "km-KH", "ko": "ko-KR",
        "lt": "lt-LT", "lv": "lv-LV", "mn": "mn-MN", "nb": "nb-NO", "nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL",
        "pt": "pt-PT", "ro": "ro-RO", "ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS", "sv": "sv-SE",
        "th": "th-TH", "tr": "tr-TR", "uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN",
    ]

    /// A store reading `locales-<tag>.xml` files (and optional `locales.json`) from `folder`.
    public init(folder: URL) {
        self.folder = folder
        primaryDialects = Self.standardDialects
        if let data = try? Data(contentsOf: folder.appendingPathComponent("locales.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let dialects = json["primary-dialects"] as? [String: String]
        {
            primaryDialects.merge(dialects) { _, new in new }
        }
    }

    /// The store backed by the locale files bundled with this library.
    public static let bundled: CSLLocaleStore = {
        let url = Bundle.module.url(forResource: "Locales", withExtension: nil) ?? Bundle.module.bundleURL
        return CSLLocaleStore(folder: url)
    }()

    /// The tags tried, most specific first, for a requested locale.
    public func fallbackChain(for tag: String) -> [String] {
        var chain: [String] = []
        let normalized = tag.replacingOccurrences(of: "_", with: "-")
        chain.append(normalized)
        let language = String(normalized.split(separator: "-").first ?? "en")
        if let primary = primaryDialects[language], !chain.contains(primary) { chain.append(primary) }
        if !chain.contains("en-US") { chain.append("en-US") }
        return chain
    }

    func load(_ tag: String) -> LocaleData? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[tag] { return cached }
        let url = folder.appendingPathComponent("locales-\(tag).xml")
        var result: LocaleData?
        if let data = try? Data(contentsOf: url), let root = try? XElement.parse(data, file: url.lastPathComponent) {
            result = try? LocaleData(root, file: url.lastPathComponent)
        }
        cache[tag] = result
        return result
    }

    /// Whether a locale file for exactly this tag exists.
    public func hasLocale(_ tag: String) -> Bool { load(tag) != nil }

    /// Builds the lookup stack for `tag`, placing the style's own `<locale>` overrides first.
    func stack(for tag: String, style: CSLStyle) -> LocaleStack {
        let language = String(tag.split(separator: "-").first ?? "en")
        var layers: [LocaleData] = []
        layers += style.locales.filter { $0.lang == tag }
        if language != tag { layers += style.locales.filter { $0.lang == language } }
        layers += style.locales.filter { $0.lang == nil || $0.lang == "" }
        for t in fallbackChain(for: tag) {
            if let l = load(t) { layers.append(l) }
        }
        return LocaleStack(layers: layers, lang: tag)
    }
}
