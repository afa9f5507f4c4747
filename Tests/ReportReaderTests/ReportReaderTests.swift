import Testing
@testable import ReportReader

@Suite("Reading quantities")
struct StatedQuantityTests {
    @Test("digits in the separator conventions of each language")
    func digits() {
        #expect(StatedQuantity.number("1,300", language: "en") == 1300)
        #expect(StatedQuantity.number("1.300", language: "id") == 1300)
        #expect(StatedQuantity.number("1.5", language: "en") == 1.5)
        #expect(StatedQuantity.number("۱۵۰", language: "fa") == 150)
        #expect(StatedQuantity.number("2,5", language: "ru") == 2.5)
    }
}
