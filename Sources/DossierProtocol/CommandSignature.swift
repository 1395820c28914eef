/// What Dossier knows of a command without running it: its name, help, positional
/// arguments, options and flags, subcommands and examples. It is the one description of a
/// command: built-in commands derive it from swift-argument-parser's model of them, an
/// external plugin's signature message carries it encoded (Plugins/PROTOCOL.md), and
/// `help`, completion and the line parser read nothing else.
///
/// Its JSON form is the plugin protocol's: snake_case keys, absent and `null` alike mean
/// "not given". Decoding checks everything a plugin's author can get wrong and says so in
/// words that name the command and the field (`SignatureError`).
public struct CommandSignature: Sendable, Equatable, Codable {
    public var name: String
    public var aliases: [String]
    /// The one line `help` shows beside the name.
    public var abstract: String
    public var discussion: String
    public var arguments: [Argument]
    public var options: [Option]
    public var subcommands: [CommandSignature]
    /// The subcommand a line runs when it names none (`note 3 TEXT` is `note add 3 TEXT`).
    public var defaultSubcommand: String?
    /// Lines a user can type; the tests run the built-in commands' examples.
    public var examples: [String]
    /// Whether the text after the command name, less its options, reaches the last
    /// argument verbatim (a query, a note): quotes, `-word` and `#tag` included.
    public var freeText: Bool

    /// A positional argument. Only the last may be optional or repeating.
    public struct Argument: Sendable, Equatable, Codable {
        public var name: String
        public var help: String
        public var optional: Bool
        public var repeating: Bool

        public init(_ name: String, help: String = "", optional: Bool = false, repeating: Bool = false) {
            self.name = name
            self.help = help
            self.optional = optional
            self.repeating = repeating
        }

        /// Whether the argument names a document (`REF`), which completion offers result
        /// numbers and ids for.
        public var isReference: Bool {
            let lowered = name.lowercased()
            return lowered == "ref" || lowered == "refs" || lowered.hasPrefix("ref-") || lowered.hasSuffix("-ref")
        }

        /// Whether the argument names a session, which completion offers the workspace's
        /// session names for.
        public var isSession: Bool {
            name.lowercased() == "session"
        }
    }

    /// `--name VALUE`, or with `flag` a `--name` that takes no value.
    public struct Option: Sendable, Equatable, Codable {
        /// The long name without dashes: `limit`. It is the option's canonical name: a
        /// parsed line and a plugin's call know the option by it.
        public var name: String
        /// A one-letter short name without the dash: `n`.
        public var short: String?
        public var flag: Bool
        /// What help calls the value: `N`, `FILE`; the name when not given.
        public var value: String?
        public var help: String
        /// The value used when the option is not given.
        public var defaultValue: String?
        /// The only values allowed, when there are so few that they can be listed.
        public var choices: [String]

        public init(
            _ name: String, short: String? = nil, flag: Bool = false, value: String? = nil, help: String = "",
            defaultValue: String? = nil, choices: [String] = []
        ) {
            self.name = name
            self.short = short
            self.flag = flag
            self.value = value
            self.help = help
            self.defaultValue = defaultValue
            self.choices = choices
        }

        /// Its names as typed: `--limit`, `-n`.
        public var names: [String] {
            ["--" + name] + (short.map { ["-" + $0] } ?? [])
        }

        /// What usage and help call the value.
        public var valueName: String { value ?? name }
    }

    public init(
        name: String, aliases: [String] = [], abstract: String, discussion: String = "",
        arguments: [Argument] = [], options: [Option] = [], subcommands: [CommandSignature] = [],
        defaultSubcommand: String? = nil, examples: [String] = [], freeText: Bool = false
    ) {
        self.name = name
        self.aliases = aliases
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.examples = examples
        self.freeText = freeText
    }

    /// The option with this name as typed (`--limit`, `-n`) or canonical (`limit`). A
    /// free-text command's options are long only: `-n` in its text is text.
    public func option(named name: String) -> Option? {
        if name.hasPrefix("--") { return options.first { $0.name == name.dropFirst(2) } }
        if name.hasPrefix("-") { return freeText ? nil : options.first { $0.short.map { "-" + $0 } == name } }
        return options.first { $0.name == name }
    }

    /// The subcommand with this name or alias, if any.
    public func subcommand(named name: String) -> CommandSignature? {
        subcommands.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The subcommand at `path` (names after this command's), or this one for an empty
    /// path; nil when a name on the path is not a subcommand.
    public func subcommand(at path: [String]) -> CommandSignature? {
        var leaf = self
        for name in path {
            guard let next = leaf.subcommand(named: name) else { return nil }
            leaf = next
        }
        return leaf
    }

    /// Every example of the command and its subcommands.
    public var allExamples: [String] {
        examples + subcommands.flatMap(\.allExamples)
    }
}

// MARK: - Checks

extension CommandSignature {
    /// Lower-case ASCII letters, digits, dashes and underscores, starting with a letter, at
    /// most 40 characters: what a command, an argument or an option may be called.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 40 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Checks what decoding cannot: names, the order of optional and repeating arguments,
    /// duplicates, defaults among the choices, the default subcommand. The error names the
    /// command (and the subcommand, argument or option) in words a plugin's author can act on.
    public func validate() throws(SignatureError) {
        try validate(within: nil)
    }

    private func validate(within parent: String?) throws(SignatureError) {
        let path = (parent.map { $0 + " " } ?? "") + name
        guard Self.isValidName(name) else {
            throw SignatureError(
                "the command name '\(path)' is not lower-case letters, digits, dashes and underscores starting with a letter")
        }
        let context = "command '\(path)'"
        guard !abstract.isEmpty else { throw SignatureError("\(context) has no \"abstract\" (the one line 'help' shows)") }
        for alias in aliases where !Self.isValidName(alias) {
            throw SignatureError("\(context): the alias '\(alias)' is not lower-case letters, digits, dashes and underscores")
        }
        for (index, argument) in arguments.enumerated() {
            guard Self.isValidName(argument.name) else {
                throw SignatureError(
                    "\(context): an argument has no valid \"name\" (lower-case letters, digits, dashes, underscores)")
            }
            if index < arguments.count - 1, argument.repeating || argument.optional {
                throw SignatureError("\(context): only the last argument may be optional or repeating, not '\(argument.name)'")
            }
        }
        if freeText && arguments.isEmpty {
            throw SignatureError("\(context) takes free text but has no argument to receive it")
        }
        if Set(arguments.map(\.name)).count != arguments.count {
            throw SignatureError("\(context) names two arguments the same")
        }
        for option in options {
            guard Self.isValidName(option.name) else {
                throw SignatureError(
                    "\(context): an option has no valid \"name\" (lower-case letters, digits, dashes, underscores; no leading --)"
                )
            }
            let what = "\(context), option '--\(option.name)'"
            guard !["json", "help"].contains(option.name) else {
                throw SignatureError("\(what): --json and --help belong to Dossier and every command has them")
            }
            if let short = option.short, short.count != 1 || !(short.first!.isLetter) || short == "h" {
                throw SignatureError("\(what): \"short\" must be one letter other than h, without the dash")
            }
            if let defaultValue = option.defaultValue, !option.choices.isEmpty, !option.choices.contains(defaultValue) {
                throw SignatureError("\(what): its default '\(defaultValue)' is not one of its choices")
            }
        }
        let names = options.map(\.name)
        let shorts = options.compactMap(\.short)
        if Set(names).count != names.count || Set(shorts).count != shorts.count {
            throw SignatureError("\(context) names two options the same")
        }
        let subcommandNames = subcommands.flatMap { [$0.name] + $0.aliases }
        if Set(subcommandNames).count != subcommandNames.count {
            throw SignatureError("\(context) names two subcommands the same")
        }
        if let defaultSubcommand, subcommand(named: defaultSubcommand) == nil {
            throw SignatureError("\(context): its \"default_subcommand\" '\(defaultSubcommand)' is not one of its subcommands")
        }
        for subcommand in subcommands {
            try subcommand.validate(within: path)
        }
    }

    /// What is wrong with a signature, as a plugin's author should read it.
    public struct SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}

// MARK: - JSON

extension CommandSignature {
    enum CodingKeys: String, CodingKey {
        case name, aliases, abstract, discussion, arguments, options, subcommands, examples
        case defaultSubcommand = "default_subcommand"
        case freeText = "free_text"
    }

    /// Reads and checks one command of a signature message.
    public init(json: JSONValue) throws(SignatureError) {
        guard json.object != nil else { throw SignatureError("a command is not a JSON object") }
        do {
            self = try json.decode(CommandSignature.self)
        } catch let error as SignatureError {
            throw error
        } catch {
            throw SignatureError("a command cannot be read: \(error)")
        }
        try validate()
    }

    public init(from decoder: any Decoder) throws {
        let fields = try Fields(decoder, CodingKeys.self, what: "a command")
        guard let name = try fields.string(.name) else { throw SignatureError("a command has no \"name\" string") }
        let named = Fields(fields.container, what: "command '\(name)'")
        self.init(
            name: name, aliases: try named.list(.aliases, of: String.self, "strings"),
            abstract: try named.string(.abstract) ?? "", discussion: try named.string(.discussion) ?? "",
            arguments: try named.list(.arguments, of: Argument.self, "objects"),
            options: try named.list(.options, of: Option.self, "objects"),
            subcommands: try named.list(.subcommands, of: CommandSignature.self, "objects"),
            defaultSubcommand: try named.string(.defaultSubcommand),
            examples: try named.list(.examples, of: String.self, "strings"), freeText: try named.bool(.freeText))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
        try container.encode(abstract, forKey: .abstract)
        try container.encode(discussion, forKey: .discussion)
        try container.encode(arguments, forKey: .arguments)
        try container.encode(options, forKey: .options)
        if !subcommands.isEmpty { try container.encode(subcommands, forKey: .subcommands) }
        try container.encodeIfPresent(defaultSubcommand, forKey: .defaultSubcommand)
        try container.encode(examples, forKey: .examples)
        try container.encode(freeText, forKey: .freeText)
    }
}

extension CommandSignature.Argument {
    enum CodingKeys: String, CodingKey {
        case name, help, optional, repeating
    }

    public init(from decoder: any Decoder) throws {
        let fields = try Fields(decoder, CodingKeys.self, what: "an argument")
        guard let name = try fields.string(.name) else {
            throw CommandSignature.SignatureError(
                "an argument has no valid \"name\" (lower-case letters, digits, dashes, underscores)")
        }
        let named = Fields(fields.container, what: "argument '\(name)'")
        self.init(
            name, help: try named.string(.help) ?? "", optional: try named.bool(.optional),
            repeating: try named.bool(.repeating))
    }
}

extension CommandSignature.Option {
    enum CodingKeys: String, CodingKey {
        case name, short, flag, value, help, choices
        case defaultValue = "default"
    }

    public init(from decoder: any Decoder) throws {
        let fields = try Fields(decoder, CodingKeys.self, what: "an option")
        guard let name = try fields.string(.name) else {
            throw CommandSignature.SignatureError(
                "an option has no valid \"name\" (lower-case letters, digits, dashes, underscores; no leading --)")
        }
        let named = Fields(fields.container, what: "option '--\(name)'")
        // Values may be given as numbers too (`"default": 10`): they arrive as text.
        self.init(
            name, short: try named.string(.short), flag: try named.bool(.flag), value: try named.string(.value),
            help: try named.string(.help) ?? "", defaultValue: try named.scalar(.defaultValue),
            choices: try named.scalars(.choices))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(short, forKey: .short)
        try container.encode(flag, forKey: .flag)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encode(help, forKey: .help)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        if !choices.isEmpty { try container.encode(choices, forKey: .choices) }
    }
}

/// A keyed container read with the protocol's rules (absent and null are "not given") and
/// its messages (what is wrong, named by the thing it belongs to).
private struct Fields<Key: CodingKey> {
    let container: KeyedDecodingContainer<Key>
    let what: String

    init(_ decoder: any Decoder, _ keys: Key.Type, what: String) throws {
        do {
            container = try decoder.container(keyedBy: Key.self)
        } catch {
            throw CommandSignature.SignatureError("\(what) is not a JSON object")
        }
        self.what = what
    }

    init(_ container: KeyedDecodingContainer<Key>, what: String) {
        self.container = container
        self.what = what
    }

    private func given(_ key: Key) -> Bool {
        container.contains(key) && (try? container.decodeNil(forKey: key)) == false
    }

    private func fail(_ key: Key, _ kind: String) -> CommandSignature.SignatureError {
        CommandSignature.SignatureError("\(what): \"\(key.stringValue)\" is not \(kind)")
    }

    func string(_ key: Key) throws -> String? {
        guard given(key) else { return nil }
        guard let text = try? container.decode(String.self, forKey: key) else { throw fail(key, "a string") }
        return text
    }

    func bool(_ key: Key) throws -> Bool {
        guard given(key) else { return false }
        guard let flag = try? container.decode(Bool.self, forKey: key) else { throw fail(key, "true or false") }
        return flag
    }

    /// A string, or a number or boolean taken as its text.
    func scalar(_ key: Key) throws -> String? {
        guard given(key) else { return nil }
        guard let value = try? container.decode(JSONValue.self, forKey: key), let text = value.scalarText else {
            throw fail(key, "a string")
        }
        return text
    }

    func scalars(_ key: Key) throws -> [String] {
        guard given(key) else { return [] }
        guard let values = try? container.decode([JSONValue].self, forKey: key) else { throw fail(key, "an array of strings") }
        let texts = values.compactMap(\.scalarText)
        guard texts.count == values.count else { throw fail(key, "an array of strings") }
        return texts
    }

    /// An array of `T`; an element's own error (an option without a name) is passed on,
    /// prefixed by what it belongs to.
    func list<T: Decodable>(_ key: Key, of type: T.Type, _ kind: String) throws -> [T] {
        guard given(key) else { return [] }
        guard (try? container.decode([JSONValue].self, forKey: key)) != nil else { throw fail(key, "an array") }
        do {
            return try container.decode([T].self, forKey: key)
        } catch let error as CommandSignature.SignatureError {
            throw CommandSignature.SignatureError("\(what): \(error.description)")
        } catch {
            throw fail(key, "an array of \(kind)")
        }
    }
}

extension JSONValue {
    /// A string, or a number's or boolean's text; nil for arrays, objects and null.
    fileprivate var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number, .bool: return text
        default: return nil
        }
    }
}
