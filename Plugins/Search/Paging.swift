import ArgumentParser
import DocumentStore
import REPLCore

/// `next`: the page after the last search's.
struct Next: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the next page of the last search's results.")

    static let examples = ["search Kim --limit 2", "next"]

    func run(in context: CommandContext) async throws -> any CommandOutput {
        try turn(by: 1, in: context)
    }
}

/// `prev`: the page before the last search's.
struct Prev: DossierCommand {
    static let configuration = CommandConfiguration(
        commandName: "prev",
        abstract: "Show the previous page of the last search's results.")

    static let examples = ["search Kim --limit 2", "next", "prev"]

    func run(in context: CommandContext) async throws -> any CommandOutput {
        try turn(by: -1, in: context)
    }
}

/// Moves the last search `pages` pages on (or back).
private func turn(by pages: Int, in context: CommandContext) throws -> any CommandOutput {
    guard let paging = context.paging, paging.command == "search", let search = paging.state(as: SearchPaging.self) else {
        throw REPLError.failed("There are no results to page through. Run 'search' first.")
    }
    let offset = paging.offset + pages * paging.limit
    if offset < 0 {
        throw REPLError.failed("This is the first page already; 'next' goes forward.")
    }
    if offset >= paging.total {
        throw REPLError.failed(
            "That was the last page: the search found \(paging.total.grouped) \(paging.total == 1 ? "document" : "documents"). 'prev' goes back."
        )
    }
    return try Search.page(
        query: search.query, sort: search.sort, limit: paging.limit, offset: offset, exact: search.exact, why: search.why,
        in: context)
}
