import Testing

@testable import HTTPServer

@Suite struct QueryParametersTests {
    @Test func repeatedKeysAreKeptInOrderAndValuesDecoded() {
        let query = QueryParameters("service=pass&service=id%20card&persons=2&empty=&flag&&name=J%C3%BCrgen+M")
        #expect(query.values(for: "service") == ["pass", "id card"])
        #expect(query["service"] == "pass")
        #expect(query["persons"] == "2")
        #expect(query["empty"] == "")
        #expect(query["flag"] == "")
        #expect(query["name"] == "Jürgen M")
        #expect(query["missing"] == nil)
        #expect(query.count == 6)
    }

    @Test func misfitsAreUnknownNamesAndNamesGivenTwice() {
        let query = QueryParameters("service=a&service=b&persons=1&zzz=1&persons=3&zzz=2&flag")
        let misfits = query.misfits(known: ["service", "persons"], repeatable: ["service"])
        #expect(misfits.unknown == ["zzz", "flag"])
        #expect(misfits.repeated == ["persons"])
        let none = QueryParameters("service=a&service=b&persons=1").misfits(
            known: ["service", "persons"], repeatable: ["service"])
        #expect(none.unknown.isEmpty && none.repeated.isEmpty)
        #expect(QueryParameters("service=a&service=b").misfits(known: ["service"]).repeated == ["service"])
        #expect(QueryParameters("").misfits(known: []).unknown.isEmpty)
    }

    @Test func onlyTheFirstTenUnknownNamesAreCollected() {
        let names = (0..<2_700).map { "n\($0)=1" }.joined(separator: "&")
        let misfits = QueryParameters(names + "&persons=1&persons=2").misfits(known: ["persons"])
        #expect(misfits.unknown == (0..<10).map { "n\($0)" })
        #expect(misfits.repeated == ["persons"])
    }

    @Test func brokenEscapesAreKeptAsTheyAre() {
        #expect(QueryParameters("a=100%&b=%zz&c=%4")["a"] == "100%")
        #expect(QueryParameters("a=100%&b=%zz&c=%4")["b"] == "%zz")
        #expect(QueryParameters("a=100%&b=%zz&c=%4")["c"] == "%4")
    }

    @Test func requestsSplitTheirTargets() {
        let request = HTTPRequest(method: .get, target: "/v1/slots?date=2026-12-01&date=2026-12-02")
        #expect(request.path == "/v1/slots")
        #expect(request.query.values(for: "date") == ["2026-12-01", "2026-12-02"])
        #expect(HTTPRequest(method: .get, target: "/x").rawQuery == nil)
    }

    @Test func theRemoteHostLeavesOutThePort() {
        #expect(HTTPRequest(method: .get, target: "/", remoteAddress: "203.0.113.7:51234").remoteHost == "203.0.113.7")
        #expect(HTTPRequest(method: .get, target: "/", remoteAddress: "[2001:db8::1]:443").remoteHost == "2001:db8::1")
    }
}
