import Foundation
import Testing

@testable import HTTPServer

/// `--log-format json`: the same fields as the key=value lines, one JSON object a line, read back
/// by Foundation's JSON parser.
@Suite struct LogFormatTests {
    static func object(_ line: String) throws -> [String: Any] {
        let json = LogFormat.json.render(line)
        #expect(!json.contains("\n"))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func aRequestLineBecomesAnObjectWithNumbersAsNumbers() throws {
        let object = try Self.object(
            "level=info event=http.request id=0001000000000007 method=GET route=/v1/offices/{office} status=200 duration_us=153"
        )
        #expect(object["level"] as? String == "info")
        #expect(object["event"] as? String == "http.request")
        #expect(object["id"] as? String == "0001000000000007", "a leading zero keeps it a string")
        #expect(object["route"] as? String == "/v1/offices/{office}")
        #expect(object["status"] as? Int == 200)
        #expect(object["duration_us"] as? Int == 153)
    }

    @Test func aQuotedValueKeepsItsSpacesAndInnerQuotes() throws {
        let object = try Self.object(
            #"level=error event=handler.error id=00ff route=/v1/holds error="near "x": syntax error" extra=1"#)
        #expect(object["error"] as? String == #"near "x": syntax error"#)
        #expect(object["extra"] as? Int == 1)
        let last = try Self.object(#"level=warning event=checkpoint.failed error="busy: a reader \ kept it""#)
        #expect(last["error"] as? String == #"busy: a reader \ kept it"#)
    }

    @Test func aLineThatIsNoKeyValueLineBecomesAMessage() throws {
        let object = try Self.object("rathaus: warning: town.json: an unknown time zone\twas read as UTC")
        #expect(object["message"] as? String == "rathaus: warning: town.json: an unknown time zone\twas read as UTC")
        #expect(object.count == 1)
    }

    @Test func theTextFormatLeavesLinesAsTheyAre() {
        #expect(LogFormat.text.render("level=info event=x a=\"b c\"") == "level=info event=x a=\"b c\"")
    }

    @Test func aRequestLineIsWrittenTheSameForEveryRouteLengthAndStatus() {
        func line(route: String?, status: HTTPStatus?, microseconds: Int64, id: UInt64) -> String {
            let record = ResponseRecord(
                requestID: id, method: .get, route: route, status: status, duration: .microseconds(microseconds),
                bodyBytes: 0, remoteAddress: "")
            return RequestLogMiddleware.line(record, id: id)
        }
        #expect(
            line(route: "/v1/offices/{office}", status: .ok, microseconds: 153, id: 0x0001_0000_0000_0007)
                == "level=info event=http.request id=0001000000000007 method=GET route=/v1/offices/{office} status=200 duration_us=153"
        )
        #expect(
            line(route: nil, status: nil, microseconds: 0, id: .max)
                == "level=info event=http.request id=ffffffffffffffff method=GET route=- status=none duration_us=0")
        #expect(line(route: "/", status: .notFound, microseconds: 10, id: 0).hasSuffix("status=404 duration_us=10"))
        #expect(line(route: "/", status: .ok, microseconds: 1_000_000_007, id: 0).hasSuffix("duration_us=1000000007"))
        // A route longer than the line's buffer on the stack is written by parts, the same way.
        let long = "/" + String(repeating: "a", count: 600)
        #expect(
            line(route: long, status: .ok, microseconds: 5, id: 1)
                == "level=info event=http.request id=0000000000000001 method=GET route=\(long) status=200 duration_us=5"
        )
        // So is a long method of the open set with a route that alone would fit.
        let method = String(repeating: "M", count: 250)
        let record = ResponseRecord(
            requestID: 2, method: HTTPMethod(method), route: "/v1/x", status: .ok, duration: .microseconds(1),
            bodyBytes: 0, remoteAddress: "")
        #expect(
            RequestLogMiddleware.line(record, id: 2)
                == "level=info event=http.request id=0000000000000002 method=\(method) route=/v1/x status=200 duration_us=1"
        )
    }
}
