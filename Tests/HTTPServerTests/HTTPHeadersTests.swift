import Testing

@testable import HTTPServer

@Suite struct HTTPHeadersTests {
    @Test func fieldsKeepTheirOrderAndMatchNamesInAnyCase() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Vary": "Accept"]
        headers.add("vary", "Origin")
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values(for: "VARY") == ["Accept", "Origin"])
        #expect(headers.contains("Vary"))
        #expect(!headers.contains("Varies"))
        #expect(headers.map(\.name) == ["Content-Type", "Vary", "vary"])
    }

    @Test func setReplacesEveryFieldOfThatName() {
        var headers: HTTPHeaders = ["A": "1", "B": "2", "a": "3"]
        headers.set("A", "4")
        #expect(headers.map { "\($0.name)=\($0.value)" } == ["B=2", "A=4"])
        headers.remove("b")
        #expect(headers.count == 1)
    }

    @Test func lineBreaksCannotSplitAResponse() {
        var headers = HTTPHeaders()
        headers.add("Location", "/x\r\nSet-Cookie: evil=1")
        headers.add("Bad Name:", "v")
        var output: [UInt8] = []
        headers.write(into: &output, skippingServerManaged: true)
        #expect(String(decoding: output, as: UTF8.self) == "Location: /x  Set-Cookie: evil=1\r\nBad-Name-: v\r\n")
    }

    @Test func everyASCIIByteInANameOrValueIsKeptOrReplacedByTheRule() {
        for code in 0..<128 {
            let byte = UInt8(code)
            let character = String(UnicodeScalar(byte))
            var headers = HTTPHeaders()
            headers.add("X" + character, "a" + character + "ü")
            var output: [UInt8] = []
            headers.write(into: &output, skippingServerManaged: true)
            let name = ByteClass.isToken(byte) ? byte : UInt8(ascii: "-")
            let value = (byte >= 0x20 && byte != 0x7F) || byte == 0x09 ? byte : UInt8(ascii: " ")
            #expect(output == [UInt8(ascii: "X"), name] + Array(": a".utf8) + [value] + Array("ü\r\n".utf8), "\(code)")
        }
    }

    @Test func fieldsTheServerWritesItselfAreLeftOut() {
        let headers: HTTPHeaders = [
            "Content-Length": "99", "X-A": "1", "date": "yesterday", "Connection": "close",
            "Transfer-Encoding": "gzip",
        ]
        var output: [UInt8] = []
        headers.write(into: &output, skippingServerManaged: true)
        #expect(String(decoding: output, as: UTF8.self) == "X-A: 1\r\n")
    }
}
