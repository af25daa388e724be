// Implementation of the non-variadic wrappers declared in CMicroHTTPD.h. Each function exists because the
// libmicrohttpd API it wraps is variadic or needs C-only types (sockaddr, va_list).
#define _GNU_SOURCE
#include "CMicroHTTPD.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct CMHD_Server {
  struct MHD_Daemon *daemon;
  int listen_fd;
  int quiesced;
  CMHD_LogCallback log;
  void *log_context;
};

static void cmhd_forward_log(void *cls, const char *format, va_list args) {
  CMHD_Server *server = (CMHD_Server *)cls;
  char message[512];
  vsnprintf(message, sizeof message, format, args);
  size_t length = strlen(message);
  while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == '\r')) message[--length] = '\0';
  if (server != NULL && server->log != NULL) server->log(server->log_context, message);
}

static int cmhd_listen(const char *host, uint16_t port, int backlog, int *family, char *error, size_t capacity) {
  struct addrinfo hints;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
  char service[8];
  snprintf(service, sizeof service, "%u", (unsigned)port);
  struct addrinfo *found = NULL;
  int status = getaddrinfo(host, service, &hints, &found);
  if (status != 0) {
    snprintf(error, capacity, "cannot resolve host '%s': %s", host, gai_strerror(status));
    return -1;
  }
  int fd = -1;
  int saved = 0;
  for (struct addrinfo *ai = found; ai != NULL; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
    if (fd < 0) { saved = errno; continue; }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (ai->ai_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, backlog) == 0) {
      *family = ai->ai_family;
      break;
    }
    saved = errno;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  if (fd < 0) snprintf(error, capacity, "cannot listen on %s:%u: %s", host, (unsigned)port, strerror(saved));
  return fd;
}

CMHD_Server *CMHD_start(const char *host, uint16_t port, const CMHD_Options *options,
                        MHD_AccessHandlerCallback handler, void *handler_context,
                        MHD_RequestCompletedCallback completed, void *completed_context,
                        CMHD_LogCallback log, void *log_context,
                        char *error, size_t error_capacity) {
  if (error_capacity > 0) error[0] = '\0';
  int family = AF_INET;
  int fd = cmhd_listen(host, port, options->listen_backlog > 0 ? options->listen_backlog : 1024, &family, error,
                       error_capacity);
  if (fd < 0) return NULL;
  CMHD_Server *server = calloc(1, sizeof *server);
  if (server == NULL) {
    close(fd);
    snprintf(error, error_capacity, "out of memory");
    return NULL;
  }
  server->listen_fd = fd;
  server->log = log;
  server->log_context = log_context;

  unsigned int flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
  if (family == AF_INET6) flags |= MHD_USE_IPv6;
  // Turbo: read, write and accept before asking epoll whether the socket is ready (the sockets are non-blocking),
  // which saves a system call per step on keep-alive connections; the bench kit's C ceiling runs with it too.
  flags |= MHD_USE_TURBO;

  struct MHD_OptionItem items[9];
  int n = 0;
  // The logger must come first, or libmicrohttpd prints messages about the options before it to stderr.
  items[n++] = (struct MHD_OptionItem){MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)cmhd_forward_log, server};
  items[n++] = (struct MHD_OptionItem){MHD_OPTION_LISTEN_SOCKET, (intptr_t)fd, NULL};
  items[n++] = (struct MHD_OptionItem){MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, completed_context};
  items[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)options->connection_timeout_seconds, NULL};
  if (options->thread_pool_size > 1)
    items[n++] = (struct MHD_OptionItem){MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)options->thread_pool_size, NULL};
  if (options->connection_limit > 0)
    items[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_LIMIT, (intptr_t)options->connection_limit, NULL};
  if (options->connection_memory_limit > 0)
    items[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)options->connection_memory_limit, NULL};
  items[n++] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};

  server->daemon = MHD_start_daemon(flags, port, NULL, NULL, handler, handler_context,
                                    MHD_OPTION_ARRAY, items, MHD_OPTION_END);
  if (server->daemon == NULL) {
    close(fd);
    free(server);
    snprintf(error, error_capacity, "libmicrohttpd refused to start on %s:%u (see its log line above)", host,
             (unsigned)port);
    return NULL;
  }
  return server;
}

uint16_t CMHD_bound_port(CMHD_Server *server) {
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(server->daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info == NULL ? 0 : info->port;
}

void CMHD_quiesce(CMHD_Server *server) {
  // libmicrohttpd hands the listening socket back; it may only be closed after MHD_stop_daemon, because a pool
  // thread can still be polling it.
  if (server->quiesced) return;
  server->quiesced = 1;
  (void)MHD_quiesce_daemon(server->daemon);
  // Quiescing only stops libmicrohttpd from accepting: the kernel would go on completing handshakes into the
  // backlog, and those clients would wait, unanswered, until the process exits. shutdown(2) on a listening socket
  // makes Linux stop listening (queued and new connections are refused at once) while the descriptor stays valid
  // for any pool thread still polling it; it is closed in CMHD_stop.
  (void)shutdown(server->listen_fd, SHUT_RDWR);
}

void CMHD_stop(CMHD_Server *server) {
  MHD_stop_daemon(server->daemon);
  // Until quiesced, the listening socket belongs to libmicrohttpd, which closes it in MHD_stop_daemon.
  if (server->quiesced) close(server->listen_fd);
  free(server);
}

int CMHD_in_group(gid_t gid) {
  if (getegid() == gid || getgid() == gid) return 1;
  gid_t groups[256];
  int count = getgroups(256, groups);
  for (int i = 0; i < count; i++)
    if (groups[i] == gid) return 1;
  return 0;
}
