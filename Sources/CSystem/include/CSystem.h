// CSystem: the few Linux system calls and glibc functions that `import Glibc` does not expose to
// Swift (epoll, eventfd, accept4, getrandom, malloc_trim, mallopt), wrapped in plain C functions,
// as apple/swift-nio does in CNIOLinux.
// Compiled with _GNU_SOURCE; Swift sees only these declarations.
#ifndef CSYSTEM_H
#define CSYSTEM_H

#include <stdint.h>
#include <sys/socket.h>

/// One readiness event: what happened and the 64-bit tag given at registration.
typedef struct {
    uint32_t events;
    uint64_t tag;
} csystem_event;

extern const uint32_t CSYSTEM_EPOLLIN;
extern const uint32_t CSYSTEM_EPOLLOUT;
extern const uint32_t CSYSTEM_EPOLLRDHUP;
extern const uint32_t CSYSTEM_EPOLLHUP;
extern const uint32_t CSYSTEM_EPOLLERR;
extern const uint32_t CSYSTEM_EPOLLET;
extern const uint32_t CSYSTEM_EPOLLEXCLUSIVE;

/// epoll_create1(EPOLL_CLOEXEC).
int csystem_epoll_create(void);

/// epoll_ctl(EPOLL_CTL_ADD) with `events` and a 64-bit tag.
int csystem_epoll_add(int epfd, int fd, uint32_t events, uint64_t tag);

/// epoll_ctl(EPOLL_CTL_DEL).
int csystem_epoll_remove(int epfd, int fd);

/// epoll_wait into `events` (up to `capacity`), converted to unpacked `csystem_event`s.
/// Returns the count, or -1 with errno.
int csystem_epoll_wait(int epfd, csystem_event *events, int capacity, int timeout_ms);

/// eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK).
int csystem_eventfd(void);

/// Adds one to an eventfd counter (wakes its reader).
int csystem_eventfd_signal(int fd);

/// Resets an eventfd counter to zero; returns 0, or -1 with errno (EAGAIN when already zero).
int csystem_eventfd_drain(int fd);

/// accept4(SOCK_NONBLOCK | SOCK_CLOEXEC).
int csystem_accept(int fd, struct sockaddr *address, socklen_t *length);

/// Names the calling thread (at most 15 bytes are kept), for ps, top and debuggers.
void csystem_set_thread_name(const char *name);

/// Flushes C's standard output (where Swift's `print` writes); returns 0, or -1 with errno when
/// the flush or any earlier write to it failed (a full disk, a closed descriptor).
int csystem_flush_stdout(void);

/// Marks the calling thread as one that must never block (an event loop's), or unmarks it.
/// Debug builds check it before every blocking database call (see Storage's `BlockingCheck`).
void csystem_set_must_not_block(int flag);

/// Whether the calling thread is marked as one that must never block.
int csystem_must_not_block(void);

/// getrandom(buffer, count, 0): `count` bytes from the kernel's secure generator. Returns how
/// many bytes were written (never fewer than asked up to 256), or -1 with errno.
long csystem_getrandom(void *buffer, unsigned long count);

/// malloc_trim(0): gives the whole free pages of every malloc arena back to the kernel (their
/// addresses stay reserved). Returns 1 when some memory was given back, else 0.
int csystem_malloc_trim(void);

/// mallopt(M_ARENA_MAX, count): malloc makes at most `count` arenas from now on (glibc's default
/// is eight per core, one for each thread that meets a locked arena). Returns 1, or 0 on error.
int csystem_limit_malloc_arenas(int count);

#endif
