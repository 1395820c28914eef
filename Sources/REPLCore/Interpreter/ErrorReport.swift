import ArgumentParser
import DocumentStore
import DossierProtocol
import SessionStore

/// A failed command as data, for `--json`: `{"error": {"code": …, "message": …, …}}`, so
/// that a script can tell a failure from an empty result. `code` is stable (`import.malformed`,
/// `session.not_found`, `query.invalid`, `command.unknown_command`…); the other fields are
/// the error's own (`file`, `line`, `position`, `suggestions`…), and `location` names the
/// script line.
enum ErrorReport {
    static func json(for error: any Error, message: String, location: String?) -> JSONValue {
        var fields = details(of: error)
        fields["code"] = .string(code(of: error))
        fields["message"] = .string(message)
        if let location { fields["location"] = .string(location) }
        return .object(["error": .object(fields)])
    }

    static func code(of error: any Error) -> String {
        switch error {
        case let error as REPLError: return "command." + caseName(error)
        case let error as StoreError:
            if case .query = error { return "query.invalid" }
            return "store." + caseName(error)
        case let error as ImportError: return "import." + caseName(error)
        case is QueryError: return "query.invalid"
        case let error as SessionError: return "session." + caseName(error)
        case let error as WorkspaceError: return "workspace." + caseName(error)
        case is ValidationError: return "arguments.invalid"
        case is CancellationError: return "command.interrupted"
        default: return "command.failed"
        }
    }

    /// The error's own values, by name: an enum case's labelled associated values, or a
    /// struct's stored properties.
    static func details(of error: any Error) -> [String: JSONValue] {
        if case .query(let query) = error as? StoreError { return details(of: query) }
        let mirror = Mirror(reflecting: error)
        var fields: [String: JSONValue] = [:]
        if mirror.displayStyle == .enum {
            guard let payload = mirror.children.first?.value else { return [:] }
            let values = Mirror(reflecting: payload)
            if values.displayStyle != .tuple {
                if let value = jsonValue(payload) { fields["value"] = value }
                return fields
            }
            for child in values.children {
                guard let label = child.label, !label.hasPrefix("."), let value = jsonValue(child.value) else { continue }
                fields[snakeCase(label)] = value
            }
        } else if mirror.displayStyle == .struct {
            for child in mirror.children {
                guard let label = child.label, let value = jsonValue(child.value) else { continue }
                fields[snakeCase(label)] = value
            }
            fields["message"] = nil
        }
        return fields
    }

    private static func jsonValue(_ value: Any) -> JSONValue? {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return .number(Double(number))
        case let list as [String]: return .array(list.map(JSONValue.string))
        case let format as ImportFormat: return .string(format.rawValue)
        default:
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value else { return nil }
            return jsonValue(wrapped)
        }
    }

    /// `unknownCommand(…)` → `unknown_command`.
    private static func caseName(_ error: any Error) -> String {
        switch error {
        case REPLError.noResults: return "no_results"
        case REPLError.interrupted, StoreError.interrupted: return "interrupted"
        default: return snakeCase(Mirror(reflecting: error).children.first?.label ?? "failed")
        }
    }

    private static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
    }
}
