/// A folder holding the encoder's files, `model.safetensors` and `vocab.txt`. The adapter that loads them
/// decides which folder; this only names the files, so the bot and its tests agree on the layout.
public struct EncoderFolder: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The cache folder scripts/fetch-encoder.sh fills: `$XDG_CACHE_HOME` (or `~/.cache`)/scheduler-bot/all-MiniLM-L6-v2.
    public static func cache(environment: [String: String], home: String) -> EncoderFolder {
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.cache"
        return EncoderFolder(path: cache + "/scheduler-bot/all-MiniLM-L6-v2")
    }

    public var model: String { path + "/model.safetensors" }
    public var vocabulary: String { path + "/vocab.txt" }
}
