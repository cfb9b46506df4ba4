import Testing

@testable import Display

/// The SVG drawing of a code: exactly its dark modules inside a light quiet zone of at least four
/// modules, one path, an accessible name, and attributes only (pages have a strict CSP).
@Suite struct QRCodeSVGTests {
    private static func code() throws -> QRCode {
        try QRCode(text: "https://rathaus.example/t/A017", errorCorrection: .medium)
    }

    @Test func theSVGMatchesItsGoldenFile() throws {
        let code = try QRCode(text: "HELLO WORLD", errorCorrection: .quartile)
        try Golden.expect(code.svg(label: "HELLO WORLD") + "\n", matches: "qr-hello-world.svg")
    }

    @Test func thePathDrawsExactlyTheDarkModulesInsideTheQuietZone() throws {
        for text in ["", "A017", String(repeating: "Bürgerbüro ", count: 40)] {
            let code = try QRCode(text: text)
            let raster = try #require(SVGRaster(svg: code.svg(label: "Code")))
            #expect(raster.extent == code.size + 8)
            for y in 0..<raster.extent {
                for x in 0..<raster.extent {
                    #expect(raster.isDark(x: x, y: y) == code.isDark(x: x - 4, y: y - 4), "(\(x), \(y))")
                }
            }
        }
    }

    @Test func itIsOneImageWithTheCallersNameAndNoStyle() throws {
        let svg = try Self.code().svg(label: "Ihre Wartemarke A017 auf dem Handy")
        #expect(
            svg.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\" width=\"148\" height=\"148\""))
        #expect(svg.contains(" role=\"img\" aria-label=\"Ihre Wartemarke A017 auf dem Handy\""))
        #expect(svg.contains("<title>Ihre Wartemarke A017 auf dem Handy</title>"))
        #expect(svg.contains(" shape-rendering=\"crispEdges\""))
        #expect(svg.ranges(of: "<path ").count == 1)
        #expect(svg.contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z"))
        #expect(!svg.contains("style"))
        #expect(svg.hasSuffix("\"/></svg>"))
    }

    @Test func theLabelIsEscaped() throws {
        let svg = try Self.code().svg(label: Samples.hostile)
        #expect(!svg.contains("<script>"))
        #expect(svg.ranges(of: "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;").count == 2)
    }

    @Test func sizeAndQuietZoneFollowTheCallerDownToTheirMinimum() throws {
        let code = try Self.code()
        #expect(code.svg(label: "x", moduleSize: 10).contains("viewBox=\"0 0 37 37\" width=\"370\" height=\"370\""))
        #expect(code.svg(label: "x", moduleSize: 0).contains("width=\"37\" height=\"37\""))
        #expect(code.svg(label: "x", quietZone: 6).contains("viewBox=\"0 0 41 41\""))
        #expect(code.svg(label: "x", quietZone: 6).contains("d=\"M6 6h7v1h-7z"))
        #expect(code.svg(label: "x", quietZone: 1) == code.svg(label: "x"))
    }
}
