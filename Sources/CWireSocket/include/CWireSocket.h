// Blocking TCP client calls with timeouts, for PluginSDKTesting's WireConnection.
//
// Why this target exists: connecting needs a sockaddr built and rebound, and every read and write needs a raw
// buffer pointer. Here those are plain C, so the Swift side (Sources/PluginSDKTesting/Wire/WireSocket.swift, the
// only file that imports this module) passes arrays and integers and writes no pointer code of its own. Each call
// waits at most `timeout_ms` for the peer (poll), retries EINTR, and never raises SIGPIPE.
#ifndef CWIRESOCKET_H
#define CWIRESOCKET_H

#include <stddef.h>
#include <stdint.h>

/// Resolves `host` (an IP literal or a name), connects a TCP socket to `host:port` within `timeout_ms` and returns
/// its descriptor (blocking, TCP_NODELAY, no SIGPIPE). On failure returns -1 and sets `*error` to an errno value
/// (ETIMEDOUT when the connection was not made in time), or to -1 when `host` does not resolve.
int CWireSocket_connect(const char *host, int port, int timeout_ms, int *error);

/// Writes all `count` bytes, waiting at most `timeout_ms` each time the socket cannot take more. Stores the bytes
/// written in `*sent`. Returns 0, or an errno value: EPIPE or ECONNRESET when the peer has closed, ETIMEDOUT.
int CWireSocket_send(int fd, const uint8_t *bytes, size_t count, int timeout_ms, size_t *sent);

/// Reads at most `capacity` bytes into `buffer`, waiting at most `timeout_ms` for the first. Returns the number
/// read, 0 at the end of the stream, or minus an errno value (-ETIMEDOUT when nothing arrived in time).
long CWireSocket_receive(int fd, uint8_t *buffer, size_t capacity, int timeout_ms);

/// Half-closes: the peer reads the end of the stream, and this side can still read. Returns 0 or an errno value.
int CWireSocket_shutdownWrite(int fd);

/// Closes the descriptor.
void CWireSocket_close(int fd);

/// ETIMEDOUT: what the calls above report for a wait that ran out.
int CWireSocket_timedOut(void);

/// The C library's text for an errno value (strerror).
const char *CWireSocket_describe(int error);

#endif
