import Foundation

/// Marks parts of a rendered cite that collapsing and disambiguation need to find again.
enum NodeTag: Sendable, Equatable {
    case yearSuffix
    case citationNumber
    case names
    case nameList
    case term
    /// Text typed by the user (cite prefix/suffix) whose punctuation must stay where it was typed.
    case userText
}

/// Rendered, not yet serialized output: text with formatting, quotes and case protection.
indirect enum Node: Sendable {
    case text(String)
    case seq([Node])
    case styled(Formatting, Node)
    case quoted(Node)
    case nocase(Node)
    case display(String, Node)
    case tagged(NodeTag, Node)

    static let empty = Node.seq([])

    var isEmpty: Bool {
        switch self {
        case .text(let s): return s.isEmpty
        case .seq(let list): return list.allSatisfy(\.isEmpty)
        case .styled(_, let n), .quoted(let n), .nocase(let n), .display(_, let n), .tagged(_, let n): return n.isEmpty
        }
    }

    /// The text without markup, used for sorting, comparisons and plural detection.
    var plainText: String {
        switch self {
        case .text(let s): return s
        case .seq(let list): return list.map(\.plainText).joined()
        case .quoted(let n): return "\u{201C}" + n.plainText + "\u{201D}"
        case .styled(_, let n), .nocase(let n), .display(_, let n), .tagged(_, let n): return n.plainText
        }
    }

    /// Maps every text leaf; `protected` leaves (inside nocase) are passed with `true`.
    func mapText(protected: Bool = false, _ f: (String, Bool) -> String) -> Node {
        switch self {
        case .text(let s): return .text(f(s, protected))
        case .seq(let list): return .seq(list.map { $0.mapText(protected: protected, f) })
        case .styled(let fm, let n): return .styled(fm, n.mapText(protected: protected, f))
        case .quoted(let n): return .quoted(n.mapText(protected: protected, f))
        case .nocase(let n): return .nocase(n.mapText(protected: true, f))
        case .display(let d, let n): return .display(d, n.mapText(protected: protected, f))
        case .tagged(let t, let n): return .tagged(t, n.mapText(protected: protected, f))
        }
    }

    /// The first sub-node carrying `tag`.
    func find(_ tag: NodeTag) -> Node? {
        switch self {
        case .text: return nil
        case .seq(let list):
            for n in list { if let f = n.find(tag) { return f } }
            return nil
        case .tagged(let t, let n): return t == tag ? n : n.find(tag)
        case .styled(_, let n), .quoted(let n), .nocase(let n), .display(_, let n): return n.find(tag)
        }
    }

    /// Joins non-empty nodes with a delimiter.
    static func join(_ nodes: [Node], _ delimiter: String) -> Node {
        let parts = nodes.filter { !$0.isEmpty }
        var out: [Node] = []
        for (i, p) in parts.enumerated() {
            if i > 0 && !delimiter.isEmpty { out.append(.text(delimiter)) }
            out.append(p)
        }
        return out.count == 1 ? out[0] : .seq(out)
    }
}

extension Node {
    /// Replaces the first sub-node tagged `tag` (used by subsequent-author-substitute).
    func replacingFirst(_ tag: NodeTag, with replacement: Node) -> Node {
        var done = false
        func walk(_ n: Node) -> Node {
            if done { return n }
            switch n {
            case .text: return n
            case .seq(let list): return .seq(list.map(walk))
            case .tagged(let t, let inner):
                if t == tag {
                    done = true
                    return replacement
                }
                return .tagged(t, walk(inner))
            case .styled(let f, let inner): return .styled(f, walk(inner))
            case .quoted(let inner): return .quoted(walk(inner))
            case .nocase(let inner): return .nocase(walk(inner))
            case .display(let d, let inner): return .display(d, walk(inner))
            }
        }
        return walk(self)
    }
}

extension Node {
    /// Whether the first non-empty text leaf lies inside a node tagged `tag`.
    func startsWithTagged(_ tag: NodeTag) -> Bool {
        func walk(_ n: Node, _ inside: Bool) -> Bool? {
            switch n {
            case .text(let s): return s.isEmpty ? nil : inside
            case .seq(let list):
                for x in list { if let r = walk(x, inside) { return r } }
                return nil
            case .tagged(let t, let inner): return walk(inner, inside || t == tag)
            case .styled(_, let inner), .quoted(let inner), .nocase(let inner), .display(_, let inner): return walk(inner, inside)
            }
        }
        return walk(self, false) ?? false
    }

    /// Applies `f` to the first non-empty text leaf only.
    func mapLeadingText(_ f: (String) -> String) -> Node {
        var done = false
        return mapText { s, _ in
            if done || s.isEmpty { return s }
            done = true
            return f(s)
        }
    }
}
