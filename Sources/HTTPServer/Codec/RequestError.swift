/// Why the decoder rejected a request. Each case names the status it is answered with; the
/// connection is closed after the answer (RFC 9112 §6.3: framing can no longer be trusted).
package enum RequestError: Error, Equatable, Sendable {
    /// The request line does not have the form `method SP request-target SP HTTP-version`.
    case malformedRequestLine
    /// The request line is longer than the limit (in bytes, without CRLF).
    case requestLineTooLong(limit: Int)
    /// The request-target is not in origin-, absolute- or asterisk-form (RFC 9112 §3.2).
    case malformedTarget
    /// A method token the server does not implement (RFC 9110 §9.1).
    case unknownMethod
    /// A well-formed version other than HTTP/1.0 and HTTP/1.1.
    case unsupportedVersion
    /// A line not ending in CRLF, a field line without a colon, whitespace before the colon
    /// (RFC 9112 §5.1), obs-fold (§5.2), or a control character in a value.
    case malformedHeaderField
    /// The header section (or a trailer section) is larger than the limit in bytes.
    case headerSectionTooLarge(limit: Int)
    /// More header fields (or trailer fields) than the limit.
    case tooManyHeaderFields(limit: Int)
    /// An HTTP/1.1 request without `Host`, or any request with several (RFC 9112 §3.2).
    case invalidHost
    /// `Content-Length` that is not a number, or several that disagree (RFC 9110 §8.6).
    case invalidContentLength
    /// Both `Content-Length` and `Transfer-Encoding` (RFC 9112 §6.1).
    case contentLengthWithTransferEncoding
    /// `Transfer-Encoding` in which `chunked` is missing, repeated or not last (RFC 9112 §6.3),
    /// or present in an HTTP/1.0 request (RFC 9112 §6.1).
    case invalidTransferEncoding
    /// A transfer coding other than `chunked` (RFC 9112 §6.1: 501).
    case unsupportedTransferCoding
    /// A chunk-size line or chunk data framing that does not follow RFC 9112 §7.1.
    case malformedChunk
    /// The body is larger than the limit in bytes.
    case contentTooLarge(limit: Int)

    /// The status the server answers with.
    package var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .contentTooLarge: .contentTooLarge
        case .unknownMethod, .unsupportedTransferCoding: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        default: .badRequest
        }
    }

    /// A sentence for the problem's `detail`; never quotes the request.
    package var detail: String {
        switch self {
        case .malformedRequestLine: "The request line is malformed."
        case .requestLineTooLong(let limit): "The request line is longer than \(limit) bytes."
        case .malformedTarget: "The request target is malformed."
        case .unknownMethod: "The request method is not implemented by this server."
        case .unsupportedVersion: "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .malformedHeaderField: "A header field line is malformed."
        case .headerSectionTooLarge(let limit): "The header section is larger than \(limit) bytes."
        case .tooManyHeaderFields(let limit): "The request has more than \(limit) header fields."
        case .invalidHost: "The request must have exactly one Host header field."
        case .invalidContentLength: "The Content-Length header field is invalid."
        case .contentLengthWithTransferEncoding: "A request must not have both Content-Length and Transfer-Encoding."
        case .invalidTransferEncoding: "The Transfer-Encoding header field is invalid."
        case .unsupportedTransferCoding: "Only the chunked transfer coding is supported."
        case .malformedChunk: "The chunked body is malformed."
        case .contentTooLarge(let limit): "The request body is larger than \(limit) bytes."
        }
    }
}
