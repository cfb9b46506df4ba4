import Testing

@testable import Display

/// The layout of finished symbols (ISO/IEC 18004:2015 §6.3, §7.7–7.10): function patterns where
/// the standard puts them, both copies of the format and version information readable, and the
/// mask chosen by the penalty rules.
@Suite struct QRCodeSymbolTests {
    private static func code(
        _ text: String = "https://rathaus.example/t/A017", level: QRCode.ErrorCorrection = .medium,
        minimumVersion: Int = 1, mask: Int? = nil
    ) throws -> QRCode {
        try QRCode(segment: Segment(text: text), errorCorrection: level, minimumVersion: minimumVersion, mask: mask)
    }

    @Test func finderPatternsSitInThreeCornersWithLightSeparators() throws {
        for version in [1, 7, 40] {
            let code = try Self.code(minimumVersion: version)
            let last = code.size - 1
            // Corner module of each finder, and the direction towards the symbol's inside.
            for (cornerX, cornerY, stepX, stepY) in [(0, 0, 1, 1), (last, 0, -1, 1), (0, last, 1, -1)] {
                for row in 0...7 {
                    for column in 0...7 {
                        let ring = max(abs(column - 3), abs(row - 3))
                        let expected = ring != 2 && ring != 4
                        #expect(
                            code.isDark(x: cornerX + stepX * column, y: cornerY + stepY * row) == expected,
                            "version \(version), finder at (\(cornerX), \(cornerY)), module (\(column), \(row))")
                    }
                }
            }
        }
    }

    @Test func timingPatternsAlternateBetweenTheFinders() throws {
        for version in [1, 2, 10, 40] {
            let code = try Self.code(minimumVersion: version)
            for index in 8..<code.size - 8 {
                #expect(code.isDark(x: index, y: 6) == (index % 2 == 0), "version \(version), row 6, column \(index)")
                #expect(code.isDark(x: 6, y: index) == (index % 2 == 0), "version \(version), column 6, row \(index)")
            }
        }
    }

    @Test func alignmentPatternsSitAtTheTablesPositionsAndNotOnTheFinders() throws {
        // Version 7: centres at 6, 22 and 38 (Table E.1); (6, 6), (38, 6) and (6, 38) are finders.
        let code = try Self.code(minimumVersion: 7)
        for (centreX, centreY) in [(22, 6), (6, 22), (22, 22), (38, 22), (22, 38), (38, 38)] {
            for dy in -2...2 {
                for dx in -2...2 {
                    #expect(
                        code.isDark(x: centreX + dx, y: centreY + dy) == (max(abs(dx), abs(dy)) != 1),
                        "alignment pattern at (\(centreX), \(centreY))")
                }
            }
        }
        // The finder's centre, not an alignment pattern's light ring around it.
        #expect(code.isDark(x: 38, y: 5) && code.isDark(x: 37, y: 6) == false)
    }

    @Test func theDarkModuleSitsBesideTheLowerLeftFinder() throws {
        for version in [1, 5, 40] {
            for mask in 0..<8 {
                let code = try Self.code(minimumVersion: version, mask: mask)
                #expect(code.isDark(x: 8, y: code.size - 8), "version \(version), mask \(mask)")
            }
        }
    }

    /// The two copies of the format information, read most significant bit first as a reader
    /// does (§7.9.1, Figure 25): the first along row 8 from the left edge to column 8 and up
    /// column 8 to the top, stepping over the timing pattern; the second up column 8 from the
    /// bottom edge, then along row 8 from column size − 8 to the right edge.
    private static func formatCopies(of code: QRCode) -> (first: Int, second: Int) {
        let size = code.size
        var first = 0
        let firstPositions =
            [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7)]
            + [(8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
        for (x, y) in firstPositions {
            first = first << 1 | (code.isDark(x: x, y: y) ? 1 : 0)
        }
        var second = 0
        let secondPositions = (0..<7).map { (8, size - 1 - $0) } + (0..<8).map { (size - 8 + $0, 8) }
        for (x, y) in secondPositions {
            second = second << 1 | (code.isDark(x: x, y: y) ? 1 : 0)
        }
        return (first, second)
    }

    @Test func bothFormatCopiesNameTheLevelAndTheMask() throws {
        for (level, strings) in QRCodeReferenceTests.formatStrings {
            for mask in 0..<8 {
                let expected = Int(strings[mask], radix: 2)
                for version in [1, 9] {
                    let code = try Self.code(level: level, minimumVersion: version, mask: mask)
                    let copies = Self.formatCopies(of: code)
                    #expect(copies.first == expected && copies.second == expected, "\(level), mask \(mask)")
                }
            }
        }
    }

    /// The two copies of the version information, read most significant bit first (§7.10, Figure
    /// 27): above the lower left finder row by row from its bottom, each row from its right;
    /// left of the upper right finder column by column from its right, each from its bottom.
    private static func versionCopies(of code: QRCode) -> (lowerLeft: Int, upperRight: Int) {
        let size = code.size
        var lowerLeft = 0
        var upperRight = 0
        for outer in stride(from: 5, through: 0, by: -1) {
            for inner in stride(from: size - 9, through: size - 11, by: -1) {
                lowerLeft = lowerLeft << 1 | (code.isDark(x: outer, y: inner) ? 1 : 0)
                upperRight = upperRight << 1 | (code.isDark(x: inner, y: outer) ? 1 : 0)
            }
        }
        return (lowerLeft, upperRight)
    }

    @Test func bothVersionCopiesNameTheVersion() throws {
        for version in [7, 8, 21, 32, 40] {
            let code = try Self.code(minimumVersion: version)
            let expected = QRCodeReferenceTests.versionInformation[version - 7]
            let copies = Self.versionCopies(of: code)
            #expect(copies.lowerLeft == expected && copies.upperRight == expected, "version \(version)")
        }
    }

    @Test func dataGoesIntoExactlyTheModulesTheStandardLeavesForIt() {
        for version in 1...40 {
            let grid = ModuleGrid(version: version)
            var free = 0
            for y in 0..<grid.size {
                for x in 0..<grid.size where !grid.isReserved(x: x, y: y) {
                    free += 1
                }
            }
            #expect(free == BlockLayout.dataModuleCount(version: version), "version \(version)")
        }
    }

    @Test func theMaskWithTheLowestPenaltyIsChosen() throws {
        for (text, level) in [
            ("HELLO WORLD", QRCode.ErrorCorrection.quartile), ("https://rathaus.example/t/A017", .medium),
            ("Grüße aus dem Bürgerbüro", .high),
        ] {
            let code = try QRCode(text: text, errorCorrection: level)
            let segment = Segment(text: text)
            let layout = BlockLayout(version: code.version, errorCorrection: level)
            var grid = ModuleGrid(version: code.version)
            grid.placeCodewords(
                layout.interleavedCodewords(data: segment.dataCodewords(version: code.version, errorCorrection: level)))
            let penalties = (0..<8).map { grid.masked($0, errorCorrection: level).penalty() }
            #expect(code.mask == penalties.firstIndex(of: penalties.min() ?? 0), "\(text): \(penalties)")
            let chosen = grid.masked(code.mask, errorCorrection: level)
            #expect(
                (0..<code.size).allSatisfy { y in
                    (0..<code.size).allSatisfy { x in chosen[x, y] == code.isDark(x: x, y: y) }
                })
        }
    }

    @Test func penaltyRulesScoreRunsFinderLikePatternsAndImbalance() {
        func line(_ pattern: String) -> Int {
            let modules = pattern.map { $0 == "1" }
            return ModuleGrid.linePenalty(modules, start: 0, step: 1, count: modules.count)
        }
        // N1: a run of 5 scores 3, each further module 1.
        #expect(line("0101011111") == 3)
        #expect(line("1111111010") == 5)
        #expect(line("1010") == 0)
        // N3: 1011101 with four light modules before and after scores 40 for each side; the quiet
        // zone beyond the edge counts as light.
        #expect(line("000010111010000") == 80)
        #expect(line("1011101") == 80)
        #expect(line("10111011010") == 40)
        #expect(line("100010111010001") == 0)
        // Every column of a line is read with its step: the same pattern down a column.
        let column = "000010111010000".flatMap { [$0 == "1", false] }
        #expect(ModuleGrid.linePenalty(column, start: 0, step: 2, count: 15) == 80)
        // N4: 10 for every full 5 % away from half dark.
        #expect(ModuleGrid.balancePenalty(darkCount: 50, total: 100) == 0)
        #expect(ModuleGrid.balancePenalty(darkCount: 54, total: 100) == 0)
        #expect(ModuleGrid.balancePenalty(darkCount: 55, total: 100) == 10)
        #expect(ModuleGrid.balancePenalty(darkCount: 39, total: 100) == 20)
        #expect(ModuleGrid.balancePenalty(darkCount: 0, total: 441) == 100)
    }

    @Test func theSameInputGivesTheSameSymbol() throws {
        #expect(try Self.code("Wartemarke A017") == Self.code("Wartemarke A017"))
        #expect(try Self.code("Wartemarke A017") != Self.code("Wartemarke A018"))
    }
}
