/// Builds an HTML document line by line with two-space indentation, so the rendered pages are
/// readable and their golden files diff well. It does not escape: callers pass markup and run
/// every piece of data through ``HTML/escape(_:)``.
struct HTMLWriter {
    private(set) var output = ""
    private var depth = 0

    /// Appends one line at the current depth.
    mutating func line(_ markup: String) {
        output += String(repeating: "  ", count: depth) + markup + "\n"
    }

    /// Appends an opening line and indents what follows.
    mutating func open(_ markup: String) {
        line(markup)
        depth += 1
    }

    /// Outdents and appends a closing line.
    mutating func close(_ markup: String) {
        depth = max(0, depth - 1)
        line(markup)
    }
}
