import AsyncSupport
import Conversation
import Foundation
import HTTP
import Logging
import SharedValues
import StoreProtocols

/// The Matrix front end: long-polls `/sync`, hands each person's message to the engine and sends
/// the engine's answers back. It moves messages and nothing else; exactly-once comes from the
/// engine recording the sync token, the event id and the answer in one transaction.
public actor MatrixAdapter {
    let settings: MatrixSettings
    let engine: any DurableConversationHandling
    let logger: Logger
    var api: MatrixAPI
    var botUserID: String
    let inviters: InviterPolicy
    /// The long-poll and room housekeeping: retry until cancelled.
    let patientCaller: RetryingCaller
    /// Sends for a message in hand: bounded, so a shutdown never waits long on a dead server.
    let sendCaller: RetryingCaller
    /// Set when an answer could not be sent; the next loop turn sends it before reading more.
    var hasUndelivered = true
    /// Where end-to-end encryption keeps its keys and sessions (`settings.encryption`).
    let cryptoStore: (any MatrixCryptoStore)?
    /// Set once the crypto store is open; nil when encryption is off.
    var encryption: RoomEncryption?
    /// The deadline of a shutdown, shared by the message in hand and the reminders being posted.
    var drain: Drain

    public init(settings: MatrixSettings, engine: any DurableConversationHandling, http: any HTTPClient,
                logger: Logger = Logger(label: "scheduler-bot.matrix"), backoff: Backoff = Backoff(),
                cryptoStore: (any MatrixCryptoStore)? = nil) {
        self.settings = settings
        self.cryptoStore = cryptoStore
        self.engine = engine
        self.logger = logger
        api = MatrixAPI(homeserver: settings.homeserverURL, http: http)
        botUserID = settings.userID
        inviters = InviterPolicy(patterns: settings.allowedInviters, botUserID: settings.userID)
        patientCaller = RetryingCaller(backoff: backoff, logger: logger)
        sendCaller = RetryingCaller(backoff: backoff, maxAttempts: 8, logger: logger)
        drain = Drain(timeout: settings.drainTimeout)
    }

    /// Runs until cancelled (returns normally) or until the homeserver rejects the credentials (throws).
    ///
    /// Cancelling it is a shutdown: it stops reading `/sync`, lets the message in hand and the reminders being
    /// posted finish within `settings.drainTimeout`, and returns; the rest of the batch is replayed on the next start.
    public func run() async throws {
        let drain = Drain(timeout: settings.drainTimeout)
        self.drain = drain
        do {
            try await withTaskCancellationHandler {
                try await serve()
            } onCancel: {
                drain.start()
            }
        } catch is CancellationError {}
        if Task.isCancelled { logger.info("Matrix adapter stopped") }
    }

    private func serve() async throws {
        try await signIn()
        try await startEncryption()
        let filterID = try await uploadFilter()
        logger.info("connected to Matrix", metadata: ["user_id": "\(botUserID)", "homeserver": "\(api.homeserver)"])
        var since = await engine.adapterState(StateKey.nextBatch)
        if since == nil { since = try await skipHistory(filterID: filterID) } else { await catchUpDeviceLists(resumingFrom: since) }
        let proactive = Task { await self.runProactiveLoop() }
        do {
            while !Task.isCancelled {
                if hasUndelivered { await sendUndeliveredAnswers() }
                let response = try await sync(since: since, filterID: filterID, timeout: settings.syncTimeout)
                await process(response, receivedAt: ContinuousClock.now)
                since = response.nextBatch
            }
        } catch {
            await stop(proactive)
            throw error
        }
        await stop(proactive)
    }

    /// Stops asking for reminders; the ones being posted go out within the drain.
    private func stop(_ proactive: Task<Void, Never>) async {
        proactive.cancel()
        drain.start()
        if !(await drain.waitFor(proactive)) {
            logger.warning("shutting down with reminders still being posted")
        }
    }

    /// Uses the configured token, else the one kept after an earlier password login, else logs in once.
    func signIn() async throws {
        let stored = storedToken()
        if let token = settings.accessToken, !token.isEmpty {
            api.accessToken = token
        } else if let stored {
            api.accessToken = stored
        } else if let password = settings.password, !password.isEmpty {
            api.accessToken = try await logIn(password: password)
        } else {
            throw MatrixError.unauthorized(errcode: "no credentials", message: "set [matrix] access_token or password")
        }
        let userID: String
        do {
            userID = try await whoami()
        } catch MatrixError.unauthorized where api.accessToken == stored && !(settings.password ?? "").isEmpty {
            // The token from an earlier login was revoked; the password can get a new one.
            logger.warning("the stored access token was rejected; logging in again with the password")
            api.accessToken = try await logIn(password: settings.password ?? "")
            userID = try await whoami()
        }
        if !settings.userID.isEmpty, userID != settings.userID {
            logger.warning("the access token belongs to another user than [matrix] user_id; using the token's user",
                           metadata: ["token_user": "\(userID)", "configured": "\(settings.userID)"])
        }
        botUserID = userID
    }

    private func whoami() async throws -> String {
        let answer = try await patientCaller.run("whoami") { [api] in try await api.call(.get, "/_matrix/client/v3/account/whoami") }
        guard let userID = answer["user_id"]?.string else { throw MatrixError.malformedResponse("whoami without user_id") }
        return userID
    }

    func logIn(password: String) async throws -> String {
        let body: JSON = [
            "type": "m.login.password",
            "identifier": ["type": "m.id.user", "user": .string(settings.userID)],
            "password": .string(password),
            "initial_device_display_name": "scheduler-bot",
        ]
        let answer = try await patientCaller.run("login") { [api] in try await api.call(.post, "/_matrix/client/v3/login", body: body) }
        guard let token = answer["access_token"]?.string else { throw MatrixError.malformedResponse("login without access_token") }
        keep(token)
        return token
    }

    private func storedToken() -> String? {
        do {
            return try settings.tokenFile?.read()
        } catch {
            logger.warning("could not read the access token file; logging in with the password",
                           metadata: ["path": "\(settings.tokenFile?.path ?? "")", "error": "\(error)"])
            return nil
        }
    }

    private func keep(_ token: String) {
        guard let file = settings.tokenFile else {
            logger.info("logged in with the password; the access token is kept in memory only")
            return
        }
        do {
            try file.write(token)
            logger.info("logged in with the password; the access token is kept in a private file", metadata: ["path": "\(file.path)"])
        } catch {
            logger.warning("could not keep the access token; the next start logs in again",
                           metadata: ["path": "\(file.path)", "error": "\(error)"])
        }
    }

    private func uploadFilter() async throws -> String {
        let path = "/_matrix/client/v3/user/\(MatrixAPI.pathEscape(botUserID))/filter"
        let answer = try await patientCaller.run("filter upload") { [api] in
            try await api.call(.post, path, body: SyncFilter.definition)
        }
        guard let filterID = answer["filter_id"]?.string else { throw MatrixError.malformedResponse("filter upload without filter_id") }
        return filterID
    }

    /// First start: take the current position without answering history, but still accept
    /// pending invites and warn encrypted rooms.
    private func skipHistory(filterID: String) async throws -> String {
        let response = try await sync(since: nil, filterID: filterID, timeout: .zero)
        await acceptOrDeclineInvites(response)
        _ = await encryption?.receive(response.keys)
        await noteRooms(response)
        await commitEncryption(applied: response.nextBatch)
        await engine.setAdapterState(StateKey.nextBatch.entry(response.nextBatch))
        logger.info("first start: skipped the history before now")
        return response.nextBatch
    }

    func sync(since: String?, filterID: String, timeout: Duration) async throws -> SyncResponse {
        let query = [("filter", filterID), ("timeout", "\(timeout.components.seconds * 1000)")]
            + (since.map { [("since", $0)] } ?? [])
        let api = api
        // The server may hold the request for `timeout`; give the transfer that plus a margin.
        return try await patientCaller.run("sync") {
            let json = try await api.call(.get, "/_matrix/client/v3/sync", query: query, timeout: timeout + .seconds(15))
            do {
                return try SyncResponse(json: json)
            } catch {
                throw MatrixError.unavailable(detail: "\(error)")
            }
        }
    }
}
