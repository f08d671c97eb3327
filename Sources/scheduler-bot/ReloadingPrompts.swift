import Coaching
import Conversation
import Foundation
import Logging

/// Pattern and classification files that admins edit while the bot runs.
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
    static let classifierFile = "message-types.txt"

    init(folder: String, logger: Logger) {
        self.folder = folder
        self.logger = logger
        reloadIfChanged(force: true)
    }

    var patterns: PatternBook {
        reloadIfChanged()
        return lock.withLock { current.patterns }
    }

    var classifier: MessageClassifier {
        reloadIfChanged()
        return lock.withLock { current.classifier }
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
        return problems.isEmpty ? "Reloaded \(ReloadingPrompts.patternsFile) and \(ReloadingPrompts.classifierFile)."
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
        problems += load(ReloadingPrompts.classifierFile, force: force) { text throws in
            let classifier = try MessageClassifier(text: text)
            self.lock.withLock { self.current.classifier = classifier }
        }
        return problems
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
        } catch let error as MessageClassifier.ParseError {
            problem = "\(path):\(error.line): \(error.message)"
        } catch {
            problem = "cannot read \(path): \(error)"
        }
        logger.error("\(problem); keeping the previous version")
        return [problem]
    }
}
