/// Why a configuration could not be loaded: the file and, for content errors, the path of the
/// bad field (`musterstadt.json: offices[1].counters[3].skills[0]: unknown service "pass"`).
package struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    package var file: String
    package var message: String

    package init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    package var description: String { "\(file): \(message)" }
}
