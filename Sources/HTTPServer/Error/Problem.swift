/// An RFC 9457 problem: the body of every error answer, `application/problem+json`.
package struct Problem: Error, Sendable, Equatable {
    /// A URI naming the kind of problem; `about:blank` when the status says it all
    /// (RFC 9457 §4.2.1).
    package var type: String
    /// A short summary of the kind of problem; for `about:blank`, the status's reason phrase.
    package var title: String
    /// The status of the answer.
    package var status: HTTPStatus
    /// What went wrong with this request, for a human; never personal data.
    package var detail: String?
    /// A URI naming this occurrence, e.g. a request id; left out when nil.
    package var instance: String?
    /// Extra header fields for the answer, e.g. `Allow` or `Retry-After`.
    package var headers: HTTPHeaders

    /// A problem; `title` defaults to the status's reason phrase.
    package init(
        status: HTTPStatus, detail: String? = nil, type: String = "about:blank", title: String? = nil,
        instance: String? = nil, headers: HTTPHeaders = [:]
    ) {
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.status = status
        self.detail = detail
        self.instance = instance
        self.headers = headers
    }

    /// Problems are equal when their members are (extra headers aside).
    package static func == (lhs: Problem, rhs: Problem) -> Bool {
        lhs.type == rhs.type && lhs.title == rhs.title && lhs.status == rhs.status && lhs.detail == rhs.detail
            && lhs.instance == rhs.instance
    }

    /// The JSON object: `type`, `title`, `status`, then `detail` and `instance` when present.
    package var json: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        output.append(contentsOf: #"{"type":"#.utf8)
        JSONString.write(type, into: &output)
        output.append(contentsOf: #","title":"#.utf8)
        JSONString.write(title, into: &output)
        output.append(contentsOf: #","status":"#.utf8)
        ResponseEncoder.writeDecimal(status.code, into: &output)
        if let detail {
            output.append(contentsOf: #","detail":"#.utf8)
            JSONString.write(detail, into: &output)
        }
        if let instance {
            output.append(contentsOf: #","instance":"#.utf8)
            JSONString.write(instance, into: &output)
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// The answer: this problem's status and headers, `Content-Type: application/problem+json`
    /// and `json` as the body.
    package func response() -> HTTPResponse {
        var fields = headers
        fields.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: status, headers: fields, body: json)
    }
}

/// JSON string literals (RFC 8259 §7).
package enum JSONString {
    /// Appends `text` as a quoted, escaped JSON string.
    package static func write(_ text: String, into output: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hex.utf8Start[Int(byte >> 4)])
                output.append(hex.utf8Start[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
