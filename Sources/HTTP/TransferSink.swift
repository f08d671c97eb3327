import CCurl

/// Collects the response on the worker thread. Only libcurl's callbacks on that one thread
/// touch it, and it is read after `curl_easy_perform` returns on the same thread.
final class TransferSink {
    let maxBodyBytes: Int
    let cancellation: CancellationFlag
    private(set) var body: [UInt8] = []
    private(set) var headers = HTTPHeaders()
    private(set) var bodyOverflowed = false

    init(maxBodyBytes: Int, cancellation: CancellationFlag) {
        self.maxBodyBytes = maxBodyBytes
        self.cancellation = cancellation
    }

    /// Returns the bytes taken; anything less makes libcurl stop with CURLE_WRITE_ERROR.
    func appendBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        guard body.count + chunk.count <= maxBodyBytes else {
            bodyOverflowed = true
            return 0
        }
        body.append(contentsOf: chunk)
        return chunk.count
    }

    /// Takes one raw header line. A status line starts a new response (after 1xx or a
    /// redirect), so only the final response's headers are kept.
    func appendHeaderLine(_ raw: UnsafeRawBufferPointer) {
        let line = String(decoding: raw, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return }
        headers.add(name: name, value: value)
    }
}

// libcurl calls these C function pointers; `userdata` is the unretained TransferSink.

let curlWriteBody: curl_write_callback = { data, size, count, userdata in
    guard let userdata else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(userdata).takeUnretainedValue()
    return sink.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

let curlWriteHeader: curl_write_callback = { data, size, count, userdata in
    guard let userdata else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(userdata).takeUnretainedValue()
    sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

/// Returning non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
let curlProgress: curl_xferinfo_callback = { userdata, _, _, _, _ in
    guard let userdata else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(userdata).takeUnretainedValue()
    return sink.cancellation.isCancelled ? 1 : 0
}
