extension QRCode {
    /// The light margin ISO/IEC 18004:2015 §9.1 requires around a symbol, in modules.
    package static let minimumQuietZone = 4

    /// The symbol as an inline SVG image: a light square with the quiet zone, and one dark path
    /// with a rectangle for every run of dark modules in a row. It uses presentation attributes
    /// only (no `style`), so it passes a strict Content-Security-Policy; `shape-rendering`
    /// `crispEdges` keeps module edges sharp. The `viewBox` counts modules; `width` and `height`
    /// are `moduleSize` CSS pixels a module, which a stylesheet may override.
    ///
    /// - Parameters:
    ///   - label: what the code is for ("Ihre Wartemarke A017 auf dem Handy verfolgen"), as the
    ///     image's accessible name (`aria-label` and `<title>`); it is escaped.
    ///   - moduleSize: CSS pixels a module, at least 1.
    ///   - quietZone: the light margin in modules, at least ``minimumQuietZone``.
    package func svg(label: String, moduleSize: Int = 4, quietZone: Int = QRCode.minimumQuietZone) -> String {
        let margin = max(quietZone, Self.minimumQuietZone)
        let extent = size + 2 * margin
        let pixels = extent * max(moduleSize, 1)
        let name = HTML.escape(label)
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) {
                    x += 1
                }
                path += "M\(start + margin) \(y + margin)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(extent) \(extent)\""
            + " width=\"\(pixels)\" height=\"\(pixels)\" role=\"img\" aria-label=\"\(name)\""
            + " shape-rendering=\"crispEdges\"><title>\(name)</title>"
            + "<rect width=\"\(extent)\" height=\"\(extent)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
