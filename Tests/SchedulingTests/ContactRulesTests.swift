import RathausTesting
import Testing

@testable import Scheduling

@Suite struct ContactRulesTests {
    @Test(arguments: [
        "erika@example.org", "Erika.Mustermann@example.org", "o'brien+rathaus@mail.example.co.uk",
        "a!#$%&'*+/=?^_`{|}~-z@x-1.de", "jürgen@müller.de", "x@xn--mller-kva.de", "1@2.de",
    ])
    func usualAddressesAreEmail(_ text: String) {
        #expect(Contact.isEmail(text))
    }

    @Test(arguments: [
        "", "@example.org", "erika@", "erika", "erika@example", "erika@@example.org", "a@b@example.org",
        "nul4@example.org\u{0}\u{0}garbage", "x6@-example.org", "x@example-.org", "x@exa_mple.org",
        "mailto:grenz.test@example.org", "grenz.test\u{200B}@example.org", "\u{FEFF}erika@example.org",
        "erika\u{200E}@example.org", "erika@example.org\u{200D}", ".erika@example.org", "erika.@example.org",
        "eri..ka@example.org", "erika@example..org", "erika@.example.org", "erika@example.org.",
        "\"erika\"@example.org", "erika@[127.0.0.1]", "erika mustermann@example.org", "<erika@example.org>",
        "erika@exam ple.org", "erika(at)example.org",
        String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 186) + ".org",
    ])
    func othersAreNot(_ text: String) {
        #expect(!Contact.isEmail(text))
    }

    /// The rule as it was first written, by splitting at `@` and at the dots: the one-pass
    /// `isEmail` must agree with it on every text.
    static func splitRule(_ text: String) -> Bool {
        guard text.utf8.count <= Contact.maxEmailLength else { return false }
        let parts = text.unicodeScalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0]
        guard let first = local.first, let last = local.last, first != ".", last != "." else { return false }
        var previous: Unicode.Scalar = "@"
        for scalar in local {
            guard Contact.isEmailLetterOrDigit(scalar) || Contact.localSpecials.contains(scalar) else { return false }
            if scalar == ".", previous == "." { return false }
            previous = scalar
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard let first = label.first, let last = label.last, first != "-", last != "-" else { return false }
            guard label.allSatisfy({ Contact.isEmailLetterOrDigit($0) || $0 == "-" }) else { return false }
        }
        return true
    }

    @Test(arguments: 0..<10)
    func theOnePassRuleAgreesWithTheSplitRule(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = [
            "a", "Z", "7", "@", ".", "-", "_", "+", "ü", "李", "\u{200B}", " ", "\"", "\u{FE0F}", "!", "..", "@x.de",
            "example.org", "-x", "x-",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            #expect(Contact.isEmail(text) == Self.splitRule(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func addressesUpTo254BytesAreAccepted() {
        let longest = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 185) + ".org"
        #expect(longest.utf8.count == 254)
        #expect(Contact.isEmail(longest))
    }

    @Test func namesNeedALetterAndNothingInvisible() {
        #expect(Contact.nameIssue("Erika Mustermann") == nil)
        #expect(Contact.nameIssue("Jürgen Müller-Lüdenscheidt") == nil)
        #expect(Contact.nameIssue("Ju\u{308}rgen") == nil, "an umlaut as two characters")
        #expect(Contact.nameIssue("Ζωή Παπαδοπούλου") == nil)
        #expect(Contact.nameIssue("李小龙") == nil)
        #expect(Contact.nameIssue("محمد\u{200C}رضا") == nil, "Persian names are written with a zero-width non-joiner")
        #expect(Contact.nameIssue("Erika 👩\u{200D}💻") == nil, "a zero-width joiner in an emoji")
        #expect(!Contact.isEmail("grenz\u{200C}test@example.org"), "not in e-mail addresses")
        for invisible in [
            "grenz.test\u{FE0F}@example.org", "grenz.test\u{3164}@example.org", "grenz\u{34F}@example.org",
        ] {
            #expect(!Contact.isEmail(invisible), "\(invisible.unicodeScalars.map(\.value))")
        }
        #expect(Contact.nameIssue("") == .empty)
        #expect(Contact.nameIssue(String(repeating: "a", count: 201)) == .tooLong)
        #expect(Contact.nameIssue(String(repeating: "a", count: 200)) == nil)
        for invisible in [
            "Nul\u{0}Name", "Ctl\u{7}Name\u{1B}[31m", "Line\nBreak", "Tab\tName", "\u{200B}", "Erika\u{200E}",
            "\u{FEFF}Erika", "Erika\u{2028}Mustermann", "Erika\u{AD}", "Er\u{7F}ika", "\u{3164}", "Erika\u{FE0F}",
            "Eri\u{34F}ka", "\u{115F}\u{1160}", "Erika\u{E0100}",
        ] {
            #expect(Contact.nameIssue(invisible) == .invisibleCharacter, "\(invisible.unicodeScalars.map(\.value))")
        }
        #expect(Contact.nameIssue("1234") == .noLetter)
        #expect(Contact.nameIssue("- . -") == .noLetter)
    }

    @Test func theASCIIShortcutAgreesWithTheUnicodeProperties() {
        for value in UInt32(0)..<128 {
            let scalar = Unicode.Scalar(value)!
            let category = scalar.properties.generalCategory
            let invisible =
                scalar.properties.isDefaultIgnorableCodePoint
                || [.control, .format, .lineSeparator, .paragraphSeparator].contains(category)
            #expect(Contact.hasInvisibleCharacter(String(scalar)) == invisible, "U+\(String(value, radix: 16))")
        }
    }

    @Test func phoneNumbersAreDigitsAndSeparators() {
        #expect(Contact.isPhone("0431 123456"))
        #expect(Contact.isPhone("+49 (431) 123-456/7"))
        #expect(!Contact.isPhone("1234"))
        #expect(!Contact.isPhone("0431\u{200B}123456"))
        #expect(!Contact.isPhone("0431\u{0}123456"))
        #expect(!Contact.isPhone("٠٤٣١١٢٣٤٥٦"), "ASCII digits only")
        #expect(!Contact.isPhone(String(repeating: "1", count: 21)))
    }

    @Test func theContactKeyIsTheComposedLowerCaseAddress() {
        let key = Contact(name: "J", email: "JU\u{308}RGEN@mu\u{308}ller.de").key
        #expect(key.map { Array($0.utf8) } == Array("mail:j\u{FC}rgen@m\u{FC}ller.de".utf8), "as stored, byte for byte")
        #expect(Contact(name: "E", email: "Erika@Example.org").key == "mail:erika@example.org")
    }
}
