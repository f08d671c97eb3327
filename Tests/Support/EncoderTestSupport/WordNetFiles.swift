import Adapters
import Coaching
import Foundation

/// WordNet from Debian's `wordnet-base` (scripts/install-system-deps.sh installs it), or `[learning] wordnet_dir` by environment.
public enum WordNetFiles {
    public static var directory: String {
        let configured = ProcessInfo.processInfo.environment["SCHEDULER_BOT_LEARNING_WORDNET_DIR"] ?? ""
        return configured.isEmpty ? WordNetFolder.defaultPath : configured
    }

    public static var present: Bool { WordNetFolder.present(at: directory) }

    public static let shared: WordNet? = try? WordNetFolder.load(path: directory)
}
