import Dispatch
import RathausTesting
import Scheduling
import Synchronization
import Testing

@testable import Storage

@Suite struct RecordIDTests {
    @Test func idsNameTheirOfficeAndSortInTheOrderTheyWereMade() {
        let ids = (0..<5000).map { _ in RecordID.make(office: "rathaus") }
        #expect(ids.allSatisfy { $0.hasPrefix("rathaus.") && $0.utf8.count == "rathaus.".utf8.count + 22 })
        #expect(ids.allSatisfy { RecordID.office(of: $0) == "rathaus" })
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        let letters = Set("-_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        #expect(ids.allSatisfy { $0.dropFirst("rathaus.".count).allSatisfy(letters.contains) })
    }

    @Test func theTimestampRisesStrictlyEvenWithinOneMillisecondAndAcrossThreads() {
        let seen = Mutex<[UInt64]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let mine = (0..<2000).map { _ in RecordID.nextMilliseconds() }
            #expect(zip(mine, mine.dropFirst()).allSatisfy { $0 < $1 })
            seen.withLock { $0 += mine }
        }
        #expect(Set(seen.withLock { $0 }).count == 8000)
    }

    @Test func theFirstSixBytesAreTheTimestampBigEndian() {
        let bytes = RecordID.orderedBytes(milliseconds: 0x0102_0304_0506)
        #expect(bytes.count == 16)
        #expect(Array(bytes.prefix(6)) == [1, 2, 3, 4, 5, 6])
    }

    @Test func sortableLettersSortAsTheBytesDo() {
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...20, using: &generator)
            let first = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var second = first
            if !second.isEmpty, Bool.random(using: &generator) {
                second[Int.random(in: 0..<second.count, using: &generator)] = UInt8.random(
                    in: 0...255, using: &generator)
            }
            let byBytes = first.lexicographicallyPrecedes(second)
            let byText = Array(Secrets.base64URL(first, sortable: true).utf8).lexicographicallyPrecedes(
                Array(Secrets.base64URL(second, sortable: true).utf8))
            #expect(byBytes == byText)
        }
    }
}
