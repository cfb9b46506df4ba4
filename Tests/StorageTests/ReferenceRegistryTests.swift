import Testing

@testable import Storage

@Suite struct ReferenceRegistryTests {
    @Test func referencesOfTheUsualFormAreNumberedInBase25() {
        #expect(ReferenceRegistry.code("AAA-AAA") == 0)
        #expect(ReferenceRegistry.code("AAA-AAC") == 1)
        #expect(ReferenceRegistry.code("CAA-AAA") == 9_765_625)  // 25^5
        #expect(ReferenceRegistry.code("999-999") == 244_140_624)  // 25^6 - 1
    }

    @Test(arguments: [
        "", "AAA", "AAA-AA", "AAA-AAAA", "AAAAAAA", "AAA_AAA", "aaa-aaa", "AAO-AAA", "A1A-AAA", "ÄAA-AAA",
    ])
    func anythingElseHasNoNumber(text: String) {
        #expect(ReferenceRegistry.code(text) == nil)
    }

    @Test func theNumberTellsReferencesApart() {
        let references = (0..<2000).map { _ in Secrets.reference() }
        let codes = references.compactMap(ReferenceRegistry.code)
        #expect(codes.count == references.count)
        #expect(Set(codes).count == Set(references).count)
    }

    @Test func aClaimedReferenceIsNeitherStoredNorClaimedBefore() {
        let stored = (0..<500).map { _ in Secrets.reference() }
        let registry = ReferenceRegistry(references: stored + ["b1", "legacy"])
        #expect(registry.count == Set(stored).count)
        #expect(stored.allSatisfy(registry.contains))
        var claimed: Set<String> = []
        for _ in 0..<5000 {
            let reference = registry.claim()
            #expect(!stored.contains(reference))
            #expect(claimed.insert(reference).inserted)
            #expect(registry.contains(reference))
        }
        #expect(registry.count == Set(stored).count + 5000)
    }
}
