// kthread.cpp - kernel threads (kernel/kthread.c).
//
// Each kernel thread is a Task (pid, comm, `current`) run by a host thread.
// It starts asleep, as Linux's kthread_create() leaves it: the function runs
// only after wake_up_process(). kthread_stop() sets should_stop, wakes it,
// and waits for the function to return; the task then goes away.
#include <simkernel/lockdep.hpp>
#include <simkernel/fault_inject.hpp>
#include <simkernel/host_thread.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/kthread.hpp>
#include <simkernel/oops.hpp>

#include <linux/completion.h>
#include <linux/kthread.h>

#include <chrono>
#include <cstdarg>
#include <thread>
#include <simkernel/export.hpp>

namespace sk {

struct KThreads::Thread {
    Task* task = nullptr;
    const Module* owner = nullptr;
    int (*fn)(void*) = nullptr;
    void* data = nullptr;
    std::mutex mutex;
    std::condition_variable exited_cv;
    bool exited = false;  // guarded by mutex
    int result = 0;
};

namespace {

// kthread_exit(): thrown from the thread's code, caught where its function
// was called, as if the function had returned `result`.
struct KthreadExit {
    long result;
};

constexpr int kHungTaskSeconds = 5;  // Linux's hung_task_timeout_secs is 120

void thread_main(std::shared_ptr<KThreads::Thread> th) {
    Task* t = th->task;
    set_current_task(t);
    t->host_thread.store(static_cast<unsigned long>(pthread_self()));
    {
        // Asleep until the first wake_up_process() (or kthread_stop()).
        std::unique_lock lock(t->sleep_mutex);
        t->sleep_cv.wait(lock, [&] { return t->woken || t->should_stop.load(); });
        t->woken = false;
    }
    int result = -EINTR;  // stopped before it ever ran
    if (!t->should_stop.load()) {
        t->set_state(TASK_RUNNING);
        // An Oops ends the thread, as make_task_dead() ends one on Linux.
        auto run = [&] {
            try {
                result = th->fn(th->data);
            } catch (const KthreadExit& e) {
                result = static_cast<int>(e.result);
            }
        };
        if (!run_trapped(OopsContext::KernelThread, run)) result = -EFAULT;
    }
    lockdep_check_exit();       // a thread that ends holding a lock (do_exit)
    t->set_state(EXIT_ZOMBIE);  // until kthread_stop() reaps it
    set_current_task(nullptr);
    std::lock_guard lock(th->mutex);
    th->result = result;
    th->exited = true;
    th->exited_cv.notify_all();
}

}  // namespace

Task* KThreads::create(const Module* owner, int (*fn)(void*), void* data, std::string name) {
    auto th = std::make_shared<Thread>();
    th->owner = owner;
    th->fn = fn;
    th->data = data;
    th->task = tasks_.spawn_kthread(std::move(name));
    try {
        start_kernel_thread(thread_main, th).detach();
    } catch (const std::system_error&) {
        tasks_.exit(th->task);
        return nullptr;
    }
    std::lock_guard lock(mutex_);
    threads_.push_back(th);
    return th->task;
}

int KThreads::stop(Task* t) {
    std::shared_ptr<Thread> th;
    {
        std::lock_guard lock(mutex_);
        auto it = std::find_if(threads_.begin(), threads_.end(), [t](const auto& p) { return p->task == t; });
        if (it == threads_.end()) return -EINVAL;
        th = *it;
        threads_.erase(it);
    }
    t->should_stop.store(true);
    t->wake();
    int result;
    Task* me = current_task();
    long my_state = me ? me->state() : 0;
    if (me) me->set_state(TASK_UNINTERRUPTIBLE);  // waiting, not spinning: for the watchdog
    {
        std::unique_lock lock(th->mutex);
        // Linux's hung-task detector, sooner: a thread that never looks at
        // kthread_should_stop() hangs its stopper (often rmmod) for good.
        if (!th->exited_cv.wait_for(lock, std::chrono::seconds(kHungTaskSeconds), [&] { return th->exited; })) {
            printk(KERN_ERR "INFO: task %s:%d blocked for more than %d seconds.\n", me ? me->comm.c_str() : "kernel",
                   me ? me->pid : 0, kHungTaskSeconds);
            printk(KERN_ERR "kthread_stop() is waiting for [%s] (pid %d) to return: its loop must check "
                   "kthread_should_stop(), and sleep with a timeout or interruptibly\n", t->comm.c_str(), t->pid);
            th->exited_cv.wait(lock, [&] { return th->exited; });
        }
        result = th->result;
    }
    if (me) {
        me->switches.fetch_add(1, std::memory_order_relaxed);
        me->set_state(my_state);
    }
    tasks_.exit(t);
    return result;
}

std::vector<std::string> KThreads::stop_owned_by(const Module* owner) {
    std::vector<std::shared_ptr<Thread>> mine;
    {
        std::lock_guard lock(mutex_);
        for (const auto& th : threads_)
            if (th->owner == owner) mine.push_back(th);
    }
    // A thread whose function already returned (or died in an Oops) is only
    // reaped: it was not left running.
    std::vector<std::string> names;
    for (const auto& th : mine) {
        bool exited;
        {
            std::lock_guard lock(th->mutex);
            exited = th->exited;
        }
        if (!exited) names.push_back(th->task->comm);
        stop(th->task);
    }
    return names;
}

}  // namespace sk

extern "C" struct task_struct* sk_kthread_create(struct module* owner, int (*threadfn)(void*), void* data,
                                                 const char* namefmt, ...) {
    if (sk::should_fail("kthread_create", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return static_cast<struct task_struct*>(ERR_PTR(-ENOMEM));  // fault injection
    char name[TASK_COMM_LEN];
    va_list ap;
    va_start(ap, namefmt);
    sk_vsnprintf(name, sizeof name, namefmt, ap);  // truncated to 15 characters, as Linux's comm
    va_end(ap);
    sk::Task* t = sk::kernel().kthreads.create(sk::module_of(owner), threadfn, data, name);
    return t ? &t->kts : static_cast<struct task_struct*>(ERR_PTR(-ENOMEM));
}
EXPORT_SYMBOL(sk_kthread_create);

extern "C" int kthread_stop(struct task_struct* k) {
    int ret = sk::kernel().kthreads.stop(sk::task_of(k));
    if (ret == -EINVAL) printk(KERN_WARNING "WARNING: kthread_stop() of a task that is not a kernel thread\n");
    return ret;
}
EXPORT_SYMBOL(kthread_stop);

extern "C" bool kthread_should_stop(void) {
    sk::Task* t = sk::current_task();
    return t && t->should_stop.load();
}
EXPORT_SYMBOL(kthread_should_stop);

extern "C" void kthread_exit(long result) {
    sk::Task* t = sk::current_task();
    if (!t || !t->kthread) {
        // Linux's to_kthread() would find no kthread here and crash on it.
        printk(KERN_ERR "kthread_exit: called by %s, which is not a kernel thread\n",
               t ? t->comm.c_str() : "the kernel");
        __sk_bug_site(__FILE__, __LINE__);
        __builtin_trap();
    }
    throw sk::KthreadExit{result};
}
EXPORT_SYMBOL(kthread_exit);

extern "C" void kthread_complete_and_exit(struct completion* comp, long code) {
    if (comp) complete(comp);
    kthread_exit(code);
}
EXPORT_SYMBOL(kthread_complete_and_exit);
