import Testing

@testable import Storage

private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

@Suite struct PBKDF2Tests {
    /// RFC 7914 §11, the two PBKDF2-HMAC-SHA256 vectors (scrypt's building block).
    @Test(arguments: [
        (
            "passwd", "salt", 1,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        ),
        (
            "Password", "NaCl", 80_000,
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
        ),
    ])
    func matchesRFC7914(password: String, salt: String, iterations: Int, key: String) throws {
        let derived = try PBKDF2.sha256(
            password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, keyLength: 64)
        #expect(hex(derived) == key)
    }

    /// The PBKDF2-HMAC-SHA256 vectors published at stackoverflow.com/questions/5130513 ("PBKDF2-HMAC-SHA2
    /// test vectors", RFC 6070's inputs with SHA-256), which Python's hashlib.pbkdf2_hmac (OpenSSL)
    /// reproduces; they cover one, two and many iterations, a key longer than one block, and NUL bytes.
    @Test(arguments: [
        ("password", "salt", 1, 32, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, 32, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, 32, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        (
            "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 40,
            "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"
        ),
        ("pass\0word", "sa\0lt", 4096, 16, "89b69d0516f829893c696226650a8687"),
    ])
    func matchesThePublishedSHA256Vectors(
        password: String, salt: String, iterations: Int, length: Int, key: String
    ) throws {
        let derived = try PBKDF2.sha256(
            password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, keyLength: length)
        #expect(hex(derived) == key)
    }

    @Test func aPasswordLongerThanABlockIsHashedFirst() throws {
        // RFC 2104 §2: a key longer than 64 bytes is replaced by its SHA-256 digest.
        let long = [UInt8](repeating: 0x61, count: 65)
        let derived = try PBKDF2.sha256(password: long, salt: Array("salt".utf8), iterations: 3, keyLength: 32)
        let viaDigest = try PBKDF2.sha256(
            password: SHA256.hash(long), salt: Array("salt".utf8), iterations: 3, keyLength: 32)
        #expect(derived == viaDigest)
        #expect(hex(derived) == "4afd8eda1227ba57eff25d7df2a645bc0759ef0054192865b075c70a5c7a4a4e")
    }

    @Test func nonsenseParametersAreRefused() {
        #expect(throws: PasswordHashError.iterationsOutOfRange(0)) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: 0, keyLength: 32)
        }
        #expect(throws: PasswordHashError.keyLengthOutOfRange(0)) {
            try PBKDF2.sha256(password: [1], salt: [2], iterations: 1, keyLength: 0)
        }
    }
}
