import Dispatch
package import HTTPServer
package import Storage
import Synchronization

/// `Idempotency-Key` on POST (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a
/// retry with the same key and body gets the first answer, also after a restart; the same key
/// with another body is a 422; a retry while the first is still running is a 409.
///
/// The first answer is stored with the change it answers, in the same transaction. Neither the
/// key nor the answer is stored readable: the row is found by a hash of the key, and the body
/// (which carries a booking's token) is encrypted with a key stream derived from the client's
/// key, which the server does not keep (HMAC-SHA256 in counter mode).
package final class IdempotencyKeys: Sendable {
    private let inFlight = Mutex<Set<String>>([])
    private let reader: SerialConnection

    /// The longest key accepted.
    package static let maxKeyLength = 255

    package init(reader: SerialConnection) {
        self.reader = reader
    }

    /// What to do with a request.
    package enum Decision: Sendable {
        /// No key: just run it.
        case run
        /// Run it and store the answer with `record`; call `release` when answered.
        case runAndStore(IdempotencyRecord, release: @Sendable () -> Void)
        /// Answer with this (a replay or a problem).
        case answer(Reply)
    }

    /// Looks the key up (reading the database off the event loop) and decides.
    package func decide(
        _ request: HTTPRequest, scope: String,
        render: @escaping @Sendable (Result<OfficeOutcome, WriterError>) -> HTTPResponse,
        completion: @escaping @Sendable (Decision) -> Void
    ) {
        guard let key = request.headers["Idempotency-Key"] else {
            completion(.run)
            return
        }
        guard !key.isEmpty, key.count <= Self.maxKeyLength,
            key.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 })
        else {
            completion(
                .answer(
                    .problem(
                        .validation([
                            .init(
                                field: "Idempotency-Key",
                                message: "1 to \(Self.maxKeyLength) printable ASCII characters")
                        ])
                    )))
            return
        }
        let storedKey = Self.hex(SHA256.hash(Array("\(scope)\n\(key)".utf8)))
        let requestHash = SHA256.hash(Array("\(request.method.rawValue) \(request.path)\n".utf8) + request.body)
        let slot = scope + "\n" + storedKey
        guard inFlight.withLock({ $0.insert(slot).inserted }) else {
            completion(
                .answer(
                    .problem(
                        APIProblem(
                            status: 409, kind: "idempotency-in-flight", title: "The first request is still running",
                            detail: "A request with this Idempotency-Key is being processed; retry in a moment.",
                            headers: [("Retry-After", "1")]))))
            return
        }
        let release: @Sendable () -> Void = { [self] in _ = self.inFlight.withLock { $0.remove(slot) } }
        let streamKey = SHA256.hash(Array("rathaus idempotency\n\(scope)\n\(key)".utf8))
        reader.async { connection in
            let stored: (requestHash: [UInt8], response: StoredResponse)?
            do {
                stored = try connection.idempotentResponse(scope: scope, key: storedKey)
            } catch {
                release()
                completion(.answer(.problem(.internalError())))
                return
            }
            if let stored {
                release()
                guard HMAC.equal(stored.requestHash, requestHash) else {
                    completion(
                        .answer(
                            .problem(
                                APIProblem(
                                    status: 422, kind: "idempotency-key-reused",
                                    title: "Idempotency-Key used for another request",
                                    detail:
                                        "This Idempotency-Key was first used with a different request; use a new key."))
                        ))
                    return
                }
                var response = HTTPResponse(
                    status: HTTPStatus(code: stored.response.status),
                    body: Self.crypt(stored.response.body, key: streamKey))
                for (name, value) in stored.response.headers { response.headers.add(name, value) }
                response.headers.set("Idempotency-Replayed", "true")
                completion(.answer(.response(response)))
                return
            }
            let record = IdempotencyRecord(scope: scope, key: storedKey, requestHash: requestHash) { outcome in
                let response = render(outcome)
                return StoredResponse(
                    status: response.status.code, headers: response.headers.map { ($0.name, $0.value) },
                    body: Self.crypt(response.body, key: streamKey))
            }
            completion(.runAndStore(record, release: release))
        }
    }

    /// XORs `bytes` with HMAC-SHA256(key, counter) blocks: encrypts and decrypts alike.
    static func crypt(_ bytes: [UInt8], key: [UInt8]) -> [UInt8] {
        var output = bytes
        var counter: UInt64 = 0
        var index = 0
        while index < output.count {
            let block = HMAC.sha256(key: key, message: withUnsafeBytes(of: counter.bigEndian) { Array($0) })
            for byte in block where index < output.count {
                output[index] ^= byte
                index += 1
            }
            counter += 1
        }
        return output
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }
}
