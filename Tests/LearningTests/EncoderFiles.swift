import Foundation

/// Where `make test` puts the encoder's weights (scripts/fetch-encoder.sh), or `[learning] encoder_dir` by environment.
enum EncoderFiles {
    static var directory: String {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["SCHEDULER_BOT_LEARNING_ENCODER_DIR"], !configured.isEmpty { return configured }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache"
        return cache + "/scheduler-bot/all-MiniLM-L6-v2"
    }

    static var model: String { directory + "/model.safetensors" }
    static var vocabulary: String { directory + "/vocab.txt" }
    static var present: Bool { FileManager.default.fileExists(atPath: model) && FileManager.default.fileExists(atPath: vocabulary) }
}

import Coaching
import SentenceEncoder

extension EncoderFiles {
    /// One shared encoder per test process (loading maps the file; embeddings are cached).
    static let shared: SentenceEmbedding? = {
        guard present, let encoder = try? MiniLMEncoder(modelPath: model, vocabularyPath: vocabulary) else { return nil }
        return SentenceEmbedding(encoder: encoder)
    }()
}
