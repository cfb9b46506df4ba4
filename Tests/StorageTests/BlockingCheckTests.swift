import Dispatch
import RathausTesting
import Storage
import Testing

/// The debug-build rule that no event-loop thread waits for the database.
@Suite struct BlockingCheckTests {
    @Test func waitingForAnOfficeOnAnOfficesQueueStopsTheProgram() async throws {
        await #expect(processExitsWith: .failure) {
            OfficeWriter.offices.sync { OfficeWriter.assertNotOnAnOfficeQueue() }
        }
        OfficeWriter.assertNotOnAnOfficeQueue()
    }

    @Test func aBlockingReadOnAThreadThatMustNotBlockStopsTheProgram() async throws {
        await #expect(processExitsWith: .failure) {
            let directory = try TemporaryDirectory()
            let connection = try SerialConnection(path: directory.file("blocking.sqlite"))
            BlockingCheck.forbiddingBlocking {
                _ = try? connection.sync { try $0.scalar("SELECT 1", as: Int.self) }
            }
        }
    }

    @Test func theSameReadOffTheLoopAndAnAsynchronousOneOnItAreFine() throws {
        try withTemporaryDirectory { directory in
            let connection = try SerialConnection(path: directory.file("fine.sqlite"))
            #expect(try connection.sync { try $0.scalar("SELECT 1", as: Int.self) } == 1)
            BlockingCheck.forbiddingBlocking {
                #expect(BlockingCheck.isForbidden)
                connection.async { _ in }
            }
            #expect(!BlockingCheck.isForbidden, "the mark is taken off again")
        }
    }
}
