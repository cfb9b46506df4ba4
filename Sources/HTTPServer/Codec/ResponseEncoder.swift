/// Writes response heads and bodies as HTTP/1.1 bytes (RFC 9112 §4, §6).
enum ResponseEncoder {
    /// What the `Connection` field says, if anything (RFC 9112 §9.3, §9.6).
    enum ConnectionField {
        case omitted
        case close
        case keepAlive
    }

    /// Appends a whole response: status line, the server's fields, the response's fields, what
    /// `extraFields` appends, the empty line and (unless `omitBody`, for `HEAD`) the body.
    static func write(
        _ response: HTTPResponse, omitBody: Bool, connection: ConnectionField, date: DateCache,
        into output: inout [UInt8], extraFields: (inout [UInt8]) -> Void = { _ in }
    ) {
        writeStatusLine(response.status, into: &output)
        output.append(contentsOf: date.field)
        if !response.status.forbidsBody {
            writeContentLength(response.body.count, into: &output)
        }
        writeConnection(connection, into: &output)
        response.headers.write(into: &output, skippingServerManaged: true)
        extraFields(&output)
        output.append(.cr)
        output.append(.lf)
        if !omitBody && !response.status.forbidsBody {
            output.append(contentsOf: response.body)
        }
    }

    /// Appends the head of a streamed response: `Transfer-Encoding: chunked` when `chunked`,
    /// otherwise the body runs until the connection closes (HTTP/1.0, RFC 9112 §6.3).
    static func writeStreamHead(
        status: HTTPStatus, headers: HTTPHeaders, chunked: Bool, date: DateCache, into output: inout [UInt8]
    ) {
        writeStatusLine(status, into: &output)
        output.append(contentsOf: date.field)
        if chunked {
            append("Transfer-Encoding: chunked\r\n", to: &output)
        } else {
            writeConnection(.close, into: &output)
        }
        headers.write(into: &output, skippingServerManaged: true)
        output.append(.cr)
        output.append(.lf)
    }

    /// Appends one chunk (RFC 9112 §7.1) holding `payload`, or the payload alone when not
    /// `chunked`. An empty payload is not written (it would end the body).
    static func writeChunk(_ payload: [UInt8], chunked: Bool, into output: inout [UInt8]) {
        guard !payload.isEmpty else { return }
        if chunked {
            writeHex(payload.count, into: &output)
            output.append(.cr)
            output.append(.lf)
            output.append(contentsOf: payload)
            output.append(.cr)
            output.append(.lf)
        } else {
            output.append(contentsOf: payload)
        }
    }

    /// The last chunk and an empty trailer section.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    /// The interim response sent for `Expect: 100-continue`.
    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    static func writeStatusLine(_ status: HTTPStatus, into output: inout [UInt8]) {
        append("HTTP/1.1 ", to: &output)
        let code = status.code
        output.append(UInt8(ascii: "0") + UInt8(code / 100 % 10))
        output.append(UInt8(ascii: "0") + UInt8(code / 10 % 10))
        output.append(UInt8(ascii: "0") + UInt8(code % 10))
        output.append(.space)
        output.append(contentsOf: status.reasonPhrase.utf8)
        output.append(.cr)
        output.append(.lf)
    }

    private static func writeContentLength(_ length: Int, into output: inout [UInt8]) {
        append("Content-Length: ", to: &output)
        writeDecimal(length, into: &output)
        output.append(.cr)
        output.append(.lf)
    }

    private static func writeConnection(_ connection: ConnectionField, into output: inout [UInt8]) {
        switch connection {
        case .omitted: break
        case .close: append("Connection: close\r\n", to: &output)
        case .keepAlive: append("Connection: keep-alive\r\n", to: &output)
        }
    }

    /// Appends a non-negative decimal (negative values are written as 0).
    static func writeDecimal(_ value: Int, into output: inout [UInt8]) {
        let value = max(value, 0)
        if value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    private static func writeHex(_ value: Int, into output: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        var shift = (Int.bitWidth - value.leadingZeroBitCount + 3) / 4 * 4 - 4
        if shift < 0 { shift = 0 }
        while shift >= 0 {
            output.append(hex.utf8Start[(value >> shift) & 0xF])
            shift -= 4
        }
    }

    @inline(__always)
    static func append(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
