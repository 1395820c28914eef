import DocumentStore
import Foundation
import Testing

@Test func scratch() throws {
    let path = ProcessInfo.processInfo.environment["SCRATCH_STORE"] ?? "/tmp/ws3/w/.dossier/store.sqlite"
    let store = try DocumentStore.open(at: URL(fileURLWithPath: path))
    for q in ["Chŏng Ch'ŏl-kŏn", "Chŏng Ch'ŏl-kŏn", "P'eng En-tung", "Chruschtschow"] {
        var t = Date()
        let query = try store.query(q)
        let parse = Date().timeIntervalSince(t) * 1000
        t = Date()
        let page = try store.search(query, limit: 20)
        let search = Date().timeIntervalSince(t) * 1000
        t = Date()
        let exact = try store.search(store.query(q, exact: true), limit: 20)
        let e = Date().timeIntervalSince(t) * 1000
        print("M", q, query.match)
        if let data = try? JSONSerialization.data(withJSONObject: ["match": query.match, "tiers": query.tiers, "words": query.tiers.isEmpty ? "" : query.match]) {
            try? data.write(to: URL(fileURLWithPath: "/tmp/q-\(abs(q.hashValue % 1000)).json"))
        }
        print("T", q, query.tiers)
        print("Q", q, String(format: "parse %.1f search %.1f exact %.1f", parse, search, e), page.total, exact.total, query.match.count, query.tiers.count, query.expansions.count)
    }
}
