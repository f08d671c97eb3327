/// The request methods the bot needs: REST calls to chat servers and LLM endpoints.
public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"
}
