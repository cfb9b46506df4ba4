import Testing

@testable import Storage

@Suite struct ScryptTests {
    func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// RFC 7914 §12, the first three vectors (the fourth needs 1 GiB).
    @Test(arguments: [
        (
            "", "", 16, 1, 1,
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
        ),
        (
            "password", "NaCl", 1_024, 8, 16,
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
        ),
        (
            "pleaseletmein", "SodiumChloride", 16_384, 8, 1,
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"
        ),
    ])
    func matchesRFC7914(password: String, salt: String, n: Int, r: Int, p: Int, key: String) throws {
        let derived = try Scrypt.derive(
            password: Array(password.utf8), salt: Array(salt.utf8), n: n, r: r, p: p, keyLength: 64)
        #expect(hex(derived) == key)
    }

    @Test func oddParametersMatchOpenSSL() throws {
        // Python's hashlib.scrypt(b"Korrekt Pferd", salt=b"Rathaus", n=32, r=3, p=2, dklen=33).
        let derived = try Scrypt.derive(
            password: Array("Korrekt Pferd".utf8), salt: Array("Rathaus".utf8), n: 32, r: 3, p: 2, keyLength: 33)
        #expect(hex(derived) == "9a692552e02e298f7d55d8292849de3b759b2a0aac77d8fb66d4b3487c5b000fef")
    }

    @Test(arguments: [
        (0, 1, 1), (1, 1, 1), (3, 1, 1), (1_000, 8, 1), (16, 0, 1), (16, 1, 0), (1 << 62, 1, 1),
        (1 << 20, 8, 1), (16, 1 << 30, 1), (16, 1, 1 << 30), (1 << 16, 1, 1),
    ])
    func costsOutsideRFC7914OrTheMemoryLimitAreRefused(n: Int, r: Int, p: Int) {
        #expect(throws: PasswordHashError.costOutOfRange(n: n, r: r, p: p)) {
            try Scrypt.derive(password: [1], salt: [2], n: n, r: r, p: p, keyLength: 32)
        }
    }

    @Test func theLargestCostRFC7914AllowsForABlockSizeIsAccepted() throws {
        // N < 2^(16·r): for r = 1, 2^15 is the largest (2^16 is refused above). hashlib agrees.
        let derived = try Scrypt.derive(password: [0x78], salt: [0x79], n: 1 << 15, r: 1, p: 1, keyLength: 16)
        #expect(hex(derived) == "eaacc41c081243de6e6336606103d403")
    }
}
