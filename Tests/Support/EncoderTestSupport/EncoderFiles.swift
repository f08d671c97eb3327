import Coaching
import Foundation
import SentenceEncoder

/// Where `make test` puts the encoder's weights (scripts/fetch-encoder.sh), or `[learning] encoder_dir` by environment.
public enum EncoderFiles {
    public static var folder: EncoderFolder {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["SCHEDULER_BOT_LEARNING_ENCODER_DIR"], !configured.isEmpty { return EncoderFolder(path: configured) }
        return EncoderFolder.cache(environment: environment, home: NSHomeDirectory())
    }

    public static var directory: String { folder.path }
    public static var model: String { folder.model }
    public static var vocabulary: String { folder.vocabulary }
    public static var present: Bool { FileManager.default.fileExists(atPath: model) && FileManager.default.fileExists(atPath: vocabulary) }

    /// One shared encoder per test process (loading maps the file; embeddings are cached).
    public static let shared: SentenceEmbedding? = {
        guard present, let encoder = try? MiniLMEncoder(modelPath: model, vocabularyPath: vocabulary) else { return nil }
        return SentenceEmbedding(encoder: encoder)
    }()
}
