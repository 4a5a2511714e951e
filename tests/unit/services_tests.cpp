// services_tests.cpp - the kernel services drivers build on: jiffies and
// delays, timers, completions, kernel threads, work queues and rwlocks,
// called through the module API as a module calls them (THIS_MODULE is NULL
// here: the test is "built-in" code). Sleeping needs a task, so each test
// runs its kernel code as a task (InTask), as a system call would.
#include "support.hpp"

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <climits>
#include <csignal>
#include <thread>

using skt::TestKernel;
using Clock = std::chrono::steady_clock;

namespace {

// Runs this thread's kernel code as task t (current == t) for a scope.
class InTask {
public:
    explicit InTask(sk::Task* t) { sk::set_current_task(t); }
    ~InTask() { sk::set_current_task(nullptr); }
};

bool sigint_blocked_here() {
    sigset_t mask;
    pthread_sigmask(SIG_BLOCK, nullptr, &mask);
    return sigismember(&mask, SIGINT) == 1;
}

long ms_since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// Polls cond for a while: for effects that happen on another thread.
template <class F>
bool eventually_within(Clock::duration limit, F cond) {
    auto until = Clock::now() + limit;
    while (Clock::now() < until) {
        if (cond()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return cond();
}

template <class F>
bool eventually(F cond) {
    return eventually_within(std::chrono::seconds(2), cond);
}

}  // namespace

// ---- jiffies and delays ----

TEST_CASE("jiffies: starts at INITIAL_JIFFIES and counts HZ per second", "[services][jiffies]") {
    TestKernel tk;
    InTask in(tk.root_task);
    unsigned long j0 = get_jiffies_64();
    // Five minutes before the 32-bit wrap, as Linux boots.
    CHECK(j0 - INITIAL_JIFFIES < static_cast<unsigned long>(HZ));
    CHECK(INITIAL_JIFFIES == 4294892296UL);
    auto start = Clock::now();
    msleep(100);
    long ms = ms_since(start);
    unsigned long dj = get_jiffies_64() - j0;
    CHECK(ms >= 100);
    CHECK(dj >= msecs_to_jiffies(100));
    CHECK(dj <= msecs_to_jiffies(static_cast<unsigned int>(ms)) + 1);
}

TEST_CASE("jiffies: conversions round up and time_after survives the wrap", "[services][jiffies]") {
    CHECK(HZ == 250);
    CHECK(msecs_to_jiffies(1) == 1);  // never a zero-length wait
    CHECK(msecs_to_jiffies(4) == 1);
    CHECK(msecs_to_jiffies(5) == 2);
    CHECK(msecs_to_jiffies(1000) == 250);
    CHECK(jiffies_to_msecs(250) == 1000);
    CHECK(usecs_to_jiffies(1) == 1);
    unsigned long before_wrap = ULONG_MAX - 5, after_wrap = 5;
    CHECK(time_after(after_wrap, before_wrap));  // a plain > says the opposite
    CHECK_FALSE(after_wrap > before_wrap);
    CHECK(time_before(before_wrap, after_wrap));
    CHECK(time_after_eq(after_wrap, after_wrap));
    CHECK(time_in_range(3UL, before_wrap, after_wrap));
}

TEST_CASE("msleep_interruptible: a signal ends it early with the time left", "[services][jiffies]") {
    TestKernel tk;
    InTask in(tk.root_task);
    std::thread killer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        tk.root_task->send_signal(SIGINT);
    });
    auto start = Clock::now();
    unsigned long left = msleep_interruptible(5000);
    killer.join();
    CHECK(ms_since(start) < 2000);
    CHECK(left > 2000);
    CHECK(left <= 5000);
    // msleep is not interruptible: the pending signal does not shorten it.
    start = Clock::now();
    msleep(60);
    CHECK(ms_since(start) >= 60);
    tk.root_task->sigpending = 0;
}

// ---- timers ----

namespace {
struct Blinker {
    int id = 7;
    struct timer_list timer;
    std::atomic<int> fires{0};
    std::atomic<int> rearm{0};  // fire this many more times
    std::atomic<int> spin_ms{0};
    std::atomic<int> seen_id{0};
};

std::atomic<bool> timer_sigint_blocked{false};

void blink(struct timer_list* t) {
    Blinker* b = from_timer(b, t, timer);
    timer_sigint_blocked = sigint_blocked_here();
    b->seen_id = b->id;
    if (int ms = b->spin_ms.load()) mdelay(static_cast<unsigned long>(ms));
    b->fires++;
    if (b->rearm.load() > 0) {
        b->rearm--;
        mod_timer(t, get_jiffies_64() + 1);
    }
}
}  // namespace

TEST_CASE("timers: a timer fires once, at its time, with from_timer finding its owner", "[services][timer]") {
    TestKernel tk;
    Blinker b;
    timer_setup(&b.timer, blink, 0);
    CHECK_FALSE(timer_pending(&b.timer));
    auto start = Clock::now();
    CHECK(mod_timer(&b.timer, get_jiffies_64() + msecs_to_jiffies(200)) == 0);
    CHECK(timer_pending(&b.timer));
    REQUIRE(eventually([&] { return b.fires.load() == 1; }));
    CHECK(ms_since(start) >= 196);  // 50 jiffies, less at most one tick of rounding
    CHECK(b.seen_id == 7);
    CHECK(timer_sigint_blocked);  // the timer thread takes no host signal either
    CHECK_FALSE(timer_pending(&b.timer));
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(b.fires == 1);
}

TEST_CASE("timers: mod_timer re-arms, del_timer cancels, a timer may re-arm itself", "[services][timer]") {
    TestKernel tk;
    Blinker b;
    timer_setup(&b.timer, blink, 0);
    CHECK(mod_timer(&b.timer, get_jiffies_64() + HZ) == 0);
    CHECK(mod_timer(&b.timer, get_jiffies_64() + HZ) == 1);  // was pending
    CHECK(del_timer(&b.timer) == 1);
    CHECK(del_timer(&b.timer) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(b.fires == 0);

    b.rearm = 4;
    mod_timer(&b.timer, get_jiffies_64());
    REQUIRE(eventually([&] { return b.fires.load() == 5; }));
    CHECK_FALSE(timer_pending(&b.timer));
}

TEST_CASE("timers: del_timer_sync waits for a running function; timer_shutdown_sync stops re-arming",
          "[services][timer]") {
    TestKernel tk;
    Blinker b;
    timer_setup(&b.timer, blink, 0);
    b.spin_ms = 80;
    mod_timer(&b.timer, get_jiffies_64());
    REQUIRE(eventually([&] { return b.seen_id.load() == 7; }));  // it is running now
    CHECK(del_timer_sync(&b.timer) == 0);
    CHECK(b.fires == 1);  // returned only after the function did

    b.spin_ms = 0;
    b.rearm = 1000;
    mod_timer(&b.timer, get_jiffies_64());
    REQUIRE(eventually([&] { return b.fires.load() > 2; }));
    timer_shutdown_sync(&b.timer);
    int fires = b.fires;
    CHECK(mod_timer(&b.timer, get_jiffies_64()) == 0);  // ignored after shutdown
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(b.fires == fires);
}

namespace {
void sleepy_timer(struct timer_list* t) {
    msleep(10);  // not allowed here
    Blinker* b = from_timer(b, t, timer);
    b->fires++;
}
}  // namespace

TEST_CASE("timers: a timer function that sleeps is refused, and said so", "[services][timer]") {
    TestKernel tk;
    Blinker b;
    timer_setup(&b.timer, sleepy_timer, 0);
    mod_timer(&b.timer, get_jiffies_64());
    REQUIRE(eventually([&] { return b.fires.load() == 1; }));
    CHECK(tk.log_contains("BUG: scheduling while atomic: a timer callback tried to sleep"));
    CHECK((tk->tainted() & (1UL << sk::TAINT_WARN)) != 0);
}

TEST_CASE("timers: kfree of a pending timer is reported and the timer never fires", "[services][timer]") {
    TestKernel tk;
    auto* t = static_cast<struct timer_list*>(kmalloc(sizeof(struct timer_list), GFP_KERNEL));
    static std::atomic<int> fired{0};
    timer_setup(t, [](struct timer_list*) { fired++; }, 0);
    mod_timer(t, get_jiffies_64() + msecs_to_jiffies(30));
    kfree(t);
    CHECK(tk.log_contains("ODEBUG: free active object type: timer_list"));
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    CHECK(fired == 0);
}

// ---- completions ----

TEST_CASE("completion: each complete() lets one waiter through; complete_all lets all", "[services][completion]") {
    TestKernel tk;
    InTask in(tk.root_task);
    DECLARE_COMPLETION(done);
    CHECK_FALSE(completion_done(&done));
    complete(&done);  // before anyone waits: kept for the next waiter
    CHECK(completion_done(&done));
    wait_for_completion(&done);
    CHECK_FALSE(try_wait_for_completion(&done));

    std::thread completer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        complete(&done);
    });
    auto start = Clock::now();
    wait_for_completion(&done);
    completer.join();
    CHECK(ms_since(start) >= 25);

    // Two waiters (each a task of its own), one complete_all.
    std::atomic<int> through{0};
    std::vector<std::thread> waiters;
    for (int i = 0; i < 2; ++i) {
        sk::Task* t = tk->tasks.spawn(tk.root_task, "waiter", 0, 0);
        waiters.emplace_back([&, t] {
            InTask w(t);
            wait_for_completion(&done);
            through++;
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(through == 0);
    complete_all(&done);
    for (auto& w : waiters) w.join();
    CHECK(through == 2);
    wait_for_completion(&done);  // stays done until reinit_completion
    reinit_completion(&done);
    CHECK_FALSE(completion_done(&done));
}

TEST_CASE("completion: timeouts and signals", "[services][completion]") {
    TestKernel tk;
    InTask in(tk.root_task);
    struct completion c;
    init_completion(&c);
    auto start = Clock::now();
    CHECK(wait_for_completion_timeout(&c, msecs_to_jiffies(40)) == 0);
    CHECK(ms_since(start) >= 36);
    complete(&c);
    CHECK(wait_for_completion_timeout(&c, HZ) > 0);

    std::thread killer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        tk.root_task->send_signal(SIGINT);
    });
    CHECK(wait_for_completion_interruptible(&c) == -ERESTARTSYS);
    killer.join();
    CHECK(wait_for_completion_interruptible_timeout(&c, HZ) == -ERESTARTSYS);
    tk.root_task->sigpending = 0;
    complete(&c);
    CHECK(wait_for_completion_interruptible_timeout(&c, HZ) > 0);
}

// ---- kernel threads ----

namespace {
struct ThreadProbe {
    std::atomic<bool> sigint_blocked{false};
    std::atomic<int> loops{0};
    std::atomic<int> pid{0};
    std::string comm;
    std::atomic<bool> ran{false};
};

int probe_main(void* data) {
    auto* p = static_cast<ThreadProbe*>(data);
    p->pid = get_current()->pid;
    p->comm = get_current()->comm;
    p->sigint_blocked = sigint_blocked_here();
    p->ran = true;
    while (!kthread_should_stop()) {
        p->loops++;
        msleep_interruptible(5);
    }
    return 42;
}
}  // namespace

TEST_CASE("kthread: created asleep, started by wake_up_process, stopped with its result", "[services][kthread]") {
    TestKernel tk;
    ThreadProbe p;
    struct task_struct* k = kthread_create(probe_main, &p, "probe-%d", 3);
    REQUIRE_FALSE(IS_ERR(k));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_FALSE(p.ran);  // not before wake_up_process
    wake_up_process(k);
    REQUIRE(eventually([&] { return p.loops.load() > 2; }));
    CHECK(p.pid == k->pid);
    CHECK(p.comm == "probe-3");
    // A host SIGINT (Ctrl-C) must never land on a kernel thread: its default
    // action would end the whole simkernel process.
    CHECK(p.sigint_blocked);

    // A task like any other: /proc says it is a kernel thread; signals miss it.
    std::string status;
    REQUIRE(sk::user::read_file(("/proc/" + std::to_string(k->pid) + "/status").c_str(), &status) >= 0);
    CHECK(status.find("Name:\tprobe-3\n") != std::string::npos);
    CHECK(status.find("Kthread:\t1\n") != std::string::npos);
    CHECK(sk::user::kill(k->pid, SIGKILL) == 0);
    int loops = p.loops;
    REQUIRE(eventually([&] { return p.loops.load() > loops + 2; }));

    pid_t pid = k->pid;
    CHECK(kthread_stop(k) == 42);
    CHECK(tk->tasks.find(pid) == nullptr);
}

TEST_CASE("kthread: stopping a thread that never ran returns -EINTR; kthread_run starts at once",
          "[services][kthread]") {
    TestKernel tk;
    ThreadProbe p;
    struct task_struct* k = kthread_create(probe_main, &p, "never");
    REQUIRE_FALSE(IS_ERR(k));
    CHECK(kthread_stop(k) == -EINTR);
    CHECK_FALSE(p.ran);

    ThreadProbe q;
    k = kthread_run(probe_main, &q, "a-name-longer-than-fifteen");
    REQUIRE_FALSE(IS_ERR(k));
    REQUIRE(eventually([&] { return q.ran.load(); }));
    CHECK(q.comm == "a-name-longer-t");  // TASK_COMM_LEN, as Linux truncates
    CHECK(kthread_stop(k) == 42);
}

namespace {
std::atomic<bool> deaf_may_return{false};
std::atomic<bool> deaf_started{false};

int deaf_main(void*) {
    deaf_started = true;
    while (!deaf_may_return.load()) msleep(10);  // never asks kthread_should_stop()
    return 7;
}
}  // namespace

TEST_CASE("kthread: a thread that never checks kthread_should_stop is reported after 5 seconds",
          "[services][kthread][slow]") {
    TestKernel tk;
    deaf_may_return = false;
    deaf_started = false;
    struct task_struct* k = kthread_run(deaf_main, nullptr, "deaf");
    REQUIRE_FALSE(IS_ERR(k));
    // As on Linux, a kthread_stop() that comes before the new thread first
    // runs stops it before its function starts: let it start.
    REQUIRE(eventually([&] { return deaf_started.load(); }));
    std::atomic<int> result{0};
    std::thread stopper([&] {
        InTask in(tk.root_task);
        result = kthread_stop(k);
    });
    CHECK(eventually_within(std::chrono::seconds(15),
                            [&] { return tk.log_contains("blocked for more than 5 seconds"); }));
    CHECK(tk.log_contains("kthread_stop() is waiting for [deaf]"));
    CHECK(result == 0);  // still waiting: it does not give up on the thread
    deaf_may_return = true;
    stopper.join();
    CHECK(result == 7);
}

// ---- work queues ----

namespace {
struct Job {
    struct work_struct work;
    struct delayed_work dwork;
    std::atomic<int> runs{0};
    std::atomic<int> sleep_ms{0};
    std::string ran_in;
};

void job_fn(struct work_struct* w) {
    Job* j = container_of(w, Job, work);
    j->ran_in = get_current() ? get_current()->comm : "(none)";
    if (int ms = j->sleep_ms.load()) msleep(static_cast<unsigned int>(ms));  // process context: may sleep
    j->runs++;
}

void delayed_fn(struct work_struct* w) {
    Job* j = container_of(to_delayed_work(w), Job, dwork);
    j->runs++;
}
}  // namespace

TEST_CASE("workqueue: schedule_work runs the item once on [events]; flush_work waits", "[services][workqueue]") {
    TestKernel tk;
    InTask in(tk.root_task);
    Job j;
    INIT_WORK(&j.work, job_fn);
    j.sleep_ms = 50;
    CHECK(schedule_work(&j.work));
    CHECK(flush_work(&j.work));
    CHECK(j.runs == 1);
    CHECK(j.ran_in == "events");
    CHECK_FALSE(work_pending(&j.work));
    CHECK_FALSE(flush_work(&j.work));  // nothing to wait for

    // Queued twice while pending: once.
    j.sleep_ms = 0;
    Job blocker;
    INIT_WORK(&blocker.work, job_fn);
    blocker.sleep_ms = 300;  // long enough for the checks below, even on a loaded machine
    schedule_work(&blocker.work);  // holds the worker, so j stays pending
    CHECK(schedule_work(&j.work));
    CHECK_FALSE(schedule_work(&j.work));
    flush_scheduled_work();
    CHECK(j.runs == 2);
}

TEST_CASE("workqueue: cancel_work_sync takes a pending item off; a queue of one's own drains on destroy",
          "[services][workqueue]") {
    TestKernel tk;
    InTask in(tk.root_task);
    Job blocker, j;
    INIT_WORK(&blocker.work, job_fn);
    INIT_WORK(&j.work, job_fn);
    blocker.sleep_ms = 300;
    schedule_work(&blocker.work);
    schedule_work(&j.work);
    CHECK(cancel_work_sync(&j.work));
    CHECK_FALSE(cancel_work_sync(&j.work));
    flush_work(&blocker.work);
    CHECK(j.runs == 0);

    struct workqueue_struct* wq = alloc_workqueue("test_wq", 0, 1);
    REQUIRE(wq);
    Job a, b;
    INIT_WORK(&a.work, job_fn);
    INIT_WORK(&b.work, job_fn);
    a.sleep_ms = 20;
    CHECK(queue_work(wq, &a.work));
    CHECK(queue_work(wq, &b.work));
    destroy_workqueue(wq);  // runs both first
    CHECK(a.runs == 1);
    CHECK(b.runs == 1);
    CHECK(a.ran_in == "test_wq");
}

TEST_CASE("workqueue: delayed work waits its delay; cancel before it fires; flush runs it now",
          "[services][workqueue]") {
    TestKernel tk;
    InTask in(tk.root_task);
    Job j;
    INIT_DELAYED_WORK(&j.dwork, delayed_fn);
    auto start = Clock::now();
    CHECK(schedule_delayed_work(&j.dwork, msecs_to_jiffies(200)));
    CHECK(delayed_work_pending(&j.dwork));
    CHECK_FALSE(schedule_delayed_work(&j.dwork, 1));  // already pending
    REQUIRE(eventually([&] { return j.runs.load() == 1; }));
    CHECK(ms_since(start) >= 196);

    CHECK(schedule_delayed_work(&j.dwork, HZ));
    CHECK(cancel_delayed_work_sync(&j.dwork));
    CHECK_FALSE(delayed_work_pending(&j.dwork));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(j.runs == 1);

    start = Clock::now();
    CHECK(schedule_delayed_work(&j.dwork, 10 * HZ));
    // Its return value says whether it had to wait: the worker may be quicker.
    flush_delayed_work(&j.dwork);
    CHECK(j.runs == 2);
    CHECK(ms_since(start) < 5000);
}

// ---- rwlock ----

TEST_CASE("rwlock: readers share, a writer is alone", "[services][rwlock]") {
    DEFINE_RWLOCK(lock);
    read_lock(&lock);
    CHECK(read_trylock(&lock));  // a second reader
    CHECK_FALSE(write_trylock(&lock));
    read_unlock(&lock);
    read_unlock(&lock);
    CHECK(write_trylock(&lock));
    CHECK_FALSE(read_trylock(&lock));
    CHECK_FALSE(write_trylock(&lock));
    write_unlock(&lock);

    // Four threads: writers add, readers check the two halves always agree.
    long a = 0, b = 0;
    std::atomic<bool> torn{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            for (int n = 0; n < 20000; ++n) {
                if (i % 2) {
                    write_lock(&lock);
                    ++a;
                    ++b;
                    write_unlock(&lock);
                } else {
                    read_lock(&lock);
                    if (a != b) torn = true;
                    read_unlock(&lock);
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK_FALSE(torn);
    CHECK(a == 40000);
}

// ---- what a module leaves running ----

TEST_CASE("ticker: two readers each see every tick; rmmod stops it cleanly", "[services][module]") {
    TestKernel tk;
    std::string before = skt::kernel_state(tk.k());
    REQUIRE(skt::insmod("ticker", "interval_ms=5 report_ms=20") == 0);
    long a = sk::user::open("/dev/ticker", O_RDONLY);
    long b = sk::user::open("/dev/ticker", O_RDONLY);
    REQUIRE(a >= 0);
    REQUIRE(b >= 0);
    char buf[32];
    for (int i = 1; i <= 3; ++i) {
        std::string want = "tick " + std::to_string(i) + "\n";
        long n = sk::user::read(static_cast<int>(a), buf, sizeof buf);
        CHECK(std::string(buf, n > 0 ? n : 0) == want);
    }
    long n = sk::user::read(static_cast<int>(b), buf, sizeof buf);
    CHECK(std::string(buf, n > 0 ? n : 0) == "tick 1\n");  // b has its own place
    CHECK(sk::user::read(static_cast<int>(b), buf, 3) == -EINVAL);  // a line is read whole

    std::string stats;
    REQUIRE(eventually([&] {
        sk::user::read_file("/proc/ticker", &stats);
        return stats.find("reports 0") == std::string::npos;
    }));
    CHECK(stats.find("interval_ms 5\n") != std::string::npos);

    CHECK(skt::rmmod("ticker") == -EWOULDBLOCK);  // files open
    sk::user::close(static_cast<int>(a));
    sk::user::close(static_cast<int>(b));
    REQUIRE(skt::rmmod("ticker") == 0);
    CHECK(tk.log_contains("ticker: stopped after"));
    CHECK_FALSE(tk.log_contains("the kernel stopped it"));
    CHECK(skt::kernel_state(tk.k()) == before);
}

TEST_CASE("ticker forget=1: the kernel stops the thread, timer and work the module left", "[services][module]") {
    TestKernel tk;
    std::string before = skt::kernel_state(tk.k());
    REQUIRE(skt::insmod("ticker", "interval_ms=5 report_ms=60000 forget=1") == 0);
    REQUIRE(skt::rmmod("ticker") == 0);
    CHECK(tk.log_contains("ticker: left kernel thread [ticker] running; the kernel stopped it"));
    CHECK(tk.log_contains("ticker: left a timer pending (function tick_fn [ticker]); the kernel deleted it"));
    CHECK(tk.log_contains("ticker: left a work item queued (function report_fn [ticker]); the kernel cancelled it"));
    CHECK(tk.log_contains("ticker: left workqueue ticker_wq; the kernel destroyed it"));
    CHECK(skt::kernel_state(tk.k()) == before);
    for (sk::Task* t : tk->tasks.all()) CHECK(t->comm != "ticker");
}

TEST_CASE("ticker: a bad parameter fails init and leaves nothing behind", "[services][module]") {
    TestKernel tk;
    std::string before = skt::kernel_state(tk.k());
    CHECK(skt::insmod("ticker", "interval_ms=0") == -EINVAL);
    CHECK(tk.log_contains("ticker: interval_ms and report_ms must be at least 1"));
    CHECK(skt::kernel_state(tk.k()) == before);
}
