/// Reed–Solomon error correction codewords over GF(2⁸) as QR codes use them (ISO/IEC 18004:2015
/// §7.5.2 and Annex A): the field is built on the primitive polynomial
/// x⁸ + x⁴ + x³ + x² + 1 (0x11D), and the generator polynomial of degree n is
/// (x − α⁰)(x − α¹)…(x − αⁿ⁻¹).
enum ReedSolomon {
    /// αⁱ for i in 0..<255, twice over so a sum of two logarithms needs no reduction.
    private static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 {
                value ^= 0x11D
            }
        }
        return table
    }()

    /// The logarithm to base α of each non-zero element (index 0 is unused).
    private static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 {
            table[Int(exponents[power])] = power
        }
        return table
    }()

    /// The product of two field elements.
    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        guard left != 0, right != 0 else { return 0 }
        return exponents[logarithms[Int(left)] + logarithms[Int(right)]]
    }

    /// The coefficients of the generator polynomial of `degree`, highest power first, without the
    /// leading 1.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients: [UInt8] = [1]
        for power in 0..<degree {
            let root = exponents[power]
            var product = [UInt8](repeating: 0, count: coefficients.count + 1)
            for (index, coefficient) in coefficients.enumerated() {
                product[index] ^= coefficient
                product[index + 1] ^= multiply(coefficient, root)
            }
            coefficients = product
        }
        return Array(coefficients.dropFirst())
    }

    /// The `degree` error correction codewords of `data`: the remainder of data(x)·x^degree
    /// divided by the generator polynomial, highest power first.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        let generator = generator(degree: degree)
        var remainder = [UInt8](repeating: 0, count: degree)
        for codeword in data {
            let factor = codeword ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree {
                remainder[index] ^= multiply(generator[index], factor)
            }
        }
        return remainder
    }
}
