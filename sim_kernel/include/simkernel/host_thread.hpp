// host_thread.hpp - starting a host thread for the kernel's own work (the
// timer thread, kernel threads, work-queue workers).
//
// Such a thread must never take a host signal: Ctrl-C on the terminal is
// SIGINT to the whole simkernel process, and the shell waits for it on a
// thread of its own to deliver it to the foreground task. A kernel thread
// that left SIGINT unblocked could be the one the host picks, and SIGINT's
// default action would end the whole process. So the thread is created
// with every signal blocked: it inherits the mask from its creator at the
// moment of creation, with no window in between.
#pragma once

#include <signal.h>

#include <thread>
#include <utility>

namespace sk {

template <class F, class... Args>
std::thread start_kernel_thread(F&& f, Args&&... args) {
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    struct Restore {
        sigset_t* old;
        ~Restore() { pthread_sigmask(SIG_SETMASK, old, nullptr); }
    } restore{&old};
    return std::thread(std::forward<F>(f), std::forward<Args>(args)...);
}

}  // namespace sk
