import CommandSupport
import DocumentStore
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("1956", "1956", "1956-01-01", "1956-12-31"),
        ("1956-09", "1956-09", "1956-09-01", "1956-09-30"),
        ("1956-09-20", "1956-09-20", "1956-09-20", "1956-09-20"),
        ("1950~", "1950~", "1950-01-01", "1950-12-31"),
        ("September 20, 1956", "1956-09-20", "1956-09-20", "1956-09-20"),
        ("20 September 1956", "1956-09-20", "1956-09-20", "1956-09-20"),
        ("Sept. 1956", "1956-09", "1956-09-01", "1956-09-30"),
        ("c. 1950", "1950~", "1950-01-01", "1950-12-31"),
        ("1956-02", "1956-02", "1956-02-01", "1956-02-29"),
    ])
    func readsPartialAndPrintedDates(_ input: String, _ iso: String, _ lower: String, _ upper: String) throws {
        let date = try #require(try PartialDate.parse(input))
        #expect(date.iso == iso)
        #expect(date.lowerBound == lower)
        #expect(date.upperBound == upper)
    }

    @Test(arguments: ["", "n.d.", "undated", "  "])
    func textsThatSayNoDateGiveNone(_ input: String) throws {
        #expect(try PartialDate.parse(input) == nil)
    }

    @Test func impossibleDaysAreRefusedWithTheReason() {
        #expect(throws: DateError.invalid(reason: "February 1956 has 29 days")) { try PartialDate.parse("1956-02-31") }
        #expect(throws: DateError.invalid(reason: "February 1957 has 28 days")) { try PartialDate.parse("1957-02-29") }
        #expect(throws: DateError.invalid(reason: "there is no month 13")) { try PartialDate.parse("1956-13") }
        #expect(throws: DateError.unreadable) { try PartialDate.parse("31/02/1956") }
        #expect(throws: DateError.unreadable) { try PartialDate.parse("the day after") }
    }

    @Test func displaysAsAReaderExpects() throws {
        #expect(try PartialDate.parse("1956-09-20")?.display == "September 20, 1956")
        #expect(try PartialDate.parse("1956-09")?.display == "September 1956")
        #expect(try PartialDate.parse("1950~")?.display == "c. 1950")
    }

    @Test func sortsByTheSpanItCovers() throws {
        let dates = try ["1956-09-20", "1956", "1956-09", "1950~"].map { try PartialDate.parse($0)! }
        #expect(dates.sorted().map(\.iso) == ["1950~", "1956", "1956-09", "1956-09-20"])
    }
}

@Suite struct DateGapTests {
    func date(_ text: String) throws -> PartialDate { try #require(try PartialDate.parse(text)) }

    @Test func daysBetweenDaysCountLeapYearsAndPartialDatesHaveNone() throws {
        let plenum = try date("1956-09-23")
        #expect(try date("1956-09-22").days(to: plenum) == 1)
        #expect(try date("1956-02-28").days(to: date("1956-03-01")) == 2)
        #expect(try date("1950-09-29").days(to: plenum) == 2186)
        #expect(try plenum.days(to: date("1956-09-20")) == -3)
        #expect(try date("1956-09").days(to: plenum) == nil)
    }
}
