/// A command that ran but failed: printed as one line with exit code 1.
package struct CommandFailure: Error, CustomStringConvertible {
    /// The message, one line.
    package let description: String

    /// A failure saying `description`.
    package init(_ description: String) { self.description = description }
}
