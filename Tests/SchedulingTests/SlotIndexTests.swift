import RathausTesting
import Testing

@testable import Scheduling

@Suite struct SlotIndexTests {
    /// Every slot stored under the tag of `hash`.
    func slots(_ index: SlotIndex, _ hash: Int) -> [UInt32] {
        var found: [UInt32] = []
        _ = index.first(hash: hash) { slot in
            found.append(slot)
            return false
        }
        return found.sorted()
    }

    @Test func anEmptyIndexFindsNothingAndRemovesNothing() {
        var index = SlotIndex()
        #expect(index.first(hash: 42) { _ in true } == nil)
        index.remove(3, hash: 42)
        #expect(index.count == 0)
    }

    @Test func slotsAreFoundUnderTheirHashAndGoneOnceRemoved() {
        var index = SlotIndex()
        index.insert(0, hash: 10)
        index.insert(1, hash: 20)
        #expect(index.first(hash: 10) { _ in true } == 0)
        #expect(index.first(hash: 20) { _ in true } == 1)
        #expect(index.first(hash: 30) { _ in true } == nil)
        index.remove(0, hash: 10)
        #expect(index.first(hash: 10) { _ in true } == nil)
        #expect(index.first(hash: 20) { _ in true } == 1)
        #expect(index.count == 1)
    }

    @Test func slotsSharingAHashAreAllVisitedAndTheCallerPicks() {
        var index = SlotIndex()
        for slot in UInt32(0)..<5 { index.insert(slot, hash: 7) }
        #expect(slots(index, 7) == [0, 1, 2, 3, 4])
        #expect(index.first(hash: 7) { $0 == 3 } == 3)
        index.remove(3, hash: 7)
        #expect(index.first(hash: 7) { $0 == 3 } == nil)
        #expect(slots(index, 7) == [0, 1, 2, 4])
    }

    @Test func removingASlotUnderTheWrongHashChangesNothing() {
        var index = SlotIndex()
        index.insert(1, hash: 5)
        index.remove(1, hash: 6)
        #expect(index.count == 1)
        #expect(index.first(hash: 5) { _ in true } == 1)
    }

    @Test func reservedCapacityHoldsThatManyAndMoreGrow() {
        var index = SlotIndex()
        index.reserveCapacity(1000)
        for slot in UInt32(0)..<3000 { index.insert(slot, hash: Int(slot) &* 0x9E37_79B9) }
        for slot in UInt32(0)..<3000 { #expect(index.first(hash: Int(slot) &* 0x9E37_79B9) { $0 == slot } == slot) }
        #expect(index.count == 3000)
    }

    /// Random inserts and removals, with hashes drawn from a small set so that runs collide and
    /// wrap around the end of the buckets, against a plain model.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomChangesMatchAModel(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var index = SlotIndex()
        var model: [UInt32: Int] = [:]  // slot → hash
        var nextSlot: UInt32 = 0
        for _ in 0..<4000 {
            if model.isEmpty || Int.random(in: 0..<10, using: &random) < 6 {
                let hash = Int.random(in: 0...40, using: &random) << Int.random(in: 0...40, using: &random)
                index.insert(nextSlot, hash: hash)
                model[nextSlot] = hash
                nextSlot += 1
            } else {
                let slot = model.keys.sorted()[Int.random(in: 0..<model.count, using: &random)]
                index.remove(slot, hash: model[slot] ?? 0)
                model[slot] = nil
            }
            #expect(index.count == model.count)
        }
        for (slot, hash) in model {
            let expected = model.filter { SlotIndex.tag($0.value) == SlotIndex.tag(hash) }.keys.sorted()
            #expect(slots(index, hash) == expected, "slot \(slot)")
        }
    }
}
