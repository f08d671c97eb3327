/// An API key that cannot leak through string interpolation or logging: its descriptions
/// are redacted, and only `bearerHeaderValue` exposes the secret, for the request header.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let secret: String

    public init?(_ secret: String) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.secret = trimmed
    }

    var bearerHeaderValue: String { "Bearer \(secret)" }

    /// Removes the key from text that came back from a server (some echo the header in errors).
    func redact(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "[redacted]")
    }

    public var description: String { "[redacted]" }
    public var debugDescription: String { "APIKey([redacted])" }
}
