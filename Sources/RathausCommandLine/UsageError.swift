/// Wrong use of the command line: printed with exit code 64.
package struct UsageError: Error, CustomStringConvertible {
    /// The message, one line.
    package let description: String

    /// A usage error saying `description`.
    package init(_ description: String) { self.description = description }
}
