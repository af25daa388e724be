// Non-variadic wrappers over Debian's libmicrohttpd (libmicrohttpd-dev, 0.9.7x).
//
// Why this target exists: MHD_start_daemon and MHD_get_daemon_info are C variadic functions, which Swift cannot
// call. Each wrapper below takes plain arguments instead. Only Sources/PluginSDK/Transport/MicroHTTPDBridge.swift
// imports this module.
#ifndef CMICROHTTPD_H
#define CMICROHTTPD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/// Receives libmicrohttpd's diagnostic messages, already formatted (MHD's own logger is variadic).
typedef void (*CMHD_LogCallback)(void *context, const char *message);

/// Daemon settings passed to CMHD_start.
typedef struct {
  /// Worker threads in libmicrohttpd's pool (1 means a single internal polling thread).
  unsigned int thread_pool_size;
  /// Seconds an idle or stalled connection may live; 0 means never time out.
  unsigned int connection_timeout_seconds;
  /// Maximum concurrent connections (0 keeps libmicrohttpd's default).
  unsigned int connection_limit;
  /// Per-connection memory pool in bytes, which bounds the request line plus headers (0 keeps the default).
  size_t connection_memory_limit;
  /// listen(2) backlog.
  int listen_backlog;
} CMHD_Options;

/// A running daemon plus what the wrappers need to stop it cleanly (its listening socket and log forwarding).
typedef struct CMHD_Server CMHD_Server;

/// Resolves `host` (an IP literal or a name), binds and listens on it, and starts a daemon with an internal epoll
/// thread pool and suspend/resume enabled, plus a thread that accepts on the socket and hands connections to the
/// pool's workers in turn (libmicrohttpd's own accepting can leave a burst of keep-alive connections on one worker).
///
/// Binding here rather than inside libmicrohttpd lets the caller report the real OS error (EADDRINUSE, EACCES...).
/// On failure returns NULL and writes a message into `error` (always NUL-terminated).
CMHD_Server *CMHD_start(const char *host, uint16_t port, const CMHD_Options *options,
                              MHD_AccessHandlerCallback handler, void *handler_context,
                              MHD_RequestCompletedCallback completed, void *completed_context,
                              CMHD_LogCallback log, void *log_context,
                              char *error, size_t error_capacity);

/// The TCP port the server listens on (useful after binding port 0), or 0 if unknown.
uint16_t CMHD_bound_port(CMHD_Server *server);

/// Stops accepting new connections (the listening socket refuses them at once); open connections keep being served.
void CMHD_quiesce(CMHD_Server *server);

/// Stops the daemon, closes the listening socket and frees the server. No connection may be suspended.
void CMHD_stop(CMHD_Server *server);

/// 1 when the request has Content-Length headers with different values, else 0. libmicrohttpd 0.9.75 silently uses
/// the first, while RFC 9112 (6.3) requires refusing the message, since a proxy in front may have framed it by
/// another one (request smuggling). In C because walking the headers through a Swift callback built a String per
/// value and cost more than the rest of the head.
int CMHD_conflicting_content_lengths(struct MHD_Connection *connection);

/// Whether this process runs with any supplementary or effective group matching `gid` (for token-file hints).
int CMHD_in_group(gid_t gid);

/// How many CPUs this process's scheduler affinity mask allows (sched_getaffinity), or 0 if it cannot be read.
/// In C because the mask is a cpu_set_t sized with CPU_ALLOC_SIZE and counted with CPU_COUNT_S, which are macros.
int CMHD_affinity_cpu_count(void);

/// libc's `environ`: the process's `NAME=value` strings, ending in NULL. In C because Swift's Glibc module does
/// not export `environ` (glibc declares it only under _GNU_SOURCE).
char *const *CMHD_environment(void);

#endif
