/*
 * A power cut for tests, loaded with LD_PRELOAD into the process under test (PowerCutTest).
 *
 * It keeps a second copy of one flat directory (DROP_UNSYNCED_DIR) that holds exactly what a strict
 * POSIX file system promises to keep after a power cut: a file's bytes as of its last fsync or
 * fdatasync, and the directory's names as of the directory's last fsync. Nothing else survives:
 * not data written after the last sync, not a new or renamed name the directory was not synced
 * for. Killing the process with SIGKILL freezes that copy; DurableImage in the tests then builds
 * the directory a machine would find when the power comes back.
 *
 * The copy lives in DROP_UNSYNCED_SHADOW:
 *   ino-<inode>   the file's bytes at its last sync (written aside, then renamed: a kill in the
 *                 middle of a sync leaves the previous one, as the sync never returned)
 *   gone-<inode>  the same, for a file unlinked (or replaced by a rename) since the directory was
 *                 last synced: its old name may still be in the directory's last synced listing,
 *                 while its inode number may already belong to a new file
 *   names         "<inode> <name>" per line: the directory's names at its last fsync
 * Real syncs still happen. Every operation holds one lock, so syncs are recorded in the order
 * they returned.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const char *watched(void) { return getenv("DROP_UNSYNCED_DIR"); }
static const char *shadow(void) { return getenv("DROP_UNSYNCED_SHADOW"); }

/* The path an open descriptor names, or 0. */
static int path_of(int fd, char *out, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, out, size - 1);
    if (n < 0) {
        return 0;
    }
    out[n] = '\0';
    return 1;
}

/* True when path is the watched directory itself (2) or a name directly in it (1). */
static int where(const char *path) {
    const char *dir = watched();
    if (dir == NULL || shadow() == NULL) {
        return 0;
    }
    size_t len = strlen(dir);
    if (strncmp(path, dir, len) != 0) {
        return 0;
    }
    if (path[len] == '\0') {
        return 2;
    }
    return path[len] == '/' && strchr(path + len + 1, '/') == NULL ? 1 : 0;
}

static void fail(const char *what) {
    /* a copy that is wrong would make the test prove nothing: stop at once, loudly */
    fprintf(stderr, "drop-unsynced: %s: %s\n", what, strerror(errno));
    abort();
}

/* Writes the bytes aside and renames them over target. */
static void replace(const char *target, const char *bytes, size_t size) {
    char aside[PATH_MAX];
    snprintf(aside, sizeof aside, "%s.aside", target);
    int out = open(aside, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) {
        fail("open aside");
    }
    for (size_t done = 0; done < size;) {
        ssize_t n = write(out, bytes + done, size - done);
        if (n < 0) {
            fail("write aside");
        }
        done += (size_t) n;
    }
    close(out);
    if (rename(aside, target) != 0) {
        fail("rename aside");
    }
}

static void record_file(int synced) {
    /* the descriptor may be write-only: read the same file through a descriptor of our own */
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", synced);
    int fd = open(link, O_RDONLY);
    if (fd < 0) {
        fail("reopen");
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        fail("fstat");
    }
    char *bytes = malloc(st.st_size > 0 ? (size_t) st.st_size : 1);
    size_t size = 0;
    while (size < (size_t) st.st_size) {
        ssize_t n = pread(fd, bytes + size, (size_t) st.st_size - size, (off_t) size);
        if (n < 0) {
            fail("pread");
        }
        if (n == 0) {
            break;
        }
        size += (size_t) n;
    }
    char target[PATH_MAX];
    snprintf(target, sizeof target, "%s/ino-%lu", shadow(), (unsigned long) st.st_ino);
    replace(target, bytes, size);
    free(bytes);
    close(fd);
}

static void record_names(void) {
    DIR *dir = opendir(watched());
    if (dir == NULL) {
        fail("opendir");
    }
    size_t capacity = 4096, size = 0;
    char *names = malloc(capacity);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_type != DT_REG) {
            continue;
        }
        size_t need = strlen(entry->d_name) + 32;
        if (size + need > capacity) {
            capacity = capacity * 2 + need;
            names = realloc(names, capacity);
        }
        size += (size_t) sprintf(names + size, "%lu %s\n", (unsigned long) entry->d_ino, entry->d_name);
    }
    closedir(dir);
    char target[PATH_MAX];
    snprintf(target, sizeof target, "%s/names", shadow());
    replace(target, names, size);
    free(names);
    /* what was unlinked before this sync is gone for good now */
    DIR *copies = opendir(shadow());
    while ((entry = readdir(copies)) != NULL) {
        if (strncmp(entry->d_name, "gone-", 5) == 0) {
            char gone[PATH_MAX];
            snprintf(gone, sizeof gone, "%s/%s", shadow(), entry->d_name);
            unlink(gone);
        }
    }
    closedir(copies);
}

static void record_sync(int fd) {
    char path[PATH_MAX];
    if (!path_of(fd, path, sizeof path)) {
        return;
    }
    int place = where(path);
    if (place == 0) {
        return;
    }
    pthread_mutex_lock(&lock);
    if (place == 2) {
        record_names();
    } else {
        record_file(fd);
    }
    pthread_mutex_unlock(&lock);
}

/* The libc function a wrapper stands in for. */
static void *next(const char *name) { return dlsym(RTLD_NEXT, name); }

static int recorded(int result, int fd) {
    if (result == 0) {
        record_sync(fd);
    }
    return result;
}

int fsync(int fd) { return recorded(((int (*)(int)) next("fsync"))(fd), fd); }

int fdatasync(int fd) { return recorded(((int (*)(int)) next("fdatasync"))(fd), fd); }

/*
 * A name about to go (unlinked, or replaced by a rename): its file's synced copy becomes gone-<inode>,
 * since the directory's last synced listing may still name it, while the inode number may be reused.
 */
static int before_name_goes(const char *path, struct stat *st) {
    char absolute[PATH_MAX];
    if (realpath(path, absolute) == NULL || where(absolute) != 1 || stat(absolute, st) != 0) {
        return 0;
    }
    pthread_mutex_lock(&lock);
    return 1;
}

static void after_name_went(int tracked, int result, const struct stat *st) {
    if (!tracked) {
        return;
    }
    if (result == 0) {
        char copy[PATH_MAX], gone[PATH_MAX];
        snprintf(copy, sizeof copy, "%s/ino-%lu", shadow(), (unsigned long) st->st_ino);
        snprintf(gone, sizeof gone, "%s/gone-%lu", shadow(), (unsigned long) st->st_ino);
        rename(copy, gone); /* no copy when the file was never synced: nothing to keep */
    }
    pthread_mutex_unlock(&lock);
}

int unlink(const char *path) {
    struct stat st;
    int tracked = before_name_goes(path, &st);
    int result = ((int (*)(const char *)) next("unlink"))(path);
    after_name_went(tracked, result, &st);
    return result;
}

int rename(const char *from, const char *to) {
    struct stat st;
    int tracked = before_name_goes(to, &st);
    int result = ((int (*)(const char *, const char *)) next("rename"))(from, to);
    after_name_went(tracked, result, &st);
    return result;
}
