import Glibc
import HTTPServer
import Testing

@Suite struct LineBatchTests {
    /// A pipe whose reading end does not block: `read` answers what is there now.
    private final class Pipe {
        let readEnd: Int32
        let writeEnd: Int32

        init() throws {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            readEnd = ends[0]
            writeEnd = ends[1]
            _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }

        /// What has been written so far, waiting up to `milliseconds` for the first byte.
        func read(waiting milliseconds: Int32 = 0) -> String {
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, milliseconds)
            var text: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(readEnd, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                text += chunk[..<count]
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    @Test func linesWaitForTheFlushAndKeepTheirOrder() throws {
        let pipe = try Pipe()
        let batch = LineBatch(descriptor: pipe.writeEnd)
        batch.append("level=info event=first")
        batch.append("level=info event=second")
        #expect(pipe.read() == "")
        batch.flush()
        #expect(pipe.read() == "level=info event=first\nlevel=info event=second\n")
        batch.flush()
        #expect(pipe.read() == "")
    }

    @Test func aBatchIsWrittenBeforeItWouldOutgrowTheLimit() throws {
        let pipe = try Pipe()
        let batch = LineBatch(descriptor: pipe.writeEnd, limit: 12)
        batch.append("12345")
        batch.append("1234")
        #expect(pipe.read() == "")
        batch.append("1")
        #expect(pipe.read() == "12345\n1234\n")
        batch.append(String(repeating: "x", count: 20))
        #expect(pipe.read() == "1\n")
        batch.flush()
        #expect(pipe.read() == String(repeating: "x", count: 20) + "\n")
    }

    @Test func aClosedDescriptorDropsTheLinesAndDoesNotStop() {
        let batch = LineBatch(descriptor: -1)
        batch.append("lost")
        batch.flush()
        batch.append("lost too")
        batch.flush()
    }

    /// A request-log middleware of the test's own: each answer's route into a batch, written when
    /// the event loop ends its pass.
    private struct BatchedRouteLog: Middleware {
        let batch: LineBatch

        func handle(_ request: HTTPRequest, _ responder: Responder, next: Next) {
            let batch = batch
            responder.onFinish { record in batch.append("route=\(record.route ?? "-")") }
            next(request, responder)
        }

        func passEnded() {
            batch.flush()
        }
    }

    @Test func theEventLoopWritesTheBatchAfterThePassThatAnswered() async throws {
        let pipe = try Pipe()
        var router = Router()
        router.get("/v1/offices/{office}") { _, responder in responder.respond(.text("office")) }
        let log = BatchedRouteLog(batch: LineBatch(descriptor: pipe.writeEnd))
        try await withServer(router: router, middleware: [log]) { server in
            let client = try RawClient(port: server.port)
            try client.send("GET /v1/offices/rathaus HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse().status == 200)
            #expect(pipe.read(waiting: 5_000) == "route=/v1/offices/{office}\n")
        }
    }
}
