import DossierJSON

/// One command a plugin adds, as its signature message describes it: name, help,
/// positional arguments, options and flags, examples. Plugins written in Swift build it;
/// the host reads and checks it, so the two sides share one definition.
public struct PluginCommandSpec: Sendable, Equatable {
    public var name: String
    public var abstract: String
    public var discussion: String
    public var arguments: [Argument]
    public var options: [Option]
    public var examples: [String]
    /// Whether the last argument receives the rest of the line verbatim (a query, a note).
    public var freeText: Bool

    public struct Argument: Sendable, Equatable {
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
    }

    /// `--name VALUE`, or with `flag` a `--name` that takes no value.
    public struct Option: Sendable, Equatable {
        /// The long name without dashes: `limit`.
        public var name: String
        /// A one-letter short name without the dash: `n`.
        public var short: String?
        public var flag: Bool
        /// What the help calls the value: `N`, `FILE`.
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
    }

    public init(
        name: String, abstract: String, discussion: String = "", arguments: [Argument] = [], options: [Option] = [],
        examples: [String] = [], freeText: Bool = false
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.freeText = freeText
    }

    /// The command as the signature message carries it.
    public var json: JSONValue {
        .object([
            "name": .string(name), "abstract": .string(abstract), "discussion": .string(discussion),
            "arguments": .array(arguments.map { argument in
                ["name": .string(argument.name), "help": .string(argument.help),
                 "optional": .bool(argument.optional), "repeating": .bool(argument.repeating)]
            }),
            "options": .array(options.map { option in
                var object: [String: JSONValue] = [
                    "name": .string(option.name), "flag": .bool(option.flag), "help": .string(option.help),
                ]
                if let short = option.short { object["short"] = .string(short) }
                if let value = option.value { object["value"] = .string(value) }
                if let defaultValue = option.defaultValue { object["default"] = .string(defaultValue) }
                if !option.choices.isEmpty { object["choices"] = .array(option.choices.map(JSONValue.string)) }
                return .object(object)
            }),
            "examples": .array(examples.map(JSONValue.string)),
            "free_text": .bool(freeText),
        ])
    }

    /// Reads and checks a command of a signature message; the error says what is wrong in
    /// words a plugin's author can act on.
    public init(json: JSONValue) throws(SpecError) {
        guard let object = json.object else { throw SpecError("a command is not a JSON object") }
        guard let name = object["name"]?.string else { throw SpecError("a command has no \"name\" string") }
        guard Self.isValidName(name) else {
            throw SpecError("the command name '\(name)' is not lower-case letters, digits, dashes and underscores starting with a letter")
        }
        let context = "command '\(name)'"
        func string(_ key: String, in object: [String: JSONValue], _ what: String) throws(SpecError) -> String? {
            guard let value = object[key], value != .null else { return nil }
            guard let text = value.string else { throw SpecError("\(what): \"\(key)\" is not a string") }
            return text
        }
        func bool(_ key: String, in object: [String: JSONValue], _ what: String) throws(SpecError) -> Bool {
            guard let value = object[key], value != .null else { return false }
            guard case .bool(let flag) = value else { throw SpecError("\(what): \"\(key)\" is not true or false") }
            return flag
        }
        func list(_ key: String, _ what: String) throws(SpecError) -> [JSONValue] {
            guard let value = object[key], value != .null else { return [] }
            guard let values = value.array else { throw SpecError("\(what): \"\(key)\" is not an array") }
            return values
        }
        guard let abstract = try string("abstract", in: object, context), !abstract.isEmpty else {
            throw SpecError("\(context) has no \"abstract\" (the one line 'help' shows)")
        }
        self.name = name
        self.abstract = abstract
        self.discussion = try string("discussion", in: object, context) ?? ""
        self.freeText = try bool("free_text", in: object, context)

        var arguments: [Argument] = []
        for value in try list("arguments", context) {
            guard let argument = value.object, let argumentName = argument["name"]?.string, Self.isValidName(argumentName)
            else { throw SpecError("\(context): an argument has no valid \"name\" (lower-case letters, digits, dashes, underscores)") }
            let what = "\(context), argument '\(argumentName)'"
            arguments.append(Argument(
                argumentName, help: try string("help", in: argument, what) ?? "",
                optional: try bool("optional", in: argument, what), repeating: try bool("repeating", in: argument, what)))
        }
        for (index, argument) in arguments.enumerated() where index < arguments.count - 1 {
            if argument.repeating || argument.optional {
                throw SpecError("\(context): only the last argument may be optional or repeating, not '\(argument.name)'")
            }
        }
        if freeText && arguments.isEmpty {
            throw SpecError("\(context) takes free text but has no argument to receive it")
        }
        if Set(arguments.map(\.name)).count != arguments.count {
            throw SpecError("\(context) names two arguments the same")
        }
        self.arguments = arguments

        var options: [Option] = []
        for value in try list("options", context) {
            guard let option = value.object, let optionName = option["name"]?.string, Self.isValidName(optionName) else {
                throw SpecError("\(context): an option has no valid \"name\" (lower-case letters, digits, dashes, underscores; no leading --)")
            }
            let what = "\(context), option '--\(optionName)'"
            guard !["json", "help"].contains(optionName) else {
                throw SpecError("\(what): --json and --help belong to Dossier and every command has them")
            }
            let short = try string("short", in: option, what)
            if let short, short.count != 1 || !(short.first!.isLetter) || short == "h" {
                throw SpecError("\(what): \"short\" must be one letter other than h, without the dash")
            }
            // Values may be given as numbers too (`"default": 10`): they arrive as text.
            func scalar(_ value: JSONValue) -> String? {
                switch value {
                case .string(let text): return text
                case .number, .bool: return value.text
                default: return nil
                }
            }
            var choices: [String] = []
            if let values = option["choices"], values != .null {
                guard let array = values.array, array.allSatisfy({ scalar($0) != nil }) else {
                    throw SpecError("\(what): \"choices\" is not an array of strings")
                }
                choices = array.compactMap(scalar)
            }
            var defaultValue: String?
            if let value = option["default"], value != .null {
                guard let text = scalar(value) else { throw SpecError("\(what): \"default\" is not a string") }
                defaultValue = text
            }
            if let defaultValue, !choices.isEmpty, !choices.contains(defaultValue) {
                throw SpecError("\(what): its default '\(defaultValue)' is not one of its choices")
            }
            options.append(Option(
                optionName, short: short, flag: try bool("flag", in: option, what), value: try string("value", in: option, what),
                help: try string("help", in: option, what) ?? "", defaultValue: defaultValue, choices: choices))
        }
        let names = options.map(\.name), shorts = options.compactMap(\.short)
        if Set(names).count != names.count || Set(shorts).count != shorts.count {
            throw SpecError("\(context) names two options the same")
        }
        self.options = options
        self.examples = try list("examples", context).map { value throws(SpecError) in
            guard let example = value.string else { throw SpecError("\(context): an example is not a string") }
            return example
        }
    }

    /// Lower-case ASCII letters, digits, dashes and underscores, starting with a letter.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 40 else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// What is wrong with a signature.
    public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
