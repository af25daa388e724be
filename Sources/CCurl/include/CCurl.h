// Non-variadic wrappers over Debian's libcurl (libcurl4-openssl-dev to build, libcurl4 at run time).
//
// Why this target exists: curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are C variadic functions, which
// Swift cannot call. Each wrapper below fixes one argument type. Only Sources/PluginHTTP/Transport/CurlBridge.swift
// imports this module, so no libcurl type reaches the public API.
#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

/// Sets an option that takes a `long` (timeouts, flags, verbosity).
CURLcode CCurl_setopt_long(CURL *handle, CURLoption option, long value);

/// Sets an option that takes a string (URL, CA file, user name). libcurl copies the string.
CURLcode CCurl_setopt_string(CURL *handle, CURLoption option, const char *value);

/// Sets an option that takes a pointer (header lists, callback user data).
CURLcode CCurl_setopt_pointer(CURL *handle, CURLoption option, void *value);

/// Sets the request body, copied by libcurl (CURLOPT_POSTFIELDSIZE then CURLOPT_COPYPOSTFIELDS).
CURLcode CCurl_set_body(CURL *handle, const void *bytes, long count);

/// Sets the trust anchors from PEM text in memory (CURLOPT_CAINFO_BLOB, copied by libcurl).
CURLcode CCurl_set_ca_blob(CURL *handle, const void *pem, size_t count);

/// The write and header callbacks libcurl calls with received bytes; `context` is the transfer's user data.
typedef size_t (*CCurl_DataCallback)(char *bytes, size_t size, size_t count, void *context);

/// Installs the body and header callbacks, both called with `context`.
CURLcode CCurl_set_callbacks(CURL *handle, CCurl_DataCallback body, CCurl_DataCallback header, void *context);

/// The HTTP status of the last response on `handle` (0 if none arrived).
long CCurl_response_code(CURL *handle);

/// Caps the connections the multi handle keeps open for reuse (CURLMOPT_MAXCONNECTS).
CURLMcode CCurl_multi_set_max_connections(CURLM *multi, long count);

/// The easy handle and result of a finished transfer read from the multi handle, or NULL when none is left.
CURL *CCurl_multi_next_done(CURLM *multi, CURLcode *result);

#endif
