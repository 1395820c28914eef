import DossierProtocol
import Foundation
import Testing

@testable import DocumentStore

@Suite struct JSONLineParserTests {
    private func parse(_ text: String) throws -> [String: JSONValue] {
        let data = Array(text.utf8)
        return try data.withUnsafeBytes { try JSONLineParser.object(in: $0) }
    }

    @Test func readsEveryKindOfValue() throws {
        let object = try parse(
            #" {"t": "Ch’oe \"KWP\"\n\u00e9\ud83d\ude00", "n": -1.5e2, "i": 42, "b": true, "f": false, "z": null, "a": [1, "x", []], "o": {"k": {}}} "#
        )
        #expect(object["t"] == .string("Ch’oe \"KWP\"\né😀"))
        #expect(object["n"] == .number(-150))
        #expect(object["i"] == 42)
        #expect(object["b"] == true)
        #expect(object["f"] == false)
        #expect(object["z"] == .null)
        #expect(object["a"] == [1, "x", []])
        #expect(object["o"] == ["k": .object([:])])
    }

    @Test func agreesWithFoundationOnTheRealRecords() throws {
        let lines = try String(contentsOf: TestFixtures.hsgSubset, encoding: .utf8).split(separator: "\n")
        for line in lines.prefix(100) {
            let expected = try JSONDecoder().decode([String: JSONValue].self, from: Data(line.utf8))
            #expect(try parse(String(line)) == expected)
        }
    }

    @Test(arguments: [
        "", "[1]", "{", "{\"a\": }", "{\"a\" 1}", "{\"a\": 1,}", "{\"a\": tru}", "{\"a\": \"x}", "{a: 1}",
        "{\"a\": 1} x", "{\"a\": \"\\q\"}", "{\"a\": 01x}", "{\"a\": \"\\ud800\"}", "{\"a\": \"tab\there\"}",
    ])
    func refusesWhatIsNotOneObject(_ text: String) {
        #expect(throws: JSONLineParser.Failure.self) { try parse(text) }
    }
}

enum TestFixtures {
    static let hsgSubset = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("dossierTests/Fixtures/hsg-subset.jsonl")
}
