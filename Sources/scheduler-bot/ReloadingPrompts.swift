import Coaching
import Conversation
import Foundation
import Logging

/// Pattern and route-example files that admins edit while the bot runs.
///
/// Checked for changes at most once a second (or at once after SIGHUP); a broken file is reported
/// with its path and line, and the previous version stays in force.
///
/// With a sentence encoder, the first training embeds every example (seconds on one core), so it runs in the
/// background while a hashed-feature model answers; `waitUntilTrained()` blocks until the full model is in force
/// (replay and the benchmarks, whose figures must not depend on timing). Later reloads embed only new lines.
final class ReloadingPrompts: PromptLibrary, @unchecked Sendable {
    private let folder: String
    private let logger: Logger
    private let embedding: SentenceEmbedding?
    private let cacheFile: EmbeddingCacheFile?
    private let training = DispatchGroup()
    private var generation = 0
    private var encoderModelInForce = false
    private let lock = NSLock()
    private var hangup: (any DispatchSourceSignal)?
    private var current = FixedPrompts()
    private var stamps: [String: Date] = [:]
    private var lastCheck = Date.distantPast

    static let patternsFile = "patterns.txt"
    static let routesFolder = "routes"

    init(folder: String, logger: Logger, embedding: SentenceEmbedding? = nil, cacheFile: EmbeddingCacheFile? = nil) {
        self.folder = folder
        self.logger = logger
        self.embedding = embedding
        self.cacheFile = cacheFile
        if let embedding { cacheFile?.load(into: embedding) }
        reloadIfChanged(force: true)
    }

    /// Blocks until no training is running, so the model in force is the best the files allow.
    func waitUntilTrained() { training.wait() }

    var patterns: PatternBook {
        reloadIfChanged()
        return lock.withLock { current.patterns }
    }

    var router: RouteClassifier {
        reloadIfChanged()
        return lock.withLock { current.router }
    }

    /// SIGHUP re-reads the files at once (the conventional "reload your configuration" signal).
    func reloadOnHangup() {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.logger.info("SIGHUP: prompts reloaded", metadata: ["result": "\(self.reload())"])
        }
        source.resume()
        lock.withLock { hangup = source }
    }

    /// Re-reads both files now and says what happened (admin `!reload`, SIGHUP).
    func reload() -> PromptReload {
        let problems = reloadIfChanged(force: true)
        guard problems.isEmpty else { return .problems(problems) }
        let examples = lock.withLock { current.router.examples.examples.count }
        return .reloaded(patternsFile: ReloadingPrompts.patternsFile, routesFolder: ReloadingPrompts.routesFolder, examples: examples)
    }

    /// Re-reads files whose modification time changed; `force` re-reads everything. Returns the problems found.
    @discardableResult
    func reloadIfChanged(force: Bool = false) -> [String] {
        let now = Date()
        let due: Bool = lock.withLock {
            guard force || now.timeIntervalSince(lastCheck) >= 1 else { return false }
            lastCheck = now
            return true
        }
        guard due else { return [] }
        var problems: [String] = []
        problems += load(ReloadingPrompts.patternsFile, force: force) { text throws in
            let book = try PatternBook(text: text)
            self.lock.withLock { self.current.patterns = book }
        }
        problems += loadRoutes(force: force)
        return problems
    }

    /// Every prompts/routes/<type>.txt, retrained together when any of them changed (or one was added or removed).
    private func loadRoutes(force: Bool) -> [String] {
        let folder = self.folder + "/" + ReloadingPrompts.routesFolder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        var stampsNow: [String: Date] = [:]
        for name in names {
            stampsNow["routes/" + name] = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.modificationDate]) as? Date
        }
        let changed: Bool = lock.withLock {
            let previous = stamps.filter { $0.key.hasPrefix("routes/") }
            guard force || previous != stampsNow.compactMapValues({ $0 }) || previous.count != stampsNow.count else { return false }
            stamps = stamps.filter { !$0.key.hasPrefix("routes/") }.merging(stampsNow.compactMapValues { $0 }) { $1 }
            return true
        }
        guard changed else { return [] }
        var files: [String: String] = [:]
        for name in names {
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else {
                let problem = "cannot read \(folder)/\(name) (UTF-8 text expected)"
                logger.error("\(problem); keeping the previous routing model")
                return [problem]
            }
            files[name] = text
        }
        do {
            let examples = try RouteExamples(files: files)
            train(examples, from: folder)
            return []
        } catch {
            let problem = "\(folder)/\(error.file):\(error.line): \(error.message)"
            logger.error("\(problem); keeping the previous routing model")
            return [problem]
        }
    }

    /// Hashed features at once when no encoder model is in force yet; the encoder model in the background the
    /// first time (every example to embed), in place on later reloads (only new lines to embed).
    private func train(_ examples: RouteExamples, from folder: String) {
        let (ticket, encoderInForce): (Int, Bool) = lock.withLock {
            generation += 1
            return (generation, encoderModelInForce)
        }
        guard let embedding else {
            install(RouteClassifier(examples: examples), ticket: ticket, examples: examples, folder: folder, started: Date())
            return
        }
        let known = Set(embedding.snapshot().map(\.text))
        let fresh = examples.examples.filter { !known.contains($0.text) }.count
        // Nothing (or little) to embed: the full model costs milliseconds, so train it in place.
        if encoderInForce || fresh <= 20 {
            install(RouteClassifier(examples: examples, embedding: embedding), ticket: ticket, examples: examples, folder: folder, started: Date())
            if fresh > 0 { cacheFile?.save(embedding) }
            return
        }
        install(RouteClassifier(examples: examples), ticket: ticket, examples: examples, folder: folder, started: Date())
        training.enter()
        DispatchQueue.global(qos: .utility).async { [self] in
            defer { training.leave() }
            let started = Date()
            install(RouteClassifier(examples: examples, embedding: embedding), ticket: ticket, examples: examples, folder: folder, started: started)
            cacheFile?.save(embedding)
        }
    }

    /// Puts a trained model in force unless a newer reload has started since.
    private func install(_ router: RouteClassifier, ticket: Int, examples: RouteExamples, folder: String, started: Date) {
        let millis = Int(Date().timeIntervalSince(started) * 1000)
        let installed: Bool = lock.withLock {
            guard ticket == generation else { return false }
            current.router = router
            if router.encoderID != nil { encoderModelInForce = true }
            return true
        }
        guard installed else { return }
        let features = router.encoderID.map { "hashed features + \($0)" } ?? "hashed features"
        logger.info("trained the message router on \(examples.examples.count) examples from \(folder) in \(millis) ms (\(features))")
    }

    private func load(_ name: String, force: Bool, apply: (String) throws -> Void) -> [String] {
        let path = folder + "/" + name
        let stamp = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
        let changed: Bool = lock.withLock {
            let changed = force || stamps[name] != stamp
            stamps[name] = stamp
            return changed
        }
        guard changed else { return [] }
        let problem: String
        do {
            try apply(try String(contentsOfFile: path, encoding: .utf8))
            logger.info("loaded \(path)")
            return []
        } catch let error as PatternBook.ParseError {
            problem = "\(path):\(error.line): \(error.message)"
        } catch {
            problem = "cannot read \(path): \(error)"
        }
        logger.error("\(problem); keeping the previous version")
        return [problem]
    }
}
