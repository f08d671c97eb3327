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

    /// Re-reads files whose modification time changed; `force` re-reads everything (SIGHUP).
    func reloadIfChanged(force: Bool = false) {
        let now = Date()
        let due: Bool = lock.withLock {
            guard force || now.timeIntervalSince(lastCheck) >= 1 else { return false }
            lastCheck = now
            return true
        }
        guard due else { return }
        load(ReloadingPrompts.patternsFile, force: force) { text throws in
            let book = try PatternBook(text: text)
            self.lock.withLock { self.current.patterns = book }
        }
        load(ReloadingPrompts.classifierFile, force: force) { text throws in
            let classifier = try MessageClassifier(text: text)
            self.lock.withLock { self.current.classifier = classifier }
        }
    }

    private func load(_ name: String, force: Bool, apply: (String) throws -> Void) {
        let path = folder + "/" + name
        let stamp = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
        let changed: Bool = lock.withLock {
            let changed = force || stamps[name] != stamp
            stamps[name] = stamp
            return changed
        }
        guard changed else { return }
        do {
            try apply(try String(contentsOfFile: path, encoding: .utf8))
            logger.info("loaded \(path)")
        } catch let error as PatternBook.ParseError {
            logger.error("\(path):\(error.line): \(error.message); keeping the previous version")
        } catch let error as MessageClassifier.ParseError {
            logger.error("\(path):\(error.line): \(error.message); keeping the previous version")
        } catch {
            logger.error("cannot read \(path): \(error); keeping the previous version")
        }
    }
}
