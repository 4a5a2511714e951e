// kthread.hpp - kernel threads: tasks that run a kernel function on a host
// thread of their own, owned by the module that created them.
#pragma once

#include <simkernel/kapi.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

struct Module;
struct Task;
class TaskTable;

class KThreads {
public:
    explicit KThreads(TaskTable& tasks) : tasks_(tasks) {}

    // A new task, asleep until wake_up_process(); nullptr if the host
    // cannot make a thread.
    Task* create(const Module* owner, int (*fn)(void*), void* data, std::string name);
    // Asks it to stop, waits for its function to return, forgets the task.
    // Returns the function's result, -EINTR if it never started, or
    // -EINVAL if t is not a kernel thread.
    int stop(Task* t);
    // Stops the owner's threads (nullptr: the kernel's own, at shutdown);
    // returns their names.
    std::vector<std::string> stop_owned_by(const Module* owner);

    struct Thread;  // kthread.cpp

private:
    TaskTable& tasks_;
    std::mutex mutex_;
    std::vector<std::shared_ptr<Thread>> threads_;
};

}  // namespace sk
