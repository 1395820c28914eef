import Foundation
import Glibc
import Testing

@testable import LineEditor

@Suite struct LineEditorTests {
    @Test func commonPrefixIsInWholeCharacters() {
        #expect(LineEditor.commonPrefix(["search", "session", "show"]) == "s")
        #expect(LineEditor.commonPrefix(["Il-sŏng", "Il-sŏn"]) == "Il-sŏn")
        #expect(LineEditor.commonPrefix(["stats"]) == "stats")
    }

    @Test func matchArrayHasTheReplacementFirstAndEndsWithNull() throws {
        let array = try #require(LineEditor.matchArray(["search", "session"]))
        #expect(String(cString: array[0]!) == "se")
        #expect(String(cString: array[1]!) == "search")
        #expect(String(cString: array[2]!) == "session")
        #expect(array[3] == nil)
        for index in 0..<3 { free(array[index]) }
        free(array)

        let single = try #require(LineEditor.matchArray(["search"]))
        #expect(String(cString: single[0]!) == "search ")
        #expect(single[1] == nil)
        free(single[0])
        free(single)
        #expect(LineEditor.matchArray([]) == nil)
    }

    @Test func plainReaderGivesLinesAsTheyAreWithoutLineEndings() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try "search Ch’oe\r\nshow 1\n\nsearch 김일성".write(to: url, atomically: true, encoding: .utf8)
        let reader = try #require(PlainLineReader(path: url.path))
        #expect(reader.readLine(prompt: "") == .line("search Ch’oe"))
        #expect(reader.readLine(prompt: "") == .line("show 1"))
        #expect(reader.readLine(prompt: "") == .line(""))
        #expect(reader.readLine(prompt: "") == .line("search 김일성"))
        #expect(reader.readLine(prompt: "") == .endOfInput)
        #expect(PlainLineReader(path: "/no/such/script.txt") == nil)
    }
}
