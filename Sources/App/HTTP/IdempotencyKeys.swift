import Dispatch
package import HTTPServer
package import Scheduling
package import Storage
import Synchronization

/// `Idempotency-Key` on the routes that send a command to an office writer (IETF httpapi draft
/// "The Idempotency-Key HTTP Header Field"): a retry with the same key and body gets the first
/// answer, also after a restart; the same key with another request is a 422; a retry while the
/// first is still running is a 409.
///
/// The writer records the key in the change's own transaction, with what the change made
/// (`IdempotencyMark`), so that no crash can let a retry make the change twice; the rendered
/// answer is stored right after (`finish`), and the key counts as in flight until then. Should
/// the process die between the two, a retry gets the answer rendered again from what the change
/// made (`Recorded`). Neither the key nor the answer is stored readable: the row is found by a
/// hash of the key, and the body (which carries a booking's token) is encrypted with a key
/// stream derived from the client's key, which the server does not keep.
package final class IdempotencyKeys: Sendable {
    private let inFlight = Mutex<Set<String>>([])
    private let reader: SerialConnection
    private let committer: Committer
    private let clock: @Sendable () -> Instant

    /// The longest key accepted.
    package static let maxKeyLength = 255

    package init(reader: SerialConnection, committer: Committer, clock: @escaping @Sendable () -> Instant) {
        self.reader = reader
        self.committer = committer
        self.clock = clock
    }

    /// What to do with a request that carries a key.
    package enum Start: Sendable {
        /// Run the command with this mark; call `finish` with the answer.
        case run(IdempotencyMark)
        /// The change was made but its answer never stored: render it again from what it made.
        case recorded(IdempotencyMark, IdempotentOutcome, token: String?)
        /// Answer with this (a replay or a problem).
        case answer(Reply)
    }

    /// Checks the key, claims it while the request runs and looks it up (off the event loop).
    package func start(
        _ request: HTTPRequest, key: String, scope: String, completion: @escaping @Sendable (Start) -> Void
    ) {
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
                        ]))))
            return
        }
        let mark = Self.mark(request, key: key, scope: scope)
        guard inFlight.withLock({ $0.insert(Self.slot(mark)).inserted }) else {
            completion(
                .answer(
                    .problem(
                        APIProblem(
                            .idempotencyInFlight,
                            detail: "A request with this Idempotency-Key is being processed; retry in a moment.",
                            headers: [("Retry-After", "1")]))))
            return
        }
        reader.async { connection in
            let entry: IdempotencyEntry?
            do {
                entry = try connection.idempotencyEntry(scope: mark.scope, key: mark.key)
            } catch {
                self.release(mark)
                completion(.answer(.problem(.internalError())))
                return
            }
            guard let entry else {
                completion(.run(mark))
                return
            }
            guard HMAC.equal(entry.requestHash, mark.requestHash) else {
                self.release(mark)
                completion(
                    .answer(
                        .problem(
                            APIProblem(
                                .idempotencyKeyReused,
                                detail: "This Idempotency-Key was first used with a different request; use a new key."))
                    ))
                return
            }
            if let answer = entry.answer {
                self.release(mark)
                var response = HTTPResponse(
                    status: HTTPStatus(code: answer.status), body: Secrets.keyStream(answer.body, key: mark.streamKey))
                for (name, value) in answer.headers { response.headers.add(name, value) }
                response.headers.set("Idempotency-Replayed", "true")
                completion(.answer(.response(response)))
            } else if let outcome = entry.outcome {
                let token = entry.secret.map {
                    String(decoding: Secrets.keyStream($0, key: mark.streamKey), as: UTF8.self)
                }
                completion(.recorded(mark, outcome, token: token))
            } else {
                self.release(mark)
                completion(.answer(.problem(.internalError())))
            }
        }
    }

    /// Stores `reply` as the answer under `mark` (a response only; an event stream is never
    /// idempotent), frees the key for retries, which get the stored answer, and then calls
    /// `completion`: the first answer goes out only once a retry would get it too.
    package func finish(_ mark: IdempotencyMark, reply: Reply, completion: @escaping @Sendable () -> Void) {
        guard case .response(let response) = reply else {
            release(mark)
            completion()
            return
        }
        let answer = StoredResponse(
            status: response.status.code, headers: response.headers.map { ($0.name, $0.value) },
            body: Secrets.keyStream(response.body, key: mark.streamKey))
        let now = clock()
        committer.submit([{ connection in try connection.storeIdempotentAnswer(mark, answer, at: now) }]) { _ in
            self.release(mark)
            completion()
        }
    }

    /// What is recorded for `request` under the client's `key` in `scope`: the hashes of the key
    /// and the request, and the key stream's key derived from the client's key.
    package static func mark(_ request: HTTPRequest, key: String, scope: String) -> IdempotencyMark {
        IdempotencyMark(
            scope: scope, key: hex(SHA256.hash(Array("\(scope)\n\(key)".utf8))),
            requestHash: SHA256.hash(Array("\(request.method.rawValue) \(request.path)\n".utf8) + request.body),
            streamKey: SHA256.hash(Array("rathaus idempotency\n\(scope)\n\(key)".utf8)))
    }

    /// Frees the key without storing an answer.
    package func release(_ mark: IdempotencyMark) {
        _ = inFlight.withLock { $0.remove(Self.slot(mark)) }
    }

    private static func slot(_ mark: IdempotencyMark) -> String { mark.scope + "\n" + mark.key }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] })
    }
}
