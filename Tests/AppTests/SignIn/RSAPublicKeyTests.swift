import Storage
import Testing

@testable import App

private func bytes(_ base64URL: String) throws -> [UInt8] {
    try #require(Secrets.decodeBase64URL(base64URL))
}

@Suite struct RSAPublicKeyTests {
    /// RFC 7515 Appendix A.2: the example JWS using RSASSA-PKCS1-v1_5 SHA-256, its key's n and e.
    static let rfc7515Modulus =
        "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4Ql"
        + "L-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUs"
        + "LA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoud"
        + "F8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"
    static let rfc7515SigningInput =
        "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    static let rfc7515Signature =
        "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujG"
        + "bds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K"
        + "0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6"
        + "LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"

    /// Keys and signatures of "Rathaus signs staff in" made with Python's cryptography (OpenSSL):
    /// a 3072-bit key with e = 65537 and a 2048-bit key with e = 3, so that other limb counts and
    /// exponents than the RFC's are covered.
    static let message = Array("Rathaus signs staff in".utf8)
    static let modulus3072 =
        "yIse1n6V-Gp1fEvUb3R2shtZdqxzA5F8bzmzOrdItlncFPtftY5fLyWIpIPbaxx6mFzOy2wxxMpswD3x8tdxO096lMQKEf9e"
        + "uaFlip2pxmAHKRrUMI6yxRCY64ofFwTIh28ioRIG_qaTnygGUh9eIING5xMpWKwJA7f6i2iJoS3Ozy2P8n6FDFlA2EVvcQV2"
        + "Ogk_q_fp3HPEXDgb6ZwzRhXA0BLc1xKbJoKO8538YNs_Qo6b4KFSFQJyp6zWGtUALmldu4U4AfzvhsPEC2btOULcimNsdkYE"
        + "3HFfWR2qSreWsKeBaNzAPA8bcI00SR_VQUJoIywMEKxrlwXRy896_v2nD70vhMQrlcWIxijmb6jyizuNFPde4KF9dymdvPv7"
        + "-UIahSq26HS1kVRnXLL-Kqt_GFsaSL3WBVJq3WKO5bLsjUg0cWaojDi170gDNE0EYy2FUezxcvdTIL6-SzX3yDOZn5yBOiuf"
        + "S1BzKLWo4CCqqvQKTFktSZJuRdSOjAYr"
    static let signature3072 =
        "t5XZJ7Qo6J5r5MivFpdGCyW9hRD9n_7YHBHli1HspjABLHfKQbwp66-PslEZSFz3eKplQrhDz0_Ds6CkSUMmjw4HQZTWRND7"
        + "fPPfWw2q2zgBW4Rz0-TLHL3fyyZalAaVIjzaBo4EbvYxpK6kuhS63jPxJgCskh1aY57admIqrnvW7SnnklZysxfS8zoEzLym"
        + "-UJUJx-pCmFPpQPup9ncBYGvbE84Cl8RbQY7jN_LbXKuH1YOENd9tAy8b32__PtCxvuCQZBsQopGlcM2X1Fi_c7QTSKGPWIx"
        + "CcMDXCLpnXnZVT2LeaAHtqXWGFkBdt1rTYQ73pEfw4iswarnReNDVtZ7jnPlfzwHsqM0Fbr8kV2jI5ESNb_RomZJ8iWD89cb"
        + "_IYDuLqQ7kuBXnKSnbzYpRwzzxF0SzuYCDuDO39pH7kRNzW252YXUiC6pI40Ywo2wqktLvcsy6ibeomOCWlK7U3q1AjIQltp"
        + "6bigwH1YqACYZmKqbVvoEdPVR8KEcwQU"
    static let modulus2048 =
        "0ElWm8iD4FFtAPaiirwZSu47j0x8Zfr7_XcCcj7Wi2n_v4wUcbQv1wpg-xc-Y7_UYOUTGs6QCAOWRI3HPTP9XQgsriHg0kcT"
        + "eysIZAGCby6yQc1pWI99Ef40q_xkzsiD3tTtVmRuu2k36wzfLHAnktbfJ6lMRexK79VBbHn7dj_WuQXNhEg1xpYnvhScFwd0"
        + "GIF4_4NSHSxrVaBjA4qHtV87XFalVC-ceanCFvARyv9iB5e285n35FcPMxwH-nrN6N8ibrCxT8my3JYjKYIcFNzohm_5Yo5s"
        + "NSocu5aI9sCUkUU64YO3iLVzmD2yI4WItA-TH1vDzF5bmROuc_GtDQ"
    static let signature2048 =
        "Gy3_uiImY9juYHC1JBmHAEhDOQEv6c0janAU6_kGV5w5fTRU1pTanQ9YXE7-5j5-V1SWDSyAmDSDIfqtr1gOOhvuYU3qCdvr"
        + "8HRMvGCiXgKgrsFp_w8xTUVkLDMg8xjWBVxHyT5YwMwtjltYOxSQUnMdB4IOFkMqCYiQhycxzQBjZzdDTiJjGIEaCJNAGyWX"
        + "EWqNcxPh-JIyM8guBliUJxwrr0DqMbTBa17gTvU6H6WsfoKGMu5KW7n7NaNJNw464baNbW8iRKQJ1LvDpACR1Sw6i8Z5tt9B"
        + "jwyL66JggRKHZKuCMEBI99n9-Y-egxO1-dwu2tdzTzUimRknKQTnZw"
    /// A 1024-bit key, too weak for RS256 (RFC 7518 §3.3), with a valid signature.
    static let modulus1024 =
        "09OXuho9UnToAaZgVeIgqw-4M6NAW5R9j74Z5Kjm50Ha02lxzA_U6hPuD-_MBz-wjkYZD_L2pLtD9UNW4z7vRurAmS9QVrGc"
        + "VWMdDmvgzOsC4u_W0cq_mHSAmDwI24Xly52hJS5b_6lkkEf1YG1aZgD6yiLhvQseIRF9Al3Ln2k"

    func rfc7515Key() throws -> RSAPublicKey {
        try #require(RSAPublicKey(modulus: bytes(Self.rfc7515Modulus), exponent: [1, 0, 1]))
    }

    @Test func theRFC7515ExampleVerifies() throws {
        #expect(try rfc7515Key().verifies(bytes(Self.rfc7515Signature), of: Array(Self.rfc7515SigningInput.utf8)))
    }

    @Test func signaturesOfOpenSSLKeysWithOtherSizesAndExponentsVerify() throws {
        let large = try #require(RSAPublicKey(modulus: bytes(Self.modulus3072), exponent: [1, 0, 1]))
        #expect(try large.verifies(bytes(Self.signature3072), of: Self.message))
        let small = try #require(RSAPublicKey(modulus: bytes(Self.modulus2048), exponent: [3]))
        #expect(small.exponent == 3)
        #expect(try small.verifies(bytes(Self.signature2048), of: Self.message))
        #expect(try !small.verifies(bytes(Self.signature2048), of: Self.message + [0]))
    }

    @Test func aChangedMessageOrSignatureDoesNotVerify() throws {
        let key = try rfc7515Key()
        let signature = try bytes(Self.rfc7515Signature)
        let message = Array(Self.rfc7515SigningInput.utf8)
        #expect(!key.verifies(signature, of: Array(message.dropLast()) + [UInt8(ascii: "R")]))
        for index in [0, 100, signature.count - 1] {
            var changed = signature
            changed[index] ^= 0x01
            #expect(!key.verifies(changed, of: message))
        }
        #expect(!key.verifies(Array(signature.dropFirst()), of: message))
        #expect(!key.verifies([0] + signature, of: message))
        // A signature at or above the modulus is refused before any arithmetic (RFC 8017 §5.2.2).
        #expect(!key.verifies(key.modulus, of: message))
        #expect(!key.verifies([UInt8](repeating: 0xFF, count: signature.count), of: message))
        // Right signature, other key.
        let other = try #require(RSAPublicKey(modulus: bytes(Self.modulus2048), exponent: [1, 0, 1]))
        #expect(!other.verifies(signature, of: message))
    }

    @Test func keysUnfitForRS256AreRefused() throws {
        let modulus = try bytes(Self.rfc7515Modulus)
        #expect(try RSAPublicKey(modulus: bytes(Self.modulus1024), exponent: [1, 0, 1]) == nil)
        #expect(
            RSAPublicKey(modulus: Array(modulus.dropLast()) + [modulus[modulus.count - 1] & 0xFE], exponent: [1, 0, 1])
                == nil)
        #expect(RSAPublicKey(modulus: modulus, exponent: [1]) == nil)
        #expect(RSAPublicKey(modulus: modulus, exponent: [1, 0, 0]) == nil)
        #expect(RSAPublicKey(modulus: modulus, exponent: []) == nil)
        #expect(RSAPublicKey(modulus: modulus, exponent: [1, 0, 0, 0, 0, 0, 0, 0, 1]) == nil)
        #expect(RSAPublicKey(modulus: [], exponent: [1, 0, 1]) == nil)
        #expect(RSAPublicKey(modulus: [UInt8](repeating: 0xFF, count: 1_025), exponent: [1, 0, 1]) == nil)
        // Leading zero bytes are not part of the size.
        #expect(RSAPublicKey(modulus: [0, 0] + modulus, exponent: [0, 1, 0, 1])?.modulus == modulus)
    }
}
