// kthread.cpp - kernel threads (kernel/kthread.c).
//
// Each kernel thread is a Task (pid, comm, `current`) run by a host thread.
// It starts asleep, as Linux's kthread_create() leaves it: the function runs
// only after wake_up_process(). kthread_stop() sets should_stop, wakes it,
// and waits for the function to return; the task then goes away.
#include <simkernel/host_thread.hpp>
#include <simkernel/kernel.hpp>
#include <simkernel/kthread.hpp>

#include <linux/kthread.h>

#include <chrono>
#include <cstdarg>
#include <thread>

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

constexpr int kHungTaskSeconds = 5;  // Linux's hung_task_timeout_secs is 120

void thread_main(std::shared_ptr<KThreads::Thread> th) {
    Task* t = th->task;
    set_current_task(t);
    {
        // Asleep until the first wake_up_process() (or kthread_stop()).
        std::unique_lock lock(t->sleep_mutex);
        t->sleep_cv.wait(lock, [&] { return t->woken || t->should_stop.load(); });
        t->woken = false;
    }
    int result = -EINTR;  // stopped before it ever ran
    if (!t->should_stop.load()) {
        t->set_state(TASK_RUNNING);
        result = th->fn(th->data);
    }
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
    th->task = tasks_.spawn(nullptr, std::move(name), 0, 0);
    th->task->kthread = true;
    th->task->set_state(TASK_UNINTERRUPTIBLE);
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
    {
        std::unique_lock lock(th->mutex);
        // Linux's hung-task detector, sooner: a thread that never looks at
        // kthread_should_stop() hangs its stopper (often rmmod) for good.
        if (!th->exited_cv.wait_for(lock, std::chrono::seconds(kHungTaskSeconds), [&] { return th->exited; })) {
            Task* me = current_task();
            printk(KERN_ERR "INFO: task %s:%d blocked for more than %d seconds.\n", me ? me->comm.c_str() : "kernel",
                   me ? me->pid : 0, kHungTaskSeconds);
            printk(KERN_ERR "kthread_stop() is waiting for [%s] (pid %d) to return: its loop must check "
                   "kthread_should_stop(), and sleep with a timeout or interruptibly\n", t->comm.c_str(), t->pid);
            th->exited_cv.wait(lock, [&] { return th->exited; });
        }
        result = th->result;
    }
    tasks_.exit(t);
    return result;
}

std::vector<std::string> KThreads::stop_owned_by(const Module* owner) {
    std::vector<Task*> mine;
    {
        std::lock_guard lock(mutex_);
        for (const auto& th : threads_)
            if (th->owner == owner) mine.push_back(th->task);
    }
    std::vector<std::string> names;
    for (Task* t : mine) {
        names.push_back(t->comm);
        stop(t);
    }
    return names;
}

}  // namespace sk

extern "C" struct task_struct* sk_kthread_create(struct module* owner, int (*threadfn)(void*), void* data,
                                                 const char* namefmt, ...) {
    char name[TASK_COMM_LEN];
    va_list ap;
    va_start(ap, namefmt);
    vsnprintf(name, sizeof name, namefmt, ap);  // truncated to 15 characters, as Linux's comm
    va_end(ap);
    sk::Task* t = sk::kernel().kthreads.create(sk::module_of(owner), threadfn, data, name);
    return t ? &t->kts : static_cast<struct task_struct*>(ERR_PTR(-ENOMEM));
}

extern "C" int kthread_stop(struct task_struct* k) {
    int ret = sk::kernel().kthreads.stop(sk::task_of(k));
    if (ret == -EINVAL) printk(KERN_WARNING "WARNING: kthread_stop() of a task that is not a kernel thread\n");
    return ret;
}

extern "C" bool kthread_should_stop(void) {
    sk::Task* t = sk::current_task();
    return t && t->should_stop.load();
}
