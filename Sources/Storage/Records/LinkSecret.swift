package import Hashing
package import Scheduling

/// A token kept for the links in messages (a booking's: the manage link of the confirmation, the
/// reminder and the notices carries it, as the confirmation page does; a wish's or an offer's),
/// where every other copy of it is only a hash, encrypted under the server's key `message-links`.
/// It is erased once its booking, wish or offer is over. The key is in the same file, so this
/// keeps the token out of a leaked column or log, not out of the hands of whoever has the whole
/// file (who could change the bookings anyway).
///
/// Two forms: a booking's token (32 random bytes in base64url) is kept compact, the byte
/// `compact` and its 32 bytes XORed with HMAC-SHA256(key, "booking link " + id), one code, two
/// SHA-256 compressions under the prepared key; any other token, and every booking's before
/// 8 December 2026, as its text XORed with the key stream of HMAC-SHA256(HMAC-SHA256(key, record
/// id), counter). The compact form is 33 bytes and a sealed text as long as its token (43 for a
/// booking's), so `open` tells them apart by their first byte and length.
package enum LinkSecret {
    /// The name of the server secret that encrypts them.
    package static let keyName = "message-links"

    /// The first byte of the compact form.
    static let compact: UInt8 = 2

    /// `token` encrypted for `booking`, under the key made ready once (`HMAC.Key`): compact when
    /// it is 32 bytes in base64url, as `Secrets.token()` makes them, else as `seal(_:id:key:)`.
    package static func seal(_ token: String, booking: BookingID, key: HMAC.Key) -> [UInt8] {
        guard let bytes = Secrets.decodeBase64URL(token), bytes.count == 32, Secrets.base64URL(bytes) == token else {
            return Secrets.keyStream(Array(token.utf8), key: key.code(Array(booking.rawValue.utf8)))
        }
        let pad = key.code(compactMessage(booking))
        return [UInt8](unsafeUninitializedCapacity: 33) { sealed, count in
            sealed[0] = compact
            for index in 0..<32 { sealed[index + 1] = bytes[index] ^ pad[index] }
            count = 33
        }
    }

    /// What the compact form's pad is the code of.
    private static func compactMessage(_ booking: BookingID) -> [UInt8] {
        Array("booking link \(booking.rawValue)".utf8)
    }

    /// `token` encrypted for the record `id` (a wish's or an offer's).
    package static func seal(_ token: String, id: String, key: [UInt8]) -> [UInt8] {
        Secrets.keyStream(Array(token.utf8), key: HMAC.sha256(key: key, message: Array(id.utf8)))
    }

    /// The code of the confirmation link of `booking` (double opt-in): HMAC-SHA256(key, "confirm
    /// " + id), 128 bits in base64url. Only the e-mail carries it, never the answer to the booking,
    /// so only who can read the mail can confirm; nothing needs to be stored.
    package static func confirmationCode(booking: BookingID, key: [UInt8]) -> String {
        Secrets.base64URL(Array(HMAC.sha256(key: key, message: Array(("confirm " + booking.rawValue).utf8)).prefix(16)))
    }

    /// Whether `code` is the confirmation code of `booking` (compared in constant time).
    package static func isConfirmationCode(_ code: String, booking: BookingID, key: [UInt8]) -> Bool {
        HMAC.equal(Array(code.utf8), Array(confirmationCode(booking: booking, key: key).utf8))
    }

    /// The token sealed for `booking` in either form, or nil when it does not decrypt to one.
    package static func open(_ sealed: [UInt8], booking: BookingID, key: [UInt8]) -> String? {
        guard sealed.count == 33, sealed[0] == compact else { return open(sealed, id: booking.rawValue, key: key) }
        let pad = HMAC.sha256(key: key, message: compactMessage(booking))
        return Secrets.base64URL((0..<32).map { sealed[$0 + 1] ^ pad[$0] })
    }

    /// The token sealed for the record `id`, or nil when it does not decrypt to one.
    package static func open(_ sealed: [UInt8], id: String, key: [UInt8]) -> String? {
        let bytes = Secrets.keyStream(sealed, key: HMAC.sha256(key: key, message: Array(id.utf8)))
        guard let token = String(validating: bytes, as: UTF8.self), !token.isEmpty,
            token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        return token
    }
}
