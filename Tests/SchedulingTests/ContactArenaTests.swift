import RathausTesting
import Testing

@testable import Scheduling

@Suite struct ContactArenaTests {
    static let contacts: [Contact] = [
        Contact(name: "Erika Mustermann", email: "erika@example.org"),
        Contact(name: "Ohne Kontakt"),
        Contact(name: "Anrufer", phone: "0431 123456"),
        Contact(name: "", email: "", phone: ""),
        Contact(name: "Zoë 😀", email: " Zoë@Bücher.example ", phone: "+49 431"),
        Contact(name: "e", email: "\u{301}x@y.de", phone: "\u{301}1"),
    ]

    @Test func contactsReadBackByteForByteWithTheirKeys() {
        var arena = ContactArena()
        let spans = Self.contacts.map { arena.append($0) }
        for (contact, span) in zip(Self.contacts, spans) {
            guard let span else {
                Issue.record("not stored: \(contact.name)")
                continue
            }
            let read = arena.contact(at: span)
            #expect(read == contact)
            #expect(Array(read.name.utf8) == Array(contact.name.utf8))
            #expect(read.email.map { Array($0.utf8) } == contact.email.map { Array($0.utf8) })
            #expect(read.phone.map { Array($0.utf8) } == contact.phone.map { Array($0.utf8) })
            #expect(arena.key(at: span) == contact.key)
            #expect(arena.holds(contact, at: span))
        }
    }

    @Test func aSpanHoldsOnlyItsOwnContact() throws {
        var arena = ContactArena()
        let appended = arena.append(Contact(name: "ab", email: "c"))
        let span = try #require(appended)
        #expect(arena.holds(Contact(name: "ab", email: "c"), at: span))
        #expect(!arena.holds(Contact(name: "a", email: "bc"), at: span))
        #expect(!arena.holds(Contact(name: "ab", phone: "c"), at: span))
        #expect(!arena.holds(Contact(name: "ab", email: "c", phone: ""), at: span))
        #expect(!arena.holds(Contact(name: "ab", email: "d"), at: span))
    }

    @Test func partsLongerThan64KiBAreRefused() {
        var arena = ContactArena()
        #expect(arena.append(Contact(name: String(repeating: "x", count: 65_535))) != nil)
        #expect(arena.append(Contact(name: String(repeating: "x", count: 65_536))) == nil)
        #expect(arena.append(Contact(name: "x", phone: String(repeating: "1", count: 65_536))) == nil)
    }

    @Test func compactingKeepsTheContactsNamedAndDropsTheRest() throws {
        var arena = ContactArena()
        var kept: [(Contact, ContactArena.Span)] = []
        for number in 0..<300 {
            let contact = Contact(name: "Bürgerin \(number)", email: "buergerin.\(number)@example.org")
            let appended = arena.append(contact)
            let span = try #require(appended)
            if number % 3 == 0 { kept.append((contact, span)) } else { arena.release(span) }
        }
        #expect(arena.needsCompaction)
        let (compacted, spans) = arena.compacted(kept.map(\.1))
        #expect(compacted.garbage == 0)
        #expect(compacted.bytes.count == kept.reduce(0) { $0 + $1.1.count })
        for ((contact, _), span) in zip(kept, spans) { #expect(compacted.contact(at: span) == contact) }
    }
}
