import RathausTesting
import Testing

@testable import Scheduling

@Suite struct UnitSetTests {
    @Test func rangesAcrossWordBoundariesAreInsertedAndRemovedExactly() {
        var set = UnitSet(count: 300)
        set.insert(60..<130)
        #expect(set.population == 70)
        #expect(set.containsAll(60..<130))
        #expect(!set.contains(59))
        #expect(!set.contains(130))
        set.remove(63..<65)
        #expect(set.runs == [60..<63, 65..<130])
    }

    @Test func insertionIsClampedToTheDay() {
        var set = UnitSet(count: 276)
        set.insert(270..<400)
        #expect(set.runs == [270..<276])
        #expect(!set.containsAll(270..<277), "a range past the end of the day is never wholly free")
        #expect(set.words.count == 5)
    }

    @Test func runsSpanningManyWordsAreOneRun() {
        var set = UnitSet(count: 300)
        set.insert(0..<300)
        #expect(set.runs == [0..<300])
        set.remove(128..<129)
        #expect(set.runs == [0..<128, 129..<300])
    }

    @Test func emptyAndFullWordsAtTheEdgesHaveNoPhantomRuns() {
        var set = UnitSet(count: 128)
        #expect(set.runs.isEmpty)
        set.insert(63..<65)
        #expect(set.runs == [63..<65])
        #expect(set.elements == [63, 64])
    }
}

@Suite struct WeeklyRuleTests {
    @Test func appliesOnlyOnItsWeekdaysAndWithinItsValidity() {
        let rule = Fixtures.rule([.thursday], validFrom: "2026-12-01", validUntil: "2026-12-17")
        #expect(!rule.applies(on: Fixtures.date("2026-11-26")))
        #expect(rule.applies(on: Fixtures.date("2026-12-03")))
        #expect(!rule.applies(on: Fixtures.date("2026-12-04")))
        #expect(rule.applies(on: Fixtures.date("2026-12-17")))
        #expect(!rule.applies(on: Fixtures.date("2026-12-24")))
    }

    @Test func everyOtherWeekCountsFromItsFirstDay() {
        let rule = Fixtures.rule([.saturday], everyWeeks: 2, validFrom: "2026-12-05")
        #expect(rule.applies(on: Fixtures.date("2026-12-05")))
        #expect(!rule.applies(on: Fixtures.date("2026-12-12")))
        #expect(rule.applies(on: Fixtures.date("2026-12-19")))
        #expect(rule.applies(on: Fixtures.date("2027-01-02")))
    }
}

@Suite struct DocumentChecklistTests {
    @Test func mergesDocumentsOnceKeepingConditions() {
        let photo = Document(name: "Biometrisches Passfoto")
        let id = Document(name: "Personalausweis")
        let consent = Document(name: "Einverständnis beider Eltern", condition: "nur bei Minderjährigen")
        let a = Fixtures.service("ausweis", documents: [photo, consent, id])
        let b = Fixtures.service(
            "anmeldung",
            documents: [
                id, Document(name: "Wohnungsgeberbestätigung"), Document(name: "Personalausweis", condition: "x"),
            ])
        let merged = DocumentChecklist.merge([a, b])
        #expect(
            merged.map(\.name) == [
                "Biometrisches Passfoto", "Einverständnis beider Eltern", "Personalausweis", "Wohnungsgeberbestätigung",
            ])
        #expect(merged[1].condition == "nur bei Minderjährigen")
        #expect(merged[2].condition == nil, "needed unconditionally by one service, so needed unconditionally")
    }

    @Test func differentConditionsForOneDocumentAreBothKept() {
        let a = Fixtures.service("a", documents: [Document(name: "Urkunde", condition: "bei Heirat")])
        let b = Fixtures.service("b", documents: [Document(name: "urkunde", condition: "bei Namensänderung")])
        #expect(
            DocumentChecklist.merge([a, b]) == [Document(name: "Urkunde", condition: "bei Heirat; bei Namensänderung")])
    }

    @Test func oneServiceKeepsItsDocumentsAsTheyAre() {
        let documents = [
            Document(name: "Passfoto", note: "nicht älter als 6 Monate"),
            Document(name: "Urkunde", condition: "bei Heirat"),
            Document(name: "Personalausweis"),
        ]
        let service = Fixtures.service("a", documents: documents)
        let merged = DocumentChecklist.mergeNamingServices([service])
        #expect(merged.map(\.document) == documents)
        #expect(merged.allSatisfy { $0.services == [service.id] })
    }

    @Test func oneServiceNamingADocumentTwiceGetsItOnce() {
        let service = Fixtures.service(
            "a",
            documents: [
                Document(name: "Urkunde", condition: "bei Heirat"), Document(name: "Passfoto"),
                Document(name: "urkunde", note: "im Original", condition: "bei Namensänderung"),
            ])
        #expect(
            DocumentChecklist.merge([service]) == [
                Document(name: "Urkunde", note: "im Original", condition: "bei Heirat; bei Namensänderung"),
                Document(name: "Passfoto"),
            ])
    }
}
