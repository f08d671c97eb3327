import CCurl
// A small async HTTP client on libcurl, used by the Matrix adapter and the LLM providers.
