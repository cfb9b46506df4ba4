package import App
import Dispatch
import Foundation
package import HTTPServer
import Synchronization

/// Sends requests through the API's routes in this process and waits for each answer (the
/// simulator plays one thing after another).
package struct InProcessClient: Sendable {
    package let app: RathausApp

    package init(app: RathausApp) {
        self.app = app
    }

    package struct Answer: Sendable {
        package var status: Int
        package var body: [UInt8]

        /// The body as a JSON object.
        package var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    package func send(_ method: HTTPMethod, _ target: String, token: String? = nil, json: String? = nil) -> Answer {
        var headers = HTTPHeaders()
        if let token { headers.add("Authorization", "Bearer " + token) }
        if json != nil { headers.add("Content-Type", "application/json") }
        let request = HTTPRequest(method: method, target: target, headers: headers, body: Array((json ?? "").utf8))
        let result = Mutex<Answer?>(nil)
        let done = DispatchSemaphore(value: 0)
        app.handle(request) { reply in
            if case .response(let response) = reply {
                result.withLock { $0 = Answer(status: response.status.code, body: response.body) }
            }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 } ?? Answer(status: 0, body: [])
    }
}
