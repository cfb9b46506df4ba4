// See include/CSystem.h. _GNU_SOURCE (set by Package.swift) exposes accept4 and EPOLLEXCLUSIVE.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "CSystem.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

const uint32_t CSYSTEM_EPOLLIN = EPOLLIN;
const uint32_t CSYSTEM_EPOLLOUT = EPOLLOUT;
const uint32_t CSYSTEM_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t CSYSTEM_EPOLLHUP = EPOLLHUP;
const uint32_t CSYSTEM_EPOLLERR = EPOLLERR;
const uint32_t CSYSTEM_EPOLLET = EPOLLET;
const uint32_t CSYSTEM_EPOLLEXCLUSIVE = EPOLLEXCLUSIVE;

int csystem_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int csystem_epoll_add(int epfd, int fd, uint32_t events, uint64_t tag) {
    struct epoll_event event = {.events = events, .data = {.u64 = tag}};
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event);
}

int csystem_epoll_remove(int epfd, int fd) {
    struct epoll_event event = {0};
    return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &event);
}

int csystem_epoll_wait(int epfd, csystem_event *events, int capacity, int timeout_ms) {
    struct epoll_event raw[256];
    if (capacity > 256) {
        capacity = 256;
    }
    int count = epoll_wait(epfd, raw, capacity, timeout_ms);
    for (int index = 0; index < count; index++) {
        events[index].events = raw[index].events;
        events[index].tag = raw[index].data.u64;
    }
    return count;
}

int csystem_eventfd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

int csystem_eventfd_signal(int fd) {
    uint64_t one = 1;
    return write(fd, &one, sizeof one) == sizeof one ? 0 : -1;
}

int csystem_eventfd_drain(int fd) {
    uint64_t value;
    return read(fd, &value, sizeof value) == sizeof value ? 0 : -1;
}

int csystem_accept(int fd, struct sockaddr *address, socklen_t *length) {
    return accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

void csystem_set_thread_name(const char *name) {
    char truncated[16];
    strncpy(truncated, name, sizeof truncated - 1);
    truncated[sizeof truncated - 1] = 0;
    pthread_setname_np(pthread_self(), truncated);
}

int csystem_flush_stdout(void) {
    if (fflush(stdout) != 0) {
        return -1;
    }
    if (ferror(stdout)) {
        errno = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

static _Thread_local int must_not_block = 0;

void csystem_set_must_not_block(int flag) {
    must_not_block = flag;
}

int csystem_must_not_block(void) {
    return must_not_block;
}

long csystem_getrandom(void *buffer, unsigned long count) {
    return (long)getrandom(buffer, count, 0);
}

int csystem_malloc_trim(void) {
    return malloc_trim(0);
}

int csystem_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}
