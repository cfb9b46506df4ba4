/// The module matrix of a symbol while it is built (ISO/IEC 18004:2015 §6.3, §7.7): which modules
/// are dark, and which belong to the function patterns and the format and version information,
/// where no data goes and no mask applies. Coordinates are column `x` and row `y` from the top
/// left.
struct ModuleGrid: Equatable, Sendable {
    let size: Int
    private(set) var dark: [Bool]
    private(set) var reserved: [Bool]

    /// The grid of `version` with its function patterns drawn (finders with separators, timing,
    /// alignment, the dark module, the version information from version 7) and the format
    /// information's modules reserved (light until a mask is chosen).
    init(version: Int) {
        size = 17 + 4 * version
        dark = [Bool](repeating: false, count: size * size)
        reserved = [Bool](repeating: false, count: size * size)
        // Timing patterns (§6.3.5): row and column 6 alternate, dark on even positions. The
        // finders drawn next cover their ends.
        for index in 0..<size {
            setFunction(x: index, y: 6, dark: index % 2 == 0)
            setFunction(x: 6, y: index, dark: index % 2 == 0)
        }
        // Finder patterns (§6.3.3): 7 × 7 rings dark, light, dark around a 3 × 3 dark centre,
        // each with a light separator one module wide on its inner sides (§6.3.4).
        for (centreX, centreY) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = centreX + dx
                    let y = centreY + dy
                    guard x >= 0, y >= 0, x < size, y < size else { continue }
                    let ring = max(abs(dx), abs(dy))
                    setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
                }
            }
        }
        // Alignment patterns (§6.3.6): 5 × 5, a dark ring, a light ring and a dark centre, at every
        // pair of the version's positions except the three that would overlap the finders.
        let positions = Self.alignmentPositions(version: version)
        for centreY in positions {
            for centreX in positions {
                let first = positions.first
                let last = positions.last
                if (centreX == first && centreY == first) || (centreX == first && centreY == last)
                    || (centreX == last && centreY == first)
                {
                    continue
                }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
        // Reserve the format information's modules; the real bits come with the mask.
        drawFormat(0)
        // The dark module beside the lower left finder (§7.9.1).
        setFunction(x: 8, y: size - 8, dark: true)
        if version >= 7 {
            drawVersion(Self.versionBits(version: version))
        }
    }

    subscript(x: Int, y: Int) -> Bool {
        dark[y * size + x]
    }

    /// Whether the module belongs to a function pattern or the format or version information.
    func isReserved(x: Int, y: Int) -> Bool {
        reserved[y * size + x]
    }

    private mutating func setFunction(x: Int, y: Int, dark isDark: Bool) {
        dark[y * size + x] = isDark
        reserved[y * size + x] = true
    }

    // MARK: Positions and information bits

    /// The row and column coordinates of the alignment pattern centres of `version` (Annex E,
    /// Table E.1): none for version 1; otherwise version ÷ 7 + 2 positions, the first 6, the
    /// last 7 modules from the far edge, the others spaced evenly back from the last by the
    /// smallest even step that reaches 6 in that many steps. Table E.1 gives version 32 a step of
    /// 26 where that rule gives 28.
    static func alignmentPositions(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = 17 + 4 * version - 7
        let intervals = count - 1
        let step = version == 32 ? 26 : (last - 6 + 2 * intervals - 1) / (2 * intervals) * 2
        return [6] + (0..<intervals).reversed().map { last - $0 * step }
    }

    /// The 15 format information bits for `errorCorrection` and `mask` (§7.9.1): the level's two
    /// bits and the mask's three, a BCH(15,5) code with generator
    /// x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1 (0x537), masked with 101010000010010 (0x5412) so that no
    /// combination is all light.
    static func formatBits(errorCorrection: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = errorCorrection.formatIndicator << 3 | mask
        var remainder = data << 10
        for bit in stride(from: 14, through: 10, by: -1) {
            if (remainder >> bit) & 1 == 1 {
                remainder ^= 0x537 << (bit - 10)
            }
        }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18 version information bits of `version` (§7.10): six bits of the version and a
    /// BCH(18,6) code with generator x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1 (0x1F25).
    static func versionBits(version: Int) -> Int {
        var remainder = version << 12
        for bit in stride(from: 17, through: 12, by: -1) {
            if (remainder >> bit) & 1 == 1 {
                remainder ^= 0x1F25 << (bit - 12)
            }
        }
        return version << 12 | remainder
    }

    /// Draws the 15 format bits twice (§7.9.1, Figure 25): bits 0–7 down column 8 beside the upper
    /// left finder, skipping the timing pattern, then bits 8–14 leftwards along row 8; and again
    /// with bits 0–7 along row 8 from the right edge and bits 8–14 down column 8 to the bottom.
    private mutating func drawFormat(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 {
            setFunction(x: 8, y: index, dark: bit(index))
        }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 {
            setFunction(x: 14 - index, y: 8, dark: bit(index))
        }
        for index in 0..<8 {
            setFunction(x: size - 1 - index, y: 8, dark: bit(index))
        }
        for index in 8..<15 {
            setFunction(x: 8, y: size - 15 + index, dark: bit(index))
        }
    }

    /// Draws the 18 version bits twice (§7.10, Figure 27): a 6 × 3 block above the lower left finder
    /// and its transpose left of the upper right one; bit i is at column i ÷ 3, row
    /// size − 11 + i mod 3 in the first.
    private mutating func drawVersion(_ bits: Int) {
        for index in 0..<18 {
            let isDark = (bits >> index) & 1 == 1
            let across = index / 3
            let along = size - 11 + index % 3
            setFunction(x: across, y: along, dark: isDark)
            setFunction(x: along, y: across, dark: isDark)
        }
    }

    // MARK: Data

    /// Places the codewords' bits, most significant first, in the modules no function pattern
    /// holds (§7.7.3): in two-module columns from the right edge, upwards then downwards in turn,
    /// the right module before the left, stepping over the vertical timing pattern. Modules left
    /// over (the remainder bits) stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        var upward = true
        while right >= 1 {
            if right == 6 {
                right = 5
            }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !reserved[y * size + x] {
                    if bitIndex < bitCount {
                        dark[y * size + x] = (codewords[bitIndex / 8] >> UInt8(7 - bitIndex % 8)) & 1 == 1
                    }
                    bitIndex += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }

    // MARK: Masks

    /// Whether data mask `mask` inverts the module in column `x`, row `y` (§7.8.2, Table 10, with
    /// i the row and j the column).
    static func masks(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (y + x) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (y + x) % 3 == 0
        case 4: return (y / 2 + x / 3) % 2 == 0
        case 5: return (y * x) % 2 + (y * x) % 3 == 0
        case 6: return ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: return ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// This grid with `mask` applied to the data modules and the format information for
    /// `errorCorrection` and `mask` drawn.
    func masked(_ mask: Int, errorCorrection: QRCode.ErrorCorrection) -> ModuleGrid {
        var grid = self
        for y in 0..<size {
            for x in 0..<size where !reserved[y * size + x] && Self.masks(mask, x: x, y: y) {
                grid.dark[y * size + x].toggle()
            }
        }
        grid.drawFormat(Self.formatBits(errorCorrection: errorCorrection, mask: mask))
        return grid
    }

    /// The mask with the lowest ``penalty()`` (the first of equals) and the grid it makes (§7.8.3).
    func bestMask(errorCorrection: QRCode.ErrorCorrection) -> (mask: Int, grid: ModuleGrid) {
        var best = (mask: 0, grid: masked(0, errorCorrection: errorCorrection))
        var bestPenalty = best.grid.penalty()
        for mask in 1..<8 {
            let candidate = masked(mask, errorCorrection: errorCorrection)
            let penalty = candidate.penalty()
            if penalty < bestPenalty {
                best = (mask, candidate)
                bestPenalty = penalty
            }
        }
        return best
    }
}
