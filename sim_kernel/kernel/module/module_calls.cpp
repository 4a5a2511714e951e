// module_calls.cpp - counting the tasks inside a module's code, for a safe
// rmmod -f (no Linux counterpart: see module_calls.hpp).
#include <simkernel/kernel.hpp>
#include <simkernel/module_calls.hpp>

#include <algorithm>

namespace sk {

bool module_call_enter(Module* m) {
    if (!m) return true;
    std::lock_guard lock(m->calls_mutex);
    if (m->closed.load()) return false;
    m->callers.push_back(current_task());
    return true;
}

void module_call_leave(Module* m) {
    Task* t = current_task();
    bool unmap = false;
    {
        std::lock_guard lock(m->calls_mutex);
        auto it = std::find(m->callers.begin(), m->callers.end(), t);
        if (it != m->callers.end()) m->callers.erase(it);
        if (m->closed.load() && t) t->notify_signal.store(false);  // the interruption is spent
        unmap = m->callers.empty() && m->unmap_when_idle;
        if (unmap) m->unmap_when_idle = false;
    }
    m->calls_cv.notify_all();
    if (unmap) {
        // The module is off every list: nothing else reaches its mapping.
        m->library.reset();
        printk(KERN_INFO "%s: the last task left its code; its memory is freed\n", m->name.c_str());
    }
}

bool module_closed(const Module* m) { return m && m->closed.load(); }

size_t module_calls_close(Module& m) {
    std::lock_guard lock(m.calls_mutex);
    m.closed.store(true);
    return m.callers.size();
}

void module_calls_interrupt(Module& m) {
    std::lock_guard lock(m.calls_mutex);
    for (Task* t : m.callers) {
        if (!t) continue;
        t->notify_signal.store(true);  // Linux's TIF_NOTIFY_SIGNAL: signal_pending() without a signal
        t->wake();
    }
}

size_t module_calls_drain(Module& m, std::chrono::milliseconds limit) {
    std::unique_lock lock(m.calls_mutex);
    m.calls_cv.wait_for(lock, limit, [&m] { return m.callers.empty(); });
    return m.callers.size();
}

bool module_unmap_when_idle(Module& m) {
    {
        std::lock_guard lock(m.calls_mutex);
        if (!m.callers.empty()) {
            m.unmap_when_idle = true;
            return false;
        }
    }
    m.library.reset();
    return true;
}

}  // namespace sk
