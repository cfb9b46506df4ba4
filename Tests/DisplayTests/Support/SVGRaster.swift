import Foundation

/// The picture a QR code's SVG draws, read back from the markup ``QRCode/svg(label:moduleSize:quietZone:)``
/// writes: the `viewBox` gives the extent in modules, the white `rect` must cover all of it, and
/// every `M x y h n v1 h-n z` of the path paints n modules of row y dark from column x. Anything
/// else in the path makes the parse fail, so a change to the renderer's output shows up here.
struct SVGRaster {
    /// Modules per side, quiet zone included.
    let extent: Int
    /// Row-major, `true` is dark.
    private(set) var dark: [Bool]

    init?(svg: String) {
        guard let viewBox = Self.attribute("viewBox", in: svg)?.split(separator: " ").compactMap({ Int($0) }),
            viewBox.count == 4, viewBox[0] == 0, viewBox[1] == 0, viewBox[2] == viewBox[3], viewBox[2] > 0,
            svg.contains("<rect width=\"\(viewBox[2])\" height=\"\(viewBox[2])\" fill=\"#fff\"/>"),
            let path = Self.attribute("d", in: svg)
        else { return nil }
        extent = viewBox[2]
        dark = [Bool](repeating: false, count: extent * extent)
        for command in path.split(separator: "M") {
            guard let hIndex = command.firstIndex(of: "h") else { return nil }
            let origin = command[..<hIndex].split(separator: " ").compactMap { Int($0) }
            let rest = command[command.index(after: hIndex)...]
            guard origin.count == 2, let vIndex = rest.firstIndex(of: "v"), let length = Int(rest[..<vIndex]),
                length > 0, rest[vIndex...] == "v1h-\(length)z"
            else { return nil }
            let (x, y) = (origin[0], origin[1])
            guard x >= 0, y >= 0, y < extent, x + length <= extent else { return nil }
            for column in x..<x + length {
                dark[y * extent + column] = true
            }
        }
    }

    func isDark(x: Int, y: Int) -> Bool {
        dark[y * extent + x]
    }

    /// A binary greyscale PGM (netpbm P5) of the picture, `pixelsPerModule` pixels a module,
    /// black on white.
    func pgm(pixelsPerModule: Int) -> Data {
        let side = extent * pixelsPerModule
        var data = Data("P5\n\(side) \(side)\n255\n".utf8)
        data.reserveCapacity(data.count + side * side)
        for y in 0..<side {
            for x in 0..<side {
                data.append(isDark(x: x / pixelsPerModule, y: y / pixelsPerModule) ? 0 : 255)
            }
        }
        return data
    }

    /// The value of the first `name="…"` attribute in `markup`.
    private static func attribute(_ name: String, in markup: String) -> String? {
        guard let start = markup.range(of: " \(name)=\"") else { return nil }
        let rest = markup[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
