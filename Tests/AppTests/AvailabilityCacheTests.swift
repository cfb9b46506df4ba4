import HTTPServer
import Scheduling
import Testing

@testable import App

@Suite struct AvailabilityCacheTests {
    /// A question of the public at the Rathaus, told apart by its query.
    private func key(_ query: String, office: OfficeID = "rathaus") -> AvailabilityCache.Key {
        AvailabilityCache.Key(office: office, channel: .online, staff: false, query: query)
    }

    private func body(_ size: Int) -> [UInt8] { [UInt8](repeating: UInt8(ascii: "x"), count: size) }

    @Test func aStoredAnswerIsFoundAtItsVersionAndMinuteOnly() {
        let cache = AvailabilityCache(limits: .init(lifetime: 3600))
        let stored = cache.put(key("service=a"), body: Array("{}".utf8), version: 3, minute: 100)
        #expect(stored.response.headers["ETag"] == ETag.of(Array("{}".utf8)))
        #expect(stored.response.headers["Content-Type"] == "application/json")
        #expect(cache.get(key("service=a"), version: 3, minute: 100)?.response.body == Array("{}".utf8))
        #expect(cache.get(key("service=a"), version: 4, minute: 100) == nil, "a committed change retires it")
        #expect(cache.get(key("service=a"), version: 3, minute: 101) == nil, "the next minute retires it")
        #expect(cache.get(key("service=b"), version: 3, minute: 100) == nil)
        #expect(cache.get(key("service=a", office: "nord"), version: 3, minute: 100) == nil)
    }

    @Test func anAnswerOlderThanItsLifetimeIsNotServed() {
        let cache = AvailabilityCache(limits: .init(lifetime: 0))
        _ = cache.put(key("service=a"), body: body(10), version: 1, minute: 1)
        #expect(cache.get(key("service=a"), version: 1, minute: 1) == nil)
    }

    @Test func oneQuestionKeepsOneEntryHoweverOftenItsAnswerChanges() {
        let cache = AvailabilityCache(limits: .init(lifetime: 3600, maxEntries: 10))
        for minute in 0..<5_000 {
            _ = cache.put(key("service=a"), body: body(100), version: 1, minute: Int64(minute))
        }
        #expect(cache.size.entries == 1)
        #expect(
            cache.size.bytes == 100 + "rathaus".utf8.count + "service=a".utf8.count + AvailabilityCache.entryOverhead)
        #expect(cache.get(key("service=a"), version: 1, minute: 4_999) != nil)
    }

    @Test func atMaxEntriesTheOldestAnswerMakesRoom() {
        let cache = AvailabilityCache(limits: .init(lifetime: 3600, maxEntries: 3))
        for index in 0..<3 { _ = cache.put(key("q=\(index)"), body: body(10), version: 1, minute: 1) }
        #expect(cache.size.entries == 3)
        #expect(cache.get(key("q=0"), version: 1, minute: 1) != nil)
        _ = cache.put(key("q=3"), body: body(10), version: 1, minute: 1)
        #expect(cache.size.entries == 3)
        #expect(cache.get(key("q=0"), version: 1, minute: 1) == nil, "stored first, dropped first")
        for index in 1...3 { #expect(cache.get(key("q=\(index)"), version: 1, minute: 1) != nil) }
    }

    @Test func maxBytesBoundsTheAnswersKept() {
        let entry = 1_000 + "rathaus".utf8.count + "q=0".utf8.count + AvailabilityCache.entryOverhead
        let cache = AvailabilityCache(limits: .init(lifetime: 3600, maxEntries: 100, maxBytes: 2 * entry))
        _ = cache.put(key("q=0"), body: body(1_000), version: 1, minute: 1)
        _ = cache.put(key("q=1"), body: body(1_000), version: 1, minute: 1)
        #expect(cache.size == (2, 2 * entry))
        _ = cache.put(key("q=2"), body: body(1_000), version: 1, minute: 1)
        #expect(cache.size == (2, 2 * entry))
        #expect(cache.get(key("q=0"), version: 1, minute: 1) == nil)
        #expect(cache.get(key("q=2"), version: 1, minute: 1) != nil)
    }

    @Test func anAnswerLargerThanMaxBytesIsServedButNotKept() {
        let cache = AvailabilityCache(limits: .init(lifetime: 3600, maxEntries: 100, maxBytes: 500))
        _ = cache.put(key("q=small"), body: body(10), version: 1, minute: 1)
        let large = cache.put(key("q=large"), body: body(1_000), version: 1, minute: 1)
        #expect(large.response.body.count == 1_000)
        #expect(cache.get(key("q=large"), version: 1, minute: 1) == nil)
        #expect(cache.size.bytes <= 500)
    }

    @Test func manyDistinctQuestionsStayWithinTheLimits() {
        let cache = AvailabilityCache(limits: .init(lifetime: 3600, maxEntries: 50, maxBytes: 1 << 20))
        for index in 0..<10_000 {
            _ = cache.put(key("q=\(index)"), body: body(index % 300), version: index % 7, minute: Int64(index / 100))
            #expect(cache.size.entries <= 50)
        }
        #expect(cache.size.entries == 50)
        #expect(cache.get(key("q=9999"), version: 9_999 % 7, minute: 99) != nil)
    }

    @Test func theOrderOfStoringStaysBoundedWhileTheOldestMakeRoom() {
        // A full cache stores and drops one answer per new question: the keys it keeps in the
        // order of storing must not pile up (they held every question asked).
        let cache = AvailabilityCache(limits: .init(lifetime: 3600, maxEntries: 50))
        for index in 0..<100_000 {
            _ = cache.put(key("q=\(index)"), body: body(10), version: 1, minute: 1)
        }
        #expect(cache.size.entries == 50)
        #expect(cache.queuedKeys <= 4 * 50 + 192)
    }
}
