#include "CWireSocket.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef MSG_NOSIGNAL
#define CWIRE_SEND_FLAGS MSG_NOSIGNAL
#else
#define CWIRE_SEND_FLAGS 0
#endif

/// Waits until `fd` is ready for `events`; 0 when ready, else an errno value (ETIMEDOUT, ...).
static int wait_for(int fd, short events, int timeout_ms) {
  struct pollfd entry = {.fd = fd, .events = events, .revents = 0};
  for (;;) {
    int ready = poll(&entry, 1, timeout_ms < 0 ? -1 : timeout_ms);
    if (ready > 0) return 0;
    if (ready == 0) return ETIMEDOUT;
    if (errno != EINTR) return errno;
  }
}

/// Connects one resolved address without blocking longer than `timeout_ms`; the socket is blocking again after.
static int connect_one(const struct addrinfo *address, int timeout_ms, int *error) {
  int fd = socket(address->ai_family, address->ai_socktype, address->ai_protocol);
  if (fd < 0) {
    *error = errno;
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
#ifdef SO_NOSIGPIPE
  setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  int result = connect(fd, address->ai_addr, address->ai_addrlen);
  if (result != 0 && errno == EINPROGRESS) {
    int waited = wait_for(fd, POLLOUT, timeout_ms);
    if (waited != 0) {
      *error = waited;
      close(fd);
      return -1;
    }
    int pending = 0;
    socklen_t length = sizeof pending;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &pending, &length);
    result = pending == 0 ? 0 : -1;
    errno = pending;
  }
  if (result != 0) {
    *error = errno;
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, flags);
  return fd;
}

int CWireSocket_connect(const char *host, int port, int timeout_ms, int *error) {
  struct addrinfo hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  char service[16];
  snprintf(service, sizeof service, "%d", port);
  struct addrinfo *addresses = NULL;
  if (getaddrinfo(host, service, &hints, &addresses) != 0 || addresses == NULL) {
    *error = -1;
    return -1;
  }
  int fd = -1;
  *error = ECONNREFUSED;
  for (struct addrinfo *address = addresses; address != NULL && fd < 0; address = address->ai_next) {
    fd = connect_one(address, timeout_ms, error);
  }
  freeaddrinfo(addresses);
  return fd;
}

int CWireSocket_send(int fd, const uint8_t *bytes, size_t count, int timeout_ms, size_t *sent) {
  *sent = 0;
  while (*sent < count) {
    int waited = wait_for(fd, POLLOUT, timeout_ms);
    if (waited != 0) return waited;
    ssize_t written = send(fd, bytes + *sent, count - *sent, CWIRE_SEND_FLAGS);
    if (written < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return errno;
    }
    *sent += (size_t)written;
  }
  return 0;
}

long CWireSocket_receive(int fd, uint8_t *buffer, size_t capacity, int timeout_ms) {
  for (;;) {
    int waited = wait_for(fd, POLLIN, timeout_ms);
    if (waited != 0) return -waited;
    ssize_t count = recv(fd, buffer, capacity, 0);
    if (count >= 0) return (long)count;
    if (errno != EINTR && errno != EAGAIN) return -errno;
  }
}

int CWireSocket_shutdownWrite(int fd) { return shutdown(fd, SHUT_WR) == 0 ? 0 : errno; }

void CWireSocket_close(int fd) { close(fd); }

int CWireSocket_timedOut(void) { return ETIMEDOUT; }

const char *CWireSocket_describe(int error) { return strerror(error); }
