import Glibc

/// Decodes HTTP/1.1 requests from the bytes a connection received (RFC 9112).
///
/// A value with no I/O: `decode(_:)` takes the bytes not yet consumed, returns one step and how
/// many bytes it consumed; the caller drops those and calls again with whatever is left plus
/// what arrives next. The same bytes give the same steps however they are split, and the decoder
/// never scans a byte of a request head twice, so a client trickling bytes costs linear time.
struct RequestDecoder: Sendable {
    enum Step: Sendable {
        /// Nothing more can be decoded until more bytes arrive.
        case needMore
        /// The head asked for `100 Continue` and no body byte has arrived yet: send it, then
        /// call again (RFC 9110 §10.1.1).
        case sendContinue
        /// A complete request.
        case request(RequestHead, body: [UInt8])
        /// A request the server must refuse; the connection cannot be used afterwards.
        case failure(RequestError)
    }

    let limits: RequestLimits
    private var state: State = .head(HeadScan())

    init(limits: RequestLimits) {
        self.limits = limits
    }

    /// Whether the decoder has taken part of a request (a head is read, a body is awaited).
    var isWithinRequest: Bool {
        if case .head(let scan) = state { return scan.position > 0 }
        return true
    }

    /// Whether the head of the current request is in and its body is awaited.
    var isAwaitingBody: Bool {
        switch state {
        case .body, .chunked: true
        case .head, .transient: false
        }
    }

    private enum State: Sendable {
        case head(HeadScan)
        case body(RequestHead, length: Int)
        case chunked(RequestHead, ChunkedBody)
        /// Only while a mutating step runs, so the body array is not copied.
        case transient
    }

    /// How far the head of the request at the front has been scanned.
    struct HeadScan: Sendable {
        /// The next byte to look at.
        var position = 0
        /// Where the line being scanned starts.
        var lineStart = 0
        /// The index of the CR that ends the request line; -1 until it is found.
        var requestLineEnd = -1
    }

    struct ChunkedBody: Sendable {
        enum Phase: Sendable {
            case size
            case data(remaining: Int)
            case dataEnd
            case trailer
        }
        var phase = Phase.size
        var body: [UInt8] = []
        var trailerBytes = 0
        var trailerCount = 0
    }

    /// Decodes from `bytes`, which start at the first byte not yet consumed.
    mutating func decode(_ bytes: UnsafeRawBufferPointer) -> (step: Step, consumed: Int) {
        var offset = 0
        while true {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
            switch state {
            case .head(var scan):
                if scan.position == 0 {
                    // RFC 9112 §2.2: ignore empty lines received before the request line.
                    let skipped = Self.leadingEmptyLines(rest)
                    if skipped > 0 {
                        offset += skipped
                        continue
                    }
                    if rest.count == 1 && rest[0] == .cr {
                        return (.needMore, offset)
                    }
                }
                switch Self.scanHead(rest, &scan, limits) {
                case .incomplete:
                    state = .head(scan)
                    return (.needMore, offset)
                case .failed(let error):
                    state = .head(HeadScan())
                    return (.failure(error), offset)
                case .complete(let headEnd):
                    state = .head(HeadScan())
                    let parsed = Self.parseHead(
                        UnsafeRawBufferPointer(rebasing: rest[..<headEnd]), requestLineEnd: scan.requestLineEnd,
                        limits: limits)
                    let head: RequestHead
                    switch parsed {
                    case .success(let value): head = value
                    case .failure(let error): return (.failure(error), offset)
                    }
                    offset += headEnd
                    let available = bytes.count - offset
                    switch head.framing {
                    case .none:
                        return (.request(head, body: []), offset)
                    case .length(let length):
                        if available >= length {
                            let body = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
                            return (.request(head, body: body), offset + length)
                        }
                        state = .body(head, length: length)
                        return (head.expectsContinue && available == 0 ? .sendContinue : .needMore, offset)
                    case .chunked:
                        state = .chunked(head, ChunkedBody())
                        if head.expectsContinue && available == 0 {
                            return (.sendContinue, offset)
                        }
                    }
                }
            case .body(let head, let length):
                guard rest.count >= length else { return (.needMore, offset) }
                state = .head(HeadScan())
                let body = [UInt8](UnsafeRawBufferPointer(rebasing: rest[..<length]))
                return (.request(head, body: body), offset + length)
            case .chunked(let head, var chunked):
                state = .transient
                switch Self.decodeChunks(rest, &chunked, limits) {
                case .needMore(let consumed):
                    state = .chunked(head, chunked)
                    return (.needMore, offset + consumed)
                case .complete(let consumed):
                    state = .head(HeadScan())
                    return (.request(head, body: chunked.body), offset + consumed)
                case .failed(let error):
                    state = .head(HeadScan())
                    return (.failure(error), offset)
                }
            case .transient:
                state = .head(HeadScan())
                return (.failure(.malformedRequestLine), offset)
            }
        }
    }

    private static func leadingEmptyLines(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = 0
        while index + 1 < bytes.count && bytes[index] == .cr && bytes[index + 1] == .lf {
            index += 2
        }
        return index
    }

    // MARK: - Head

    enum HeadScanResult: Equatable {
        case incomplete
        case complete(headEnd: Int)
        case failed(RequestError)
    }

    /// Finds the end of the head (the empty line), checking each line ends in CRLF and the
    /// request line and header section stay within their limits (RFC 9112 §2.2, §3, §5).
    static func scanHead(_ bytes: UnsafeRawBufferPointer, _ scan: inout HeadScan, _ limits: RequestLimits)
        -> HeadScanResult
    {
        guard let base = bytes.baseAddress else { return .incomplete }
        let count = bytes.count
        while scan.position < count {
            // The LF that may still come within the limit: the request line's at index
            // maxRequestLineBytes + 1 at most, the final empty line's at
            // headerStart + maxHeaderBytes + 1 at most.
            let onRequestLine = scan.requestLineEnd < 0
            let bound =
                onRequestLine
                ? limits.maxRequestLineBytes + 2
                : scan.requestLineEnd + 2 + limits.maxHeaderBytes + 2
            let end = min(count, bound)
            guard scan.position < end,
                let found = memchr(base + scan.position, Int32(UInt8.lf), end - scan.position)
            else {
                if count >= bound {
                    return .failed(
                        onRequestLine
                            ? .requestLineTooLong(limit: limits.maxRequestLineBytes)
                            : .headerSectionTooLarge(limit: limits.maxHeaderBytes))
                }
                scan.position = max(scan.position, end)
                return .incomplete
            }
            let lf = UnsafeRawPointer(found) - base
            guard lf > scan.lineStart, bytes[lf - 1] == .cr else {
                return .failed(onRequestLine ? .malformedRequestLine : .malformedHeaderField)
            }
            if onRequestLine {
                scan.requestLineEnd = lf - 1
            } else if lf - 1 == scan.lineStart {
                return .complete(headEnd: lf + 1)
            }
            scan.lineStart = lf + 1
            scan.position = lf + 1
        }
        return .incomplete
    }

    /// Parses a complete head (request line, field lines, empty line) into a `RequestHead`.
    static func parseHead(_ bytes: UnsafeRawBufferPointer, requestLineEnd: Int, limits: RequestLimits)
        -> Result<RequestHead, RequestError>
    {
        // Request line (RFC 9112 §3): method SP request-target SP HTTP-version.
        guard let firstSpace = index(of: .space, in: bytes, 0..<requestLineEnd), firstSpace > 0,
            let secondSpace = index(of: .space, in: bytes, (firstSpace + 1)..<requestLineEnd),
            secondSpace > firstSpace + 1
        else { return .failure(.malformedRequestLine) }
        for index in 0..<firstSpace where !ByteClass.isToken(bytes[index]) {
            return .failure(.malformedRequestLine)
        }
        let version: HTTPVersion
        switch parseVersion(UnsafeRawBufferPointer(rebasing: bytes[(secondSpace + 1)..<requestLineEnd])) {
        case .success(let value): version = value
        case .failure(let error): return .failure(error)
        }
        guard let method = HTTPMethod.recognised(UnsafeRawBufferPointer(rebasing: bytes[0..<firstSpace])) else {
            return .failure(.unknownMethod)
        }
        let targetBytes = UnsafeRawBufferPointer(rebasing: bytes[(firstSpace + 1)..<secondSpace])
        for byte in targetBytes where !ByteClass.isTarget(byte) {
            return .failure(.malformedTarget)
        }
        // Origin-form (nearly every request) is kept as its path and query alone: the target is
        // made from them when asked for, and only an absolute-form target is kept as sent.
        var absoluteTarget: String?
        let path: String
        let rawQuery: String?
        if targetBytes[0] == UInt8(ascii: "/") {
            if let mark = index(of: UInt8(ascii: "?"), in: targetBytes, 0..<targetBytes.count) {
                path = String(decoding: UnsafeRawBufferPointer(rebasing: targetBytes[..<mark]), as: UTF8.self)
                rawQuery = String(decoding: UnsafeRawBufferPointer(rebasing: targetBytes[(mark + 1)...]), as: UTF8.self)
            } else {
                path = String(decoding: targetBytes, as: UTF8.self)
                rawQuery = nil
            }
        } else if targetBytes.count == 1 && targetBytes[0] == UInt8(ascii: "*") {
            guard method == .options else { return .failure(.malformedTarget) }
            path = "*"
            rawQuery = nil
        } else if hasPrefixIgnoringCase(targetBytes, "http://") || hasPrefixIgnoringCase(targetBytes, "https://") {
            let target = String(decoding: targetBytes, as: UTF8.self)
            absoluteTarget = target
            (path, rawQuery) = HTTPRequest.splitTarget(target)
        } else {
            return .failure(.malformedTarget)
        }

        // Field lines (RFC 9112 §5).
        let headerStart = requestLineEnd + 2
        let headerEnd = bytes.count - 2
        var fields: [HTTPHeaders.Field] = []
        var hosts = 0
        var contentLength: Int?
        var contentLengthInvalid = false
        var transferEncodingSeen = false
        var chunkedCount = 0
        var otherCodings = 0
        var lastCodingIsChunked = false
        var connectionClose = false
        var connectionKeepAlive = false
        var expectsContinue = false
        var lineStart = headerStart
        while lineStart < headerEnd {
            guard let lineEnd = index(of: .cr, in: bytes, lineStart..<headerEnd) else {
                return .failure(.malformedHeaderField)
            }
            guard let field = parseFieldLine(bytes, lineStart..<lineEnd, base: headerStart) else {
                return .failure(.malformedHeaderField)
            }
            guard fields.count < limits.maxHeaderCount else {
                return .failure(.tooManyHeaderFields(limit: limits.maxHeaderCount))
            }
            fields.append(field)
            let name = UnsafeRawBufferPointer(
                rebasing: bytes[(headerStart + Int(field.nameStart))..<(headerStart + Int(field.nameEnd))])
            let value = UnsafeRawBufferPointer(
                rebasing: bytes[(headerStart + Int(field.valueStart))..<(headerStart + Int(field.valueEnd))])
            switch name.count {
            case 4 where equalsIgnoringCase(name, "host"):
                hosts += 1
            case 14 where equalsIgnoringCase(name, "content-length"):
                // RFC 9110 §8.6: 1*DIGIT; several fields must agree.
                if let length = parseDecimal(value) {
                    if let previous = contentLength, previous != length { contentLengthInvalid = true }
                    contentLength = length
                } else {
                    contentLengthInvalid = true
                }
            case 17 where equalsIgnoringCase(name, "transfer-encoding"):
                transferEncodingSeen = true
                forEachListMember(value) { member in
                    if equalsIgnoringCase(member, "chunked") {
                        chunkedCount += 1
                        lastCodingIsChunked = true
                    } else {
                        otherCodings += 1
                        lastCodingIsChunked = false
                    }
                }
            case 10 where equalsIgnoringCase(name, "connection"):
                forEachListMember(value) { member in
                    if equalsIgnoringCase(member, "close") { connectionClose = true }
                    if equalsIgnoringCase(member, "keep-alive") { connectionKeepAlive = true }
                }
            case 6 where equalsIgnoringCase(name, "expect"):
                // RFC 9110 §10.1.1: an HTTP/1.0 client cannot expect 100-continue.
                if version == .http11 && equalsIgnoringCase(value, "100-continue") { expectsContinue = true }
            default:
                break
            }
            lineStart = lineEnd + 2
        }

        // RFC 9112 §3.2: exactly one Host in HTTP/1.1, at most one otherwise.
        guard hosts == 1 || (hosts == 0 && version == .http10) else { return .failure(.invalidHost) }
        var framing = RequestHead.Framing.none
        if transferEncodingSeen {
            // RFC 9112 §6.1 and §6.3.
            if contentLength != nil || contentLengthInvalid { return .failure(.contentLengthWithTransferEncoding) }
            if version == .http10 { return .failure(.invalidTransferEncoding) }
            if chunkedCount != 1 || !lastCodingIsChunked { return .failure(.invalidTransferEncoding) }
            if otherCodings > 0 { return .failure(.unsupportedTransferCoding) }
            framing = .chunked
        } else if contentLengthInvalid {
            return .failure(.invalidContentLength)
        } else if let length = contentLength {
            guard length <= limits.maxBodyBytes else { return .failure(.contentTooLarge(limit: limits.maxBodyBytes)) }
            framing = length > 0 ? .length(length) : .none
        }
        if framing == .none { expectsContinue = false }

        let storage = fields.isEmpty ? [] : [UInt8](UnsafeRawBufferPointer(rebasing: bytes[headerStart..<headerEnd]))
        return .success(
            RequestHead(
                method: method,
                version: version,
                absoluteTarget: absoluteTarget,
                path: path,
                rawQuery: rawQuery,
                headers: HTTPHeaders(parsed: storage, fields: fields),
                framing: framing,
                keepAlive: version == .http11 ? !connectionClose : connectionKeepAlive && !connectionClose,
                expectsContinue: expectsContinue
            ))
    }

    /// `HTTP/DIGIT.DIGIT` (RFC 9112 §2.3); 1.0 and 1.1 are spoken.
    private static func parseVersion(_ bytes: UnsafeRawBufferPointer) -> Result<HTTPVersion, RequestError> {
        // HTTP-name is case-sensitive.
        guard bytes.count == 8, bytes[0] == UInt8(ascii: "H"), bytes[1] == UInt8(ascii: "T"),
            bytes[2] == UInt8(ascii: "T"), bytes[3] == UInt8(ascii: "P"), bytes[4] == UInt8(ascii: "/"),
            bytes[6] == UInt8(ascii: "."), let major = decimalDigit(bytes[5]), let minor = decimalDigit(bytes[7])
        else { return .failure(.malformedRequestLine) }
        switch (major, minor) {
        case (1, 1): return .success(.http11)
        case (1, 0): return .success(.http10)
        default: return .failure(.unsupportedVersion)
        }
    }

    /// field-line = field-name ":" OWS field-value OWS; no whitespace before the colon and no
    /// obs-fold (RFC 9112 §5.1, §5.2). Ranges in the result are relative to `base`.
    private static func parseFieldLine(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>, base: Int)
        -> HTTPHeaders.Field?
    {
        var index = line.lowerBound
        while index < line.upperBound && ByteClass.isToken(bytes[index]) {
            index += 1
        }
        guard index > line.lowerBound, index < line.upperBound, bytes[index] == UInt8(ascii: ":") else {
            return nil
        }
        let nameEnd = index
        index += 1
        while index < line.upperBound && ByteClass.isWhitespace(bytes[index]) {
            index += 1
        }
        let valueStart = index
        var valueEnd = line.upperBound
        while valueEnd > valueStart && ByteClass.isWhitespace(bytes[valueEnd - 1]) {
            valueEnd -= 1
        }
        for position in valueStart..<valueEnd where !ByteClass.isFieldValue(bytes[position]) {
            return nil
        }
        return HTTPHeaders.Field(
            nameStart: Int32(line.lowerBound - base), nameEnd: Int32(nameEnd - base),
            valueStart: Int32(valueStart - base), valueEnd: Int32(valueEnd - base))
    }

    // MARK: - Chunked body

    enum ChunkResult {
        case needMore(consumed: Int)
        case complete(consumed: Int)
        case failed(RequestError)
    }

    /// chunked-body = *chunk last-chunk trailer-section CRLF (RFC 9112 §7.1). Chunk data is
    /// appended to `chunked.body` as it arrives; trailer fields are checked and dropped.
    static func decodeChunks(_ bytes: UnsafeRawBufferPointer, _ chunked: inout ChunkedBody, _ limits: RequestLimits)
        -> ChunkResult
    {
        var offset = 0
        while true {
            switch chunked.phase {
            case .size:
                let bound = offset + limits.maxRequestLineBytes + 2
                guard let lf = index(of: .lf, in: bytes, offset..<min(bytes.count, bound)) else {
                    return bytes.count >= bound ? .failed(.malformedChunk) : .needMore(consumed: offset)
                }
                guard lf > offset, bytes[lf - 1] == .cr else { return .failed(.malformedChunk) }
                var size = 0
                var position = offset
                while position < lf - 1, let digit = ByteClass.hexValue(bytes[position]) {
                    guard size <= (Int.max - 15) >> 4 else {
                        return .failed(.contentTooLarge(limit: limits.maxBodyBytes))
                    }
                    size = size << 4 | digit
                    position += 1
                }
                guard position > offset, isChunkExtension(bytes, position..<(lf - 1)) else {
                    return .failed(.malformedChunk)
                }
                offset = lf + 1
                if size == 0 {
                    chunked.phase = .trailer
                } else {
                    guard size <= limits.maxBodyBytes - chunked.body.count else {
                        return .failed(.contentTooLarge(limit: limits.maxBodyBytes))
                    }
                    chunked.phase = .data(remaining: size)
                }
            case .data(let remaining):
                let available = bytes.count - offset
                guard available > 0 else { return .needMore(consumed: offset) }
                let taken = min(available, remaining)
                chunked.body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + taken)]))
                offset += taken
                if taken < remaining {
                    chunked.phase = .data(remaining: remaining - taken)
                    return .needMore(consumed: offset)
                }
                chunked.phase = .dataEnd
            case .dataEnd:
                guard bytes.count - offset >= 2 else { return .needMore(consumed: offset) }
                guard bytes[offset] == .cr, bytes[offset + 1] == .lf else { return .failed(.malformedChunk) }
                offset += 2
                chunked.phase = .size
            case .trailer:
                let budget = limits.maxHeaderBytes - chunked.trailerBytes
                let bound = offset + budget + 2
                guard let lf = index(of: .lf, in: bytes, offset..<min(bytes.count, bound)) else {
                    return bytes.count >= bound
                        ? .failed(.headerSectionTooLarge(limit: limits.maxHeaderBytes)) : .needMore(consumed: offset)
                }
                guard lf > offset, bytes[lf - 1] == .cr else { return .failed(.malformedHeaderField) }
                if lf - 1 == offset {
                    return .complete(consumed: lf + 1)
                }
                guard parseFieldLine(bytes, offset..<(lf - 1), base: offset) != nil else {
                    return .failed(.malformedHeaderField)
                }
                chunked.trailerCount += 1
                guard chunked.trailerCount <= limits.maxHeaderCount else {
                    return .failed(.tooManyHeaderFields(limit: limits.maxHeaderCount))
                }
                chunked.trailerBytes += lf + 1 - offset
                offset = lf + 1
            }
        }
    }

    /// chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ): checked only
    /// for starting with ";" and holding no control characters; extensions are ignored.
    private static func isChunkExtension(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound && ByteClass.isWhitespace(bytes[index]) {
            index += 1
        }
        guard index < range.upperBound else { return index == range.lowerBound }
        guard bytes[index] == UInt8(ascii: ";") else { return false }
        for position in index..<range.upperBound where !ByteClass.isFieldValue(bytes[position]) {
            return false
        }
        return true
    }

    // MARK: - Bytes

    private static func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress, !range.isEmpty,
            let found = memchr(base + range.lowerBound, Int32(byte), range.count)
        else { return nil }
        return UnsafeRawPointer(found) - base
    }

    private static func decimalDigit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// 1*DIGIT as a number, saturating at `Int.max`; nil when empty or not all digits.
    static func parseDecimal(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard let digit = decimalDigit(byte) else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(digit)
            value = overflow1 || overflow2 ? Int.max : sum
        }
        return value
    }

    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        return hasPrefixIgnoringCase(bytes, text)
    }

    static func hasPrefixIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let pointer = text.utf8Start
        for index in 0..<count where ByteClass.lowercased(bytes[index]) != ByteClass.lowercased(pointer[index]) {
            return false
        }
        return true
    }

    /// Calls `body` with each non-empty member of a comma-separated list, trimmed of whitespace
    /// (RFC 9110 §5.6.1).
    static func forEachListMember(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: ",") {
                end += 1
            }
            var low = start
            var high = end
            while low < high && ByteClass.isWhitespace(bytes[low]) { low += 1 }
            while high > low && ByteClass.isWhitespace(bytes[high - 1]) { high -= 1 }
            if high > low {
                body(UnsafeRawBufferPointer(rebasing: bytes[low..<high]))
            }
            start = end + 1
        }
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
}
