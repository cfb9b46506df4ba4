import Testing

@testable import App
@testable import HTTPServer

@Suite struct MetricsTests {
    func record(_ route: String?, _ status: Int?, milliseconds: Int, number: Int? = nil) -> ResponseRecord {
        ResponseRecord(
            requestID: 1, method: .get, route: route, routeNumber: number, status: status.map { HTTPStatus(code: $0) },
            duration: .milliseconds(milliseconds), bodyBytes: 0, remoteAddress: "127.0.0.1:1")
    }

    @Test func answersCountedByRouteNumberAndByPatternAddUpPerPattern() {
        let metrics = Metrics()
        metrics.record(record("/v1/offices", 200, milliseconds: 2, number: 3))
        metrics.record(record("/v1/offices", 200, milliseconds: 3, number: 3))
        metrics.record(record("/v1/offices", 200, milliseconds: 30))
        metrics.record(record("/v1/holds", 201, milliseconds: 1, number: 0))
        metrics.record(record("/v1/odd", 200, milliseconds: 1, number: -1))
        metrics.record(record("/v1/other", 200, milliseconds: 1, number: 3))
        let text = metrics.exposition()
        #expect(text.contains(#"rathaus_http_requests_total{route="/v1/offices",method="GET",status="200"} 3"#))
        #expect(text.contains(#"rathaus_http_request_duration_seconds_bucket{route="/v1/offices",le="0.0025"} 1"#))
        #expect(text.contains(#"rathaus_http_request_duration_seconds_bucket{route="/v1/offices",le="0.005"} 2"#))
        #expect(text.contains(#"rathaus_http_request_duration_seconds_count{route="/v1/offices"} 3"#))
        #expect(text.contains(#"rathaus_http_requests_total{route="/v1/holds",method="GET",status="201"} 1"#))
        #expect(text.contains(#"rathaus_http_requests_total{route="/v1/odd",method="GET",status="200"} 1"#))
        #expect(text.contains(#"rathaus_http_requests_total{route="/v1/other",method="GET",status="200"} 1"#))
        #expect(
            text.split(separator: "\n").filter {
                $0.hasPrefix(#"rathaus_http_request_duration_seconds_count{route="/v1/offices"}"#)
            }.count == 1)
    }

    @Test func requestsAreCountedByRouteMethodAndStatusWithALatencyHistogramPerRoute() {
        let metrics = Metrics()
        metrics.record(record("/v1/offices", 200, milliseconds: 2))
        metrics.record(record("/v1/offices", 200, milliseconds: 30))
        metrics.record(record("/v1/offices", 404, milliseconds: 1))
        metrics.record(record(nil, nil, milliseconds: 0))
        let text = metrics.exposition()
        #expect(text.contains(#"rathaus_http_requests_total{route="/v1/offices",method="GET",status="200"} 2"#))
        #expect(text.contains(#"rathaus_http_requests_total{route="/v1/offices",method="GET",status="404"} 1"#))
        #expect(text.contains(#"rathaus_http_requests_total{route="unmatched",method="GET",status="none"} 1"#))
        // 1 ms and 2 ms are within 2.5 ms; 30 ms only from 50 ms on.
        #expect(text.contains(#"rathaus_http_request_duration_seconds_bucket{route="/v1/offices",le="0.0025"} 2"#))
        #expect(text.contains(#"rathaus_http_request_duration_seconds_bucket{route="/v1/offices",le="0.025"} 2"#))
        #expect(text.contains(#"rathaus_http_request_duration_seconds_bucket{route="/v1/offices",le="0.05"} 3"#))
        #expect(text.contains(#"rathaus_http_request_duration_seconds_count{route="/v1/offices"} 3"#))
    }

    @Test(arguments: [
        ("plain", "plain"), (#"a"b"#, #"a\"b"#), (#"a\b"#, #"a\\b"#), ("a\nb", #"a\nb"#), ("", ""),
        ("Bürgerbüro", "Bürgerbüro"),
    ])
    func labelValuesAreEscapedAsTheTextFormatAsks(value: String, escaped: String) {
        #expect(Metrics.escape(value) == escaped)
    }

    @Test func eventLabelsAreEscapedToo() {
        let metrics = Metrics()
        metrics.count("rathaus_test_total", [("office", #"say "hi""#)], by: 3)
        #expect(metrics.exposition().contains(#"rathaus_test_total{office="say \"hi\""} 3"#))
    }
}
