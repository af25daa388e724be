#include "CPlatformLock.h"

#include <pthread.h>
#include <stdlib.h>

struct CPL_lock {
    pthread_mutex_t mutex;
};

CPL_lock *CPL_lock_create(void) {
    CPL_lock *lock = malloc(sizeof(CPL_lock));
    if (lock == NULL || pthread_mutex_init(&lock->mutex, NULL) != 0) abort();
    return lock;
}

void CPL_lock_destroy(CPL_lock *lock) {
    pthread_mutex_destroy(&lock->mutex);
    free(lock);
}

void CPL_lock_acquire(CPL_lock *lock) {
    if (pthread_mutex_lock(&lock->mutex) != 0) abort();
}

void CPL_lock_release(CPL_lock *lock) {
    pthread_mutex_unlock(&lock->mutex);
}
