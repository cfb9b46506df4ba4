/// A hash index over the slots of an array kept elsewhere: the keys themselves stay in that
/// array, the index holds only a 32-bit hash tag and the slot number per entry (8 bytes), where a
/// `Dictionary` from key to slot would hold a copy of every key.
///
/// Open addressing with linear probing and backward-shift deletion (Knuth, TAOCP vol. 3,
/// §6.4, algorithm R), at most three quarters full. Several entries may share a tag, and a tag
/// may even be shared by different keys: callers confirm a candidate slot against their array.
/// Slots are below `UInt32.max`.
struct SlotIndex: Sendable {
    /// Each bucket holds the tag in its high half and the slot plus one in its low half; 0 is an
    /// empty bucket. The count is zero or a power of two.
    private var buckets: [UInt64] = []
    private(set) var count = 0

    /// The 32 bits of `hash` that an entry keeps.
    static func tag(_ hash: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The first slot stored under the tag of `hash` for which `matches` holds.
    func first(hash: Int, where matches: (UInt32) -> Bool) -> UInt32? {
        guard !buckets.isEmpty else { return nil }
        let tag = Self.tag(hash)
        let mask = buckets.count - 1
        var index = Int(tag) & mask
        while true {
            let bucket = buckets[index]
            if bucket == 0 { return nil }
            if UInt32(truncatingIfNeeded: bucket >> 32) == tag {
                let slot = UInt32(truncatingIfNeeded: bucket) - 1
                if matches(slot) { return slot }
            }
            index = (index + 1) & mask
        }
    }

    /// Adds `slot` under `hash`; the same slot must not be stored twice.
    mutating func insert(_ slot: UInt32, hash: Int) {
        if (count + 1) * 4 > buckets.count * 3 { resize(minimumCapacity: max(count + 1, count * 2)) }
        place(UInt64(Self.tag(hash)) << 32 | UInt64(slot + 1))
        count += 1
    }

    /// Removes `slot`, stored under `hash`; nothing happens when it is not there.
    mutating func remove(_ slot: UInt32, hash: Int) {
        guard !buckets.isEmpty else { return }
        let entry = UInt64(Self.tag(hash)) << 32 | UInt64(slot + 1)
        let mask = buckets.count - 1
        var hole = Int(Self.tag(hash)) & mask
        while buckets[hole] != entry {
            if buckets[hole] == 0 { return }
            hole = (hole + 1) & mask
        }
        // Backward shift: pull later entries of the run into the hole when that keeps each one
        // at or after its home bucket, so that lookups never meet a gap inside a run.
        var next = hole
        while true {
            next = (next + 1) & mask
            let bucket = buckets[next]
            if bucket == 0 { break }
            let home = Int(UInt32(truncatingIfNeeded: bucket >> 32)) & mask
            if (next &- home) & mask >= (next &- hole) & mask {
                buckets[hole] = bucket
                hole = next
            }
        }
        buckets[hole] = 0
        count -= 1
    }

    /// Makes room for `capacity` entries without growing again.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity * 4 > buckets.count * 3 { resize(minimumCapacity: capacity) }
    }

    /// Drops every entry (and the buckets).
    mutating func removeAll() {
        buckets = []
        count = 0
    }

    private mutating func resize(minimumCapacity: Int) {
        var size = 8
        while size * 3 < minimumCapacity * 4 { size *= 2 }
        let old = buckets
        buckets = Array(repeating: 0, count: size)
        for bucket in old where bucket != 0 { place(bucket) }
    }

    private mutating func place(_ entry: UInt64) {
        let mask = buckets.count - 1
        var index = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
        while buckets[index] != 0 { index = (index + 1) & mask }
        buckets[index] = entry
    }
}
