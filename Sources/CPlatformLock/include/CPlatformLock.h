// A plain pthread mutex behind an opaque handle, for `PlatformLock` (Sources/PluginSDK/Concurrency). Swift's
// `Synchronization.Mutex` hands a contended lock to its waiter inside the kernel (a priority-inheritance futex),
// which ThreadSanitizer cannot see, so it reports the accesses under it as races; a pthread mutex is intercepted.
#ifndef CPLATFORMLOCK_H
#define CPLATFORMLOCK_H

typedef struct CPL_lock CPL_lock;

/// A new unlocked mutex; aborts the process when memory or the mutex cannot be had.
CPL_lock *CPL_lock_create(void);
/// Destroys an unlocked mutex made by `CPL_lock_create`.
void CPL_lock_destroy(CPL_lock *lock);
/// Locks; aborts on an error (a deadlock on itself, which is a bug).
void CPL_lock_acquire(CPL_lock *lock);
/// Unlocks a mutex this thread holds.
void CPL_lock_release(CPL_lock *lock);

#endif
