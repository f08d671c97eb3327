import CCurl

/// One blocking libcurl exchange: configures an easy handle from an `HTTPRequest`, performs it
/// and maps the outcome. Runs on a dedicated thread (see `CurlHTTPClient`).
struct CurlTransfer: Sendable {
    let request: HTTPRequest
    let maxResponseBytes: Int
    let userAgent: String

    func perform(cancellation: CancellationFlag) -> Result<HTTPResponse, HTTPClientError> {
        if let failure = CurlGlobal.ensureInitialized() { return .failure(failure) }
        if let invalid = invalidHeaderName() { return .failure(.invalidHeader(name: invalid)) }
        guard let handle = curl_easy_init() else {
            return .failure(.transport(code: -1, detail: "curl_easy_init failed"))
        }
        defer { curl_easy_cleanup(handle) }

        let sink = TransferSink(maxBodyBytes: maxResponseBytes, cancellation: cancellation)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        let headerList = makeHeaderList()
        defer { curl_slist_free_all(headerList) }
        let resolveList = request.pinnedAddresses.reduce(nil as UnsafeMutablePointer<curl_slist>?) { curl_slist_append($0, $1) }
        defer { curl_slist_free_all(resolveList) }

        let code: CURLcode = withExtendedLifetime(sink) {
            let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
            let setup = configure(handle, sink: sinkPointer, headers: headerList, errorBuffer: errorBuffer)
            guard setup == CURLE_OK else { return setup }
            if let resolveList {
                let pinned = ccurl_setopt_slist(handle, CURLOPT_RESOLVE, resolveList)
                guard pinned == CURLE_OK else { return pinned }
            }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            return .failure(error(for: code, sink: sink, detail: String(cString: errorBuffer)))
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: sink.headers, body: sink.body))
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer,
        sink: UnsafeMutableRawPointer,
        headers: UnsafeMutablePointer<curl_slist>?,
        errorBuffer: UnsafeMutablePointer<CChar>
    ) -> CURLcode {
        var results: [CURLcode] = [
            ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            ccurl_setopt_string(handle, CURLOPT_URL, request.url),
            ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            // Signals cannot be used for timeouts in a multithreaded process.
            ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, request.timeout.wholeMillisecondsRoundedUp),
            ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.wholeMillisecondsRoundedUp),
            ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0),
            ccurl_setopt_long(handle, CURLOPT_MAXREDIRS, 5),
            ccurl_setopt_string(handle, CURLOPT_USERAGENT, userAgent),
            ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            ccurl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes)),
            ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers),
            ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody),
            ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sink),
            ccurl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader),
            ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sink),
            ccurl_setopt_xferinfo_callback(handle, CURLOPT_XFERINFOFUNCTION, curlProgress),
            ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, sink),
            ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0),
        ]
        results += configureMethodAndBody(handle)
        return results.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    private func configureMethodAndBody(_ handle: UnsafeMutableRawPointer) -> [CURLcode] {
        switch request.method {
        case .get where request.body == nil:
            return [ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)]
        default:
            var results = [ccurl_setopt_long(handle, CURLOPT_POST, 1)]
            if request.method != .post {
                results.append(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
            }
            let body = request.body ?? []
            results.append(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            // COPYPOSTFIELDS copies the bytes, so the array need not outlive this call.
            results.append(body.withUnsafeBytes { bytes in
                guard let start = bytes.baseAddress, !bytes.isEmpty else {
                    return ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                }
                return ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: start))
            })
            return results
        }
    }

    private func makeHeaderList() -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for field in request.headers {
            list = curl_slist_append(list, "\(field.name): \(field.value)")
        }
        // Without this libcurl sends `Expect: 100-continue` for larger bodies and may stall a second.
        if request.headers["Expect"] == nil {
            list = curl_slist_append(list, "Expect:")
        }
        return list
    }

    private func invalidHeaderName() -> String? {
        // Checked per scalar: "\r\n" is a single Character, so a Character set would miss it.
        let forbidden: Set<Unicode.Scalar> = ["\r", "\n", "\0"]
        return request.headers.first { field in
            field.name.isEmpty || field.name.contains(":")
                || field.name.unicodeScalars.contains(where: forbidden.contains)
                || field.value.unicodeScalars.contains(where: forbidden.contains)
        }?.name
    }

    private func error(for code: CURLcode, sink: TransferSink, detail: String) -> HTTPClientError {
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        if sink.bodyOverflowed || code == CURLE_FILESIZE_EXCEEDED {
            return .responseTooLarge(limit: maxResponseBytes)
        }
        switch code {
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_OPERATION_TIMEDOUT: return .timedOut(detail: message)
        case CURLE_COULDNT_CONNECT: return .cannotConnect(detail: message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .cannotResolveHost(detail: message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            // The query may carry a token (some Matrix clients do), so it is left out.
            return .invalidURL(String(request.url.prefix { $0 != "?" }))
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            return .tls(detail: message)
        default: return .transport(code: Int(code.rawValue), detail: message)
        }
    }
}
