import Mail
import Testing

@Suite struct MailAddressTests {
    @Test(arguments: [
        "max@example.org", "max.mueller+termin@example.org", "a!#$%&'*+-/=?^_`{|}~z@example.org",
        "jürgen@bär.example", "root@localhost", "x@xn--br-via.example", "用户@例子.广告",
    ])
    func anAddressOfTheUsualFormIsTaken(text: String) throws {
        #expect(try MailAddress(text).addressSpec == text)
    }

    static let refused: [(String, MailError.AddressProblem)] = [
        ("", MailError.AddressProblem.empty), ("max", .notOneAtSign), ("max@@example.org", .notOneAtSign),
        ("a@b@example.org", .notOneAtSign), ("@example.org", .invalidLocalPart),
        (".max@example.org", .invalidLocalPart),
        ("max.@example.org", .invalidLocalPart), ("ma..x@example.org", .invalidLocalPart),
        ("\"max\"@example.org", .invalidLocalPart), ("max@", .invalidDomain), ("max@example..org", .invalidDomain),
        ("max@-example.org", .invalidDomain), ("max@example_.org", .invalidDomain), ("max@[127.0.0.1]", .invalidDomain),
        ("max @example.org", .invisibleCharacter), ("max@exam\u{200B}ple.org", .invisibleCharacter),
        ("max\u{A0}@example.org", .invisibleCharacter), (String(repeating: "a", count: 65) + "@example.org", .tooLong),
        ("a@" + String(repeating: "b", count: 250) + ".org", .tooLong),
        ("a@" + String(repeating: "b", count: 64) + ".org", .invalidDomain),
    ]

    @Test(arguments: refused)
    func anAddressThatIsNotOneIsRefusedWithItsReason(text: String, problem: MailError.AddressProblem) {
        #expect(throws: MailError.invalidAddress(problem)) { try MailAddress(text) }
    }

    @Test func anEmptyDisplayNameIsNone() throws {
        #expect(try MailAddress("max@example.org", displayName: "").displayName == nil)
        #expect(try MailAddress("max@example.org", displayName: " ").displayName == " ")
    }
}
