/* Helpers shared by the benchmark programs: clocks, whole-file reads. */
#ifndef VNT_BENCH_H
#define VNT_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double bench_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* wall clock, process CPU time, calling thread's CPU time (seconds) */
static inline double bench_now(void)
{
    return bench_clock(CLOCK_MONOTONIC);
}
static inline double bench_cpu(void)
{
    return bench_clock(CLOCK_PROCESS_CPUTIME_ID);
}
static inline double bench_thread_cpu(void)
{
    return bench_clock(CLOCK_THREAD_CPUTIME_ID);
}

/* The whole file, NUL-terminated (not counted in *len); NULL if unreadable. */
static inline char *bench_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = sz >= 0 ? malloc((size_t)sz + 1) : NULL;
    size_t got = buf ? fread(buf, 1, (size_t)sz, f) : 0;
    fclose(f);
    if (buf) buf[got] = 0;
    *len = got;
    return buf;
}

#endif
