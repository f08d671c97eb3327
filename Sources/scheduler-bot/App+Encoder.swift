import Adapters
import Coaching
import Foundation
import Logging
import SentenceEncoder
import Synchronization

/// One encoder per process, whatever asks for it: loading maps 90 MB and should be said once.
private let loadedEncoders = LoadedOnce<SentenceEmbedding>()
private let loadedWordNets = LoadedOnce<WordNet>()

/// Files the bot runs better with, loaded once per process and folder: the load timed, and a missing or broken
/// folder said once (the bot goes on without it).
private final class LoadedOnce<Value: Sendable>: Sendable {
    private let byFolder = Mutex<[String: Value?]>([:])

    func value(for folder: String, present: Bool, logger: Logger, missing: String, broken: (any Error) -> String,
               loaded: (Value, Int) -> String, load: () throws -> Value) -> Value? {
        byFolder.withLock { known in
            if let remembered = known[folder] { return remembered }
            var result: Value?
            if present {
                let started = Date()
                do {
                    let value = try load()
                    logger.info("\(loaded(value, Int(Date().timeIntervalSince(started) * 1000)))")
                    result = value
                } catch {
                    logger.warning("\(broken(error))")
                }
            } else {
                logger.warning("\(missing)")
            }
            known[folder] = result
            return result
        }
    }
}

extension App {
    /// `[learning] encoder_dir`, else the cache folder scripts/fetch-encoder.sh fills.
    var encoderDirectory: String {
        let configured = config.string("learning", "encoder_dir")
        if !configured.isEmpty { return (configured as NSString).expandingTildeInPath }
        return EncoderFolder.cache(environment: ProcessInfo.processInfo.environment, home: NSHomeDirectory()).path
    }

    /// The local sentence encoder with its embedding cache, or nil (said once) when its files are missing or broken.
    func sentenceEmbedding() -> SentenceEmbedding? {
        let folder = encoderDirectory
        let files = EncoderFolder(path: folder)
        let hashedOnly = "routing and task matching use hashed features only"
        return loadedEncoders.value(
            for: folder, present: FileManager.default.fileExists(atPath: files.model) && FileManager.default.fileExists(atPath: files.vocabulary),
            logger: logger, missing: "no sentence encoder in \(folder) (run scripts/fetch-encoder.sh or set [learning] encoder_dir); \(hashedOnly)",
            broken: { "sentence encoder in \(folder) could not be loaded (\($0)); \(hashedOnly)" },
            loaded: { "sentence encoder \($0.encoder.identifier) loaded from \(folder) in \($1) ms" }
        ) {
            SentenceEmbedding(encoder: try MiniLMEncoder(modelPath: files.model, vocabularyPath: files.vocabulary))
        }
    }

    /// Task names match on the encoder blended with the lexicon's hashed embedding when the encoder is there
    /// (threshold calibrated for that blend), with the encoder's own confident reading as a second opinion; on the
    /// hashed embedding alone otherwise.
    func taskTypeMatcher() -> TaskTypeMatcher {
        let lexicon = conceptLexicon()
        let comparison = wordNet().map { NameComparison(thesaurus: Thesaurus(wordNet: $0), lexicon: lexicon) }
        guard let encoder = sentenceEmbedding() else {
            return TaskTypeMatcher(embedding: HashedNGramEmbedding(lexicon: lexicon), threshold: config.float("learning", "match_threshold"),
                                   nameComparison: comparison)
        }
        return TaskTypeMatcher.withEncoder(encoder, lexicon: lexicon, threshold: config.float("learning", "encoder_match_threshold"))
            .withNameComparison(comparison)
    }

    /// `[learning] wordnet_dir`, else Debian's wordnet-base folder.
    var wordNetDirectory: String {
        let configured = config.string("learning", "wordnet_dir")
        return configured.isEmpty ? WordNetFolder.defaultPath : (configured as NSString).expandingTildeInPath
    }

    /// WordNet for reading task names word by word, or nil (said once) when its files are missing or broken.
    func wordNet() -> WordNet? {
        let folder = wordNetDirectory
        return loadedWordNets.value(
            for: folder, present: WordNetFolder.present(at: folder), logger: logger,
            missing: "no WordNet in \(folder) (install wordnet-base or set [learning] wordnet_dir); task names match without it",
            broken: { "WordNet in \(folder) could not be loaded (\($0)); task names match without it" },
            loaded: { "WordNet loaded from \(folder) in \($1) ms" }
        ) {
            try WordNetFolder.load(path: folder)
        }
    }

    /// Smart sync ranks insight sentences against a task name: the plain encoder blended with the hashed embedding
    /// (an insight is a sentence, not a task name, so the task template does not apply).
    func insightMatcher() -> TaskTypeMatcher {
        let hashed = HashedNGramEmbedding(lexicon: conceptLexicon())
        guard let encoder = sentenceEmbedding() else { return TaskTypeMatcher(embedding: hashed, threshold: config.float("learning", "match_threshold")) }
        return TaskTypeMatcher(embedding: BlendedEmbedding(encoder, hashed, weight: TaskTypeMatcher.encoderBlendWeight),
                               threshold: config.float("learning", "encoder_match_threshold"))
    }
}
