import Foundation

/// CPU time used by the whole process: unlike wall time, it does not count waiting for a core that other
/// processes hold, so it shows the cost of a message on a shared machine.
enum ProcessClock {
    static func cpuMicroseconds() -> Double {
        var spec = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec) == 0 else { return 0 }
        return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
    }
}
