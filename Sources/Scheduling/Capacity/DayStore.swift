/// The prepared days of an office, found by day number without hashing (the hot booking path
/// reads one per decision).
///
/// The days are kept in chunks of `chunkSize` consecutive days, each chunk a box that copies of
/// the store share until one of them changes it. The writer publishes a copy of its schedule after
/// every commit and then goes on changing its own: a change copies the chunk it touches and the
/// short list of chunks, not every prepared day (with the days in one array, each booking of the
/// instruction benchmark's replay copied and later freed 63 of them).
package struct DayStore: Sendable {
    /// Consecutive days, indexed by their place in the chunk. Invariant that makes
    /// `@unchecked Sendable` sound: a chunk is changed only through `uniqueChunk(at:)`, which
    /// copies it first unless the store changing it holds the only reference, so a chunk that
    /// another store (or thread) can see is never written.
    private final class Chunk: @unchecked Sendable {
        var days: [OfficeDay?]

        init(_ days: [OfficeDay?]) {
            self.days = days
        }
    }

    /// Days per chunk.
    static let chunkSize = 8

    /// The number of the first chunk (day number divided by `chunkSize`, rounded down).
    private var firstChunk = 0
    /// The chunks from `firstChunk` on; nil for a chunk without a prepared day.
    private var chunks: [Chunk?] = []

    package init() {}

    /// The chunk number and the place in it of `date`.
    private static func place(_ date: LocalDate) -> (chunk: Int, slot: Int) {
        let number = date.dayNumber
        let chunk = number >= 0 ? number / chunkSize : (number + 1) / chunkSize - 1
        return (chunk, number - chunk * chunkSize)
    }

    package subscript(date: LocalDate) -> OfficeDay? {
        get {
            let (chunk, slot) = Self.place(date)
            let index = chunk - firstChunk
            guard index >= 0, index < chunks.count, let found = chunks[index] else { return nil }
            return found.days[slot]
        }
        _modify {
            let (chunk, slot) = Self.place(date)
            let target = uniqueChunk(at: reserve(chunk))
            yield &target.days[slot]
        }
        set {
            let (chunk, slot) = Self.place(date)
            uniqueChunk(at: reserve(chunk)).days[slot] = newValue
        }
    }

    /// The chunk at `index`, this store's own: a shared chunk is copied first, a missing one made.
    private mutating func uniqueChunk(at index: Int) -> Chunk {
        if isKnownUniquelyReferenced(&chunks[index]), let chunk = chunks[index] { return chunk }
        let chunk = Chunk(chunks[index]?.days ?? Array(repeating: nil, count: Self.chunkSize))
        chunks[index] = chunk
        return chunk
    }

    /// Makes room for chunk number `chunk` (growing at either end) and returns its index.
    private mutating func reserve(_ chunk: Int) -> Int {
        if chunks.isEmpty {
            firstChunk = chunk
            chunks = [nil]
        } else if chunk < firstChunk {
            chunks.insert(contentsOf: repeatElement(nil, count: firstChunk - chunk), at: 0)
            firstChunk = chunk
        } else if chunk >= firstChunk + chunks.count {
            chunks.append(contentsOf: repeatElement(nil, count: chunk - firstChunk - chunks.count + 1))
        }
        return chunk - firstChunk
    }

    /// The dates held, ascending.
    package var dates: [LocalDate] {
        chunks.indices.flatMap { index -> [LocalDate] in
            guard let chunk = chunks[index] else { return [] }
            return chunk.days.indices.filter { chunk.days[$0] != nil }.map {
                LocalDate(dayNumber: (firstChunk + index) * Self.chunkSize + $0)
            }
        }
    }

    package var count: Int {
        chunks.reduce(0) { total, chunk in total + (chunk?.days.reduce(0) { $0 + ($1 == nil ? 0 : 1) } ?? 0) }
    }

    /// Drops every day before `date`.
    package mutating func removeAll(before date: LocalDate) {
        let (chunk, slot) = Self.place(date)
        let drop = min(max(0, chunk - firstChunk), chunks.count)
        chunks.removeFirst(drop)
        firstChunk += drop
        guard chunk == firstChunk, !chunks.isEmpty, chunks[0] != nil, slot > 0 else { return }
        let first = uniqueChunk(at: 0)
        for earlier in 0..<slot { first.days[earlier] = nil }
    }
}
