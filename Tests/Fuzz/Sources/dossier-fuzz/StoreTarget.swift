import DocumentStore
import DossierProtocol
import Foundation
import TextAnalysis

extension FuzzTarget {
    /// A record made of the input imported into a store and looked for again: the store's
    /// folding tokenizer, the vocabulary of spellings and the digests see every kind of text.
    /// An imported record must be there, and found by a word of its title.
    static let store = FuzzTarget(
        name: "store", about: "an import into a store, its tokenizer and vocabulary, and a search for it"
    ) { bytes in
        let text = bytes.text
        let parts = text.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let title = parts[0]
        let id = "fuzz-\(UInt64(truncatingIfNeeded: title.hashValue))"
        let record: JSONValue = [
            "id": .string(id), "title": .string(title),
            "summary": .string(parts.count > 1 ? parts[1] : ""), "text": .string(parts.count > 2 ? parts[2] : ""),
            "people": .array(title.split(separator: " ").prefix(3).map { .string(String($0)) }),
        ]
        let url = Sample.folder.appendingPathComponent("record.jsonl")
        _ = FileManager.default.createFile(atPath: url.path, contents: Data((record.serialized() + "\n").utf8))
        let store = Sample.store
        do {
            _ = try store.importFile(at: url, format: .jsonl, name: "record.jsonl")
        } catch is ImportError {
            return
        } catch {
            finding("an import failed with something else than an ImportError: \(error)")
        }
        guard let stored = try? store.record(id: id) else {
            finding("an imported record is not in the store: \(title.debugDescription)")
        }
        guard let word = Terms.indexWords(in: stored.title).first(where: { $0.count >= 3 && $0.allSatisfy(\.isLetter) }) else {
            return
        }
        do {
            let page = try store.search(SearchQuery.parse("=\"\(word)\""), limit: 200)
            if page.total == 0 {
                finding("a word of an imported title finds nothing: \(word.debugDescription) in \(stored.title.debugDescription)")
            }
        } catch {
            finding("a word of an imported title cannot be searched for: \(word.debugDescription): \(error)")
        }
    }
}
