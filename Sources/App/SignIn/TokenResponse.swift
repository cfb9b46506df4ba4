/// The token endpoint's answer: the ID token, read from a successful answer, or the refusal.
package enum TokenResponse {
    /// The ID token of a 200 answer; a 400 or 401 answer with an `error` member (RFC 6749 §5.2)
    /// becomes `tokenRequestRefused`, anything else a malformed or unexpected answer.
    package static func idToken(status: Int, body: [UInt8], url: String) throws(SignInError) -> String {
        func malformed(_ reason: String) -> SignInError { .malformedResponse(url: url, reason: reason) }
        let members: [(key: String, value: JSONValue)]?
        if let value = try? JSONValue.parse(body), case .object(let object) = value {
            members = object
        } else {
            members = nil
        }
        func string(_ key: String) -> String? {
            if case .string(let text)? = members?.first(where: { $0.key == key })?.value { text } else { nil }
        }
        guard status == 200 else {
            if (400...401).contains(status), let error = string("error") {
                throw .tokenRequestRefused(
                    error: AuthorizationResponse.printable(error),
                    description: string("error_description").map(AuthorizationResponse.printable))
            }
            throw .unexpectedStatus(url: url, status: status)
        }
        guard members != nil else { throw malformed("not a JSON object") }
        guard string("access_token") != nil else { throw malformed("access_token is missing") }
        guard string("token_type")?.lowercased() == "bearer" else { throw malformed("token_type is not Bearer") }
        guard let idToken = string("id_token") else {
            throw malformed("id_token is missing; is the scope openid granted to the client?")
        }
        return idToken
    }
}
