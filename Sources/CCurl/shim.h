#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>
// curl_easy_setopt/getinfo are variadic and so unavailable in Swift: one typed wrapper per argument kind.
static inline CURLcode ccurl_setopt_long(CURL *h, CURLoption opt, long v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_off_t(CURL *h, CURLoption opt, curl_off_t v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_string(CURL *h, CURLoption opt, const char *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_pointer(CURL *h, CURLoption opt, void *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_slist(CURL *h, CURLoption opt, struct curl_slist *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode ccurl_setopt_write_callback(CURL *h, CURLoption opt, curl_write_callback cb) { return curl_easy_setopt(h, opt, cb); }
static inline CURLcode ccurl_setopt_xferinfo_callback(CURL *h, CURLoption opt, curl_xferinfo_callback cb) { return curl_easy_setopt(h, opt, cb); }
static inline CURLcode ccurl_getinfo_long(CURL *h, CURLINFO info, long *out) { return curl_easy_getinfo(h, info, out); }
static inline CURLcode ccurl_getinfo_double(CURL *h, CURLINFO info, double *out) { return curl_easy_getinfo(h, info, out); }
#endif
