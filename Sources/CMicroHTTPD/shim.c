// Implementation of the non-variadic wrappers declared in CMicroHTTPD.h. Each function exists because the
// libmicrohttpd API it wraps is variadic or needs C-only types (sockaddr, va_list).
#define _GNU_SOURCE
#include "CMicroHTTPD.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct CMHD_Server {
  struct MHD_Daemon *daemon;
  int listen_fd;
  int quiesced;
  CMHD_LogCallback log;
  void *log_context;
  /// The thread that accepts connections and hands them to the daemon (see cmhd_accept_loop).
  pthread_t acceptor;
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

static void cmhd_log(CMHD_Server *server, const char *message) {
  if (server->log != NULL) server->log(server->log_context, message);
}

// Accepts connections and hands each to the daemon with MHD_add_connection, which gives it to pool worker
// `fd % pool size`: consecutive connections land on different workers. When the workers accept for themselves,
// whichever wakes first takes the connection, and a burst of keep-alive connections (Argo's agent opens its 16 at
// once) can end up on one worker while the others idle. Ends when CMHD_quiesce shuts the listening socket down.
static void *cmhd_accept_loop(void *context) {
  CMHD_Server *server = (CMHD_Server *)context;
  for (;;) {
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    int fd = accept4(server->listen_fd, (struct sockaddr *)&address, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED || errno == EAGAIN) continue;
      if (__atomic_load_n(&server->quiesced, __ATOMIC_SEQ_CST)) return NULL;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors or memory: wait for connections to close rather than spin.
        char message[160];
        snprintf(message, sizeof message, "accept failed: %s; retrying in 100 ms", strerror(errno));
        cmhd_log(server, message);
        struct timespec pause = {0, 100 * 1000 * 1000};
        nanosleep(&pause, NULL);
        continue;
      }
      if (__atomic_load_n(&server->quiesced, __ATOMIC_SEQ_CST) || errno == EINVAL || errno == EBADF) return NULL;
      continue;
    }
    // On failure (over the connection limit, out of memory) libmicrohttpd closes the socket itself.
    (void)MHD_add_connection(server->daemon, fd, (const struct sockaddr *)&address, length);
  }
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

  // No listening socket for libmicrohttpd: cmhd_accept_loop accepts and spreads connections over the workers.
  unsigned int flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG |
                       MHD_USE_NO_LISTEN_SOCKET;
  if (family == AF_INET6) flags |= MHD_USE_IPv6;
  // Turbo: read, write and accept before asking epoll whether the socket is ready (the sockets are non-blocking),
  // which saves a system call per step on keep-alive connections; the bench kit's C ceiling runs with it too.
  flags |= MHD_USE_TURBO;

  struct MHD_OptionItem items[9];
  int n = 0;
  // The logger must come first, or libmicrohttpd prints messages about the options before it to stderr.
  items[n++] = (struct MHD_OptionItem){MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)cmhd_forward_log, server};
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
  // Blocking accepts on a thread of its own.
  int blocking = fcntl(fd, F_GETFL);
  if (blocking >= 0) (void)fcntl(fd, F_SETFL, blocking & ~O_NONBLOCK);
  int started = pthread_create(&server->acceptor, NULL, cmhd_accept_loop, server);
  if (started != 0) {
    MHD_stop_daemon(server->daemon);
    close(fd);
    free(server);
    snprintf(error, error_capacity, "cannot start the accepting thread: %s", strerror(started));
    return NULL;
  }
  return server;
}

uint16_t CMHD_bound_port(CMHD_Server *server) {
  struct sockaddr_storage address;
  socklen_t length = sizeof address;
  if (getsockname(server->listen_fd, (struct sockaddr *)&address, &length) != 0) return 0;
  if (address.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&address)->sin_port);
  if (address.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&address)->sin6_port);
  return 0;
}

void CMHD_quiesce(CMHD_Server *server) {
  if (__atomic_exchange_n(&server->quiesced, 1, __ATOMIC_SEQ_CST)) return;
  // shutdown(2) on a listening socket makes Linux stop listening: queued and new connections are refused at once
  // (rather than completing handshakes into a backlog nobody reads), and the blocked accept4 returns, ending the
  // accepting thread. The descriptor itself is closed in CMHD_stop.
  (void)shutdown(server->listen_fd, SHUT_RDWR);
  (void)pthread_join(server->acceptor, NULL);
}

void CMHD_stop(CMHD_Server *server) {
  CMHD_quiesce(server);
  MHD_stop_daemon(server->daemon);
  close(server->listen_fd);
  free(server);
}

/// What cmhd_compare_content_length carries from one header to the next.
struct cmhd_lengths {
  const char *first;
  int conflict;
};

static enum MHD_Result cmhd_compare_content_length(void *cls, enum MHD_ValueKind kind, const char *key,
                                                   const char *value) {
  (void)kind;
  struct cmhd_lengths *lengths = cls;
  if (key == NULL || strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) != 0) return MHD_YES;
  if (value == NULL) value = "";
  if (lengths->first == NULL) {
    lengths->first = value;
  } else if (strcmp(lengths->first, value) != 0) {
    lengths->conflict = 1;
    return MHD_NO;
  }
  return MHD_YES;
}

int CMHD_conflicting_content_lengths(struct MHD_Connection *connection) {
  struct cmhd_lengths lengths = {NULL, 0};
  (void)MHD_get_connection_values(connection, MHD_HEADER_KIND, cmhd_compare_content_length, &lengths);
  return lengths.conflict;
}

int CMHD_in_group(gid_t gid) {
  if (getegid() == gid || getgid() == gid) return 1;
  gid_t groups[256];
  int count = getgroups(256, groups);
  for (int i = 0; i < count; i++)
    if (groups[i] == gid) return 1;
  return 0;
}

int CMHD_affinity_cpu_count(void) {
  // Start with room for 1024 CPUs and grow while the kernel's mask is larger (EINVAL), up to 2^16 CPUs.
  for (int cpus = 1024; cpus <= 65536; cpus *= 2) {
    cpu_set_t *set = CPU_ALLOC(cpus);
    if (set == NULL) return 0;
    size_t size = CPU_ALLOC_SIZE(cpus);
    CPU_ZERO_S(size, set);
    if (sched_getaffinity(0, size, set) == 0) {
      int count = CPU_COUNT_S(size, set);
      CPU_FREE(set);
      return count;
    }
    int code = errno;
    CPU_FREE(set);
    if (code != EINVAL) return 0;
  }
  return 0;
}

char *const *CMHD_environment(void) { return environ; }
