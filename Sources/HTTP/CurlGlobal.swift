import CCurl

/// `curl_global_init` is not thread-safe and must run once per process before any handle is
/// made; a lazily initialised global gives exactly that (Swift runs the initialiser once, atomically).
enum CurlGlobal {
    static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    static func ensureInitialized() -> HTTPClientError? {
        initResult == CURLE_OK ? nil : .transport(code: Int(initResult.rawValue), detail: "curl_global_init failed")
    }
}
