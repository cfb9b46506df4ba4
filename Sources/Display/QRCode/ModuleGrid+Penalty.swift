extension ModuleGrid {
    /// The penalty score of the whole symbol by the four rules of ISO/IEC 18004:2015 §7.8.3.1,
    /// Table 11; the encoder keeps the mask with the lowest.
    ///
    /// - N1 = 3: a run of 5 + i modules of one colour in a row or column scores 3 + i.
    /// - N2 = 3: a block of m × n modules of one colour scores 3 × (m − 1) × (n − 1), counted as
    ///   3 for every 2 × 2 square of one colour, which sums to the same.
    /// - N3 = 40: dark-light-dark-dark-dark-light-dark (1:1:3:1:1, one module a unit) in a row or
    ///   column with 4 light modules before it scores 40, and with 4 light after it 40 more; the
    ///   light quiet zone beyond the edge counts as light.
    /// - N4 = 10: 10 × k, where the dark share deviates from 50 % by at least 5k and less than
    ///   5(k + 1) percent.
    func penalty() -> Int {
        var score = 0
        for index in 0..<size {
            score += Self.linePenalty(dark, start: index * size, step: 1, count: size)
            score += Self.linePenalty(dark, start: index, step: size, count: size)
        }
        var darkCount = 0
        for y in 0..<size {
            for x in 0..<size {
                let index = y * size + x
                let colour = dark[index]
                if colour {
                    darkCount += 1
                }
                if x + 1 < size && y + 1 < size && dark[index + 1] == colour && dark[index + size] == colour
                    && dark[index + size + 1] == colour
                {
                    score += 3
                }
            }
        }
        return score + Self.balancePenalty(darkCount: darkCount, total: size * size)
    }

    /// Rules N1 and N3 for the `count` modules of one row or column: `modules[start]`,
    /// `modules[start + step]`, …
    static func linePenalty(_ modules: [Bool], start: Int, step: Int, count: Int) -> Int {
        var score = 0
        var runLength = 0
        var runColour = false
        // The last 11 modules seen as bits, the newest lowest, with 4 light modules of quiet zone
        // before the line and after it.
        var window = 0
        for position in -4..<count + 4 {
            let isDark = position >= 0 && position < count && modules[start + position * step]
            if position >= 0 && position < count {
                if position > 0 && isDark == runColour {
                    runLength += 1
                } else {
                    if runLength >= 5 {
                        score += 3 + (runLength - 5)
                    }
                    runColour = isDark
                    runLength = 1
                }
            }
            window = (window << 1 | (isDark ? 1 : 0)) & 0x7FF
            // 0000 1011101: the pattern with light before it; 1011101 0000: with light after it.
            if position >= 6 && (window == 0b000_0101_1101 || window == 0b101_1101_0000) {
                score += 40
            }
        }
        if runLength >= 5 {
            score += 3 + (runLength - 5)
        }
        return score
    }

    /// Rule N4: 10 for every full 5 % the dark share is away from 50 %, i.e.
    /// 10 × ⌊|100 × dark ÷ total − 50| ÷ 5⌋, in integers.
    static func balancePenalty(darkCount: Int, total: Int) -> Int {
        10 * (abs(20 * darkCount - 10 * total) / total)
    }
}
