import Adapters
import Coaching
import Foundation
import SentenceEncoder
import Synchronization

/// One encoder per process, whatever asks for it: loading maps 90 MB and should be said once.
private let loadedEncoders = Mutex<[String: SentenceEmbedding?]>([:])
private let loadedWordNets = Mutex<[String: WordNet?]>([:])

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
        return loadedEncoders.withLock { loaded in
            if let known = loaded[folder] { return known }
            let files = EncoderFolder(path: folder)
            let model = files.model, vocabulary = files.vocabulary
            var result: SentenceEmbedding?
            if FileManager.default.fileExists(atPath: model), FileManager.default.fileExists(atPath: vocabulary) {
                let started = Date()
                do {
                    let encoder = try MiniLMEncoder(modelPath: model, vocabularyPath: vocabulary)
                    result = SentenceEmbedding(encoder: encoder)
                    logger.info("sentence encoder \(encoder.identifier) loaded from \(folder) in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
                } catch {
                    logger.warning("sentence encoder in \(folder) could not be loaded (\(error)); routing and task matching use hashed features only")
                }
            } else {
                logger.warning("no sentence encoder in \(folder) (run scripts/fetch-encoder.sh or set [learning] encoder_dir); routing and task matching use hashed features only")
            }
            loaded[folder] = result
            return result
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
        return loadedWordNets.withLock { loaded in
            if let known = loaded[folder] { return known }
            var result: WordNet?
            if WordNetFolder.present(at: folder) {
                let started = Date()
                do {
                    result = try WordNetFolder.load(path: folder)
                    logger.info("WordNet loaded from \(folder) in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
                } catch {
                    logger.warning("WordNet in \(folder) could not be loaded (\(error)); task names match without it")
                }
            } else {
                logger.warning("no WordNet in \(folder) (install wordnet-base or set [learning] wordnet_dir); task names match without it")
            }
            loaded[folder] = result
            return result
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
