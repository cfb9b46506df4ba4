import App
import Dispatch
import Foundation
import RathausCommandLine
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The running server's configuration API as `rathaus config apply` uses it: one request at a
/// time over URLSession, with the staff token, answers read as JSON; a problem answer becomes a
/// one-line failure in the server's own words.
struct ConfigurationClient {
    /// An answer: its status, the header fields the command reads, the body as JSON.
    struct Answer {
        var status: Int
        var etag: String?
        var json: JSONValue
    }

    let base: URL
    let token: String
    /// How long one request may take (a save waits for every office writer).
    var timeoutSeconds = 120

    func get(_ path: String) throws -> Answer {
        try send("GET", path, body: nil, headers: [])
    }

    func post(_ path: String, _ body: JSONValue) throws -> Answer {
        try send("POST", path, body: body, headers: [])
    }

    func put(_ path: String, _ body: JSONValue, ifMatch: String) throws -> Answer {
        try send("PUT", path, body: body, headers: [("If-Match", ifMatch)])
    }

    private func send(_ method: String, _ path: String, body: JSONValue?, headers: [(String, String)]) throws -> Answer
    {
        guard let url = URL(string: path, relativeTo: base) else { throw CommandFailure("bad server URL \(base)") }
        var request = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Double(timeoutSeconds))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.text(pretty: false).utf8)
        }
        let result = Mutex<Result<(Data, HTTPURLResponse), any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request) { data, response, error in
            if let data, let response = response as? HTTPURLResponse {
                result.withLock { $0 = .success((data, response)) }
            } else {
                result.withLock { $0 = .failure(error ?? URLError(.badServerResponse)) }
            }
            done.signal()
        }.resume()
        done.wait()
        let (data, response): (Data, HTTPURLResponse)
        switch result.withLock({ $0 }) {
        case .success(let answer)?: (data, response) = answer
        case .failure(let error)?:
            throw CommandFailure("cannot reach the server at \(base.absoluteString): \(error.localizedDescription)")
        case nil: throw CommandFailure("no answer from the server at \(base.absoluteString)")
        }
        let json = data.isEmpty ? JSONValue.null : ((try? JSONValue.parse(Array(data))) ?? .null)
        guard (200..<300).contains(response.statusCode) else {
            throw CommandFailure(Self.problem(status: response.statusCode, json))
        }
        return Answer(status: response.statusCode, etag: response.value(forHTTPHeaderField: "ETag"), json: json)
    }

    /// A problem answer in one line: what was refused, and each bad field.
    static func problem(status: Int, _ json: JSONValue) -> String {
        let title = json["title"]?.stringValue ?? "the server answered \(status)"
        let fields = (json["errors"]?.items ?? []).compactMap { error -> String? in
            guard let message = error["message"]?.stringValue else { return nil }
            let field = error["field"]?.stringValue ?? ""
            return field.isEmpty ? message : "\(field): \(message)"
        }
        let detail = fields.isEmpty ? json["detail"]?.stringValue : fields.joined(separator: "; ")
        return "refused (\(status) \(title))" + (detail.map { ": \($0)" } ?? "")
    }
}
