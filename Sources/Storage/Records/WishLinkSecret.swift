/// A wish's or an offer's token kept for the links of its messages, where every other copy of it
/// is only a hash (the message is written when it is sent): XORed with the key stream of
/// HMAC-SHA256(HMAC-SHA256(key, id), counter), under the server's key `message-links`. It is
/// erased once the wish or the offer is over. The key is in the same file, so this keeps the
/// token out of a leaked column or log, not out of the hands of whoever has the whole file (who
/// could change the wishes anyway).
package enum WishLinkSecret {
    /// The name of the server secret that seals them.
    package static let keyName = "message-links"

    /// `token` sealed for the record `id` (a wish's or an offer's).
    package static func seal(_ token: String, id: String, key: [UInt8]) -> [UInt8] {
        Secrets.keyStream(Array(token.utf8), key: HMAC.sha256(key: key, message: Array(id.utf8)))
    }

    /// The token sealed for `id`, or nil when it does not open to one.
    package static func open(_ sealed: [UInt8], id: String, key: [UInt8]) -> String? {
        let bytes = Secrets.keyStream(sealed, key: HMAC.sha256(key: key, message: Array(id.utf8)))
        guard let token = String(validating: bytes, as: UTF8.self), !token.isEmpty,
            token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        return token
    }
}
