import Foundation

/// A cite with everything position tracking worked out.
struct PositionedCite {
    var cite: CSLCite
    var item: CSLItem
    var position: Position
    var nearNote: Bool
    var firstNoteNumber: Int?
}

/// A cluster ready for rendering.
struct PositionedCluster {
    var cluster: CSLCluster
    var cites: [PositionedCite]
}

extension CSLProcessor {
    /// Computes first/subsequent/ibid/near-note for every cite, in document order.
    func assignPositions(_ clusters: [CSLCluster]) -> [PositionedCluster] {
        let distance = Int(style.citation.attributes["near-note-distance"] ?? "") ?? 5
        var firstNote: [String: Int] = [:]
        var lastNote: [String: Int] = [:]
        // In-text citations and footnotes form separate streams; within footnotes, all clusters of one note count
        // together as "the previous citation" for ibid.
        var previousInText: [CSLCite] = []
        var noteGroups: [(note: Int, cites: [CSLCite])] = []
        var result: [PositionedCluster] = []
        for cluster in clusters {
            let note = cluster.noteIndex
            let inText = note == 0
            let previousCluster: [CSLCite]
            if inText {
                previousCluster = previousInText
            } else {
                previousCluster = noteGroups.last?.cites ?? []
            }
            var out: [PositionedCite] = []
            for (i, cite) in cluster.cites.enumerated() {
                guard let item = itemsByID[cite.id] else { continue }
                var position: Position
                if firstNote[cite.id] == nil {
                    position = .first
                } else {
                    let previous: CSLCite? =
                        i > 0
                        ? cluster.cites[i - 1]
                        : (previousCluster.count >= 1 && Set(previousCluster.map(\.id)).count == 1 ? previousCluster.last : nil)
                    if let p = previous, p.id == cite.id {
                        let pl = p.locator.flatMap { $0.isEmpty ? nil : $0 }
                        let cl = cite.locator.flatMap { $0.isEmpty ? nil : $0 }
                        switch (pl, cl) {
                        case (nil, nil): position = .ibid
                        case (nil, .some): position = .ibidWithLocator
                        case (.some, nil): position = .subsequent
                        case let (.some(a), .some(b)):
                            position = a == b && (p.label ?? "page") == (cite.label ?? "page") ? .ibid : .ibidWithLocator
                        }
                    } else {
                        position = .subsequent
                    }
                }
                if let forced = cite.position, let p = Position(rawValue: forced) { position = p }
                var near = false
                if let last = lastNote[cite.id] { near = note - last <= distance }
                if let forced = cite.nearNote { near = forced }
                out.append(
                    PositionedCite(
                        cite: cite, item: item, position: position, nearNote: near,
                        firstNoteNumber: firstNote[cite.id]))
                if firstNote[cite.id] == nil { firstNote[cite.id] = note }
                lastNote[cite.id] = note
            }
            if inText {
                previousInText = cluster.cites
            } else if let last = noteGroups.last, last.note == note {
                noteGroups[noteGroups.count - 1].cites += cluster.cites
            } else {
                noteGroups.append((note, cluster.cites))
            }
            result.append(PositionedCluster(cluster: cluster, cites: out))
        }
        return result
    }
}
