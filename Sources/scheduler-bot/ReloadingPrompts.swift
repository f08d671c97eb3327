import Coaching
import Conversation
import Foundation
import Logging

/// Pattern and route-example files that admins edit while the bot runs.
///
/// Checked for changes at most once a second (or at once after SIGHUP); a broken file is reported
/// with its path and line, and the previous version stays in force.
final class ReloadingPrompts: PromptLibrary, @unchecked Sendable {
    private let folder: String
    private let logger: Logger
    private let lock = NSLock()
    private var hangup: (any DispatchSourceSignal)?
    private var current = FixedPrompts()
    private var stamps: [String: Date] = [:]
    private var lastCheck = Date.distantPast

    static let patternsFile = "patterns.txt"
    static let routesFolder = "routes"

    init(folder: String, logger: Logger) {
        self.folder = folder
        self.logger = logger
        reloadIfChanged(force: true)
    }

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
            self.logger.info("SIGHUP: \(self.reload())")
        }
        source.resume()
        lock.withLock { hangup = source }
    }

    /// Re-reads both files now and says what happened (admin `!reload`, SIGHUP).
    func reload() -> String {
        let problems = reloadIfChanged(force: true)
        let examples = lock.withLock { current.router.examples.examples.count }
        return problems.isEmpty ? "Reloaded \(ReloadingPrompts.patternsFile) and \(ReloadingPrompts.routesFolder)/ (\(examples) examples)."
            : "Reloaded, with problems (the previous version stays in force for those files):\n" + problems.joined(separator: "\n")
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
            let started = Date()
            let router = RouteClassifier(examples: examples)
            let millis = Int(Date().timeIntervalSince(started) * 1000)
            lock.withLock { current.router = router }
            logger.info("trained the message router on \(examples.examples.count) examples from \(folder) in \(millis) ms (hashed features)")
            return []
        } catch {
            let problem = "\(folder)/\(error.file):\(error.line): \(error.message)"
            logger.error("\(problem); keeping the previous routing model")
            return [problem]
        }
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
