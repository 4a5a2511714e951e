// debug_checks_tests.cpp - issue 11's checks: slab debugging (red zones,
// poison, double free, leaks with their call sites), lockdep (orders,
// recursion, sleeping in atomic context, unbalanced unlocks) and fault
// injection (fail-nth, failslab). Each report is checked for its Linux
// headline, and the kernel is checked to go on afterwards. The lock-order
// case with two threads runs under TSan too (scripts/test).
#include "support.hpp"

#include <simkernel/fault_inject.hpp>
#include <simkernel/kapi.h>
#include <simkernel/kernel.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/slab.hpp>

#include <linux/mutex.h>
#include <linux/slab.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using skt::TestKernel;
namespace user = sk::user;

namespace {

bool tainted_with(TestKernel& tk, unsigned bit) { return tk->tainted() & (1UL << bit); }

long write_file(const char* path, const std::string& text) {
    long fd = user::open(path, O_WRONLY);
    if (fd < 0) return fd;
    long n = user::write(static_cast<int>(fd), text.data(), text.size());
    user::close(static_cast<int>(fd));
    return n;
}

std::string read_file(const char* path) {
    std::string s;
    user::read_file(path, &s);
    return s;
}

}  // namespace

TEST_CASE("slab: kmalloc size classes are Linux's kmalloc caches", "[slab]") {
    CHECK(std::string(sk::kmalloc_cache_name(1)) == "kmalloc-8");
    CHECK(std::string(sk::kmalloc_cache_name(60)) == "kmalloc-64");
    CHECK(std::string(sk::kmalloc_cache_name(65)) == "kmalloc-96");
    CHECK(std::string(sk::kmalloc_cache_name(129)) == "kmalloc-192");
    CHECK(std::string(sk::kmalloc_cache_name(1000)) == "kmalloc-1k");
    CHECK(std::string(sk::kmalloc_cache_name(8192)) == "kmalloc-8k");
    CHECK(std::string(sk::kmalloc_cache_name(8193)) == "kmalloc-large");
    CHECK(sk::kmalloc_cache_size(100) == 128);
}

TEST_CASE("slab: a write past the end is reported at kfree, restored, and the kernel goes on", "[slab]") {
    TestKernel tk;
    auto* p = static_cast<char*>(sk_kmalloc(nullptr, 60, GFP_KERNEL));
    REQUIRE(p != nullptr);
    CHECK(static_cast<unsigned char>(p[0]) == 0x6b);   // not zeroed: poison, so uninitialised reads show
    CHECK(static_cast<unsigned char>(p[59]) == 0xa5);  // POISON_END
    p[60] = 'x';
    kfree(p);
    CHECK(tk.log_contains("BUG kmalloc-64 (Not tainted): Right Redzone overwritten"));
    CHECK(tk.log_contains("First byte 0x78 instead of 0xcc"));
    CHECK(tk.log_contains("FIX kmalloc-64: Restoring Right Redzone"));
    CHECK(tainted_with(tk, sk::TAINT_BAD_PAGE));
    CHECK(tk->slab.total().count == 0);
    // It goes on: the next allocation and free are clean.
    void* q = kzalloc(16, GFP_KERNEL);
    CHECK(static_cast<char*>(q)[0] == 0);
    kfree(q);
}

TEST_CASE("slab: a write before the start is a Left Redzone report", "[slab]") {
    TestKernel tk;
    auto* p = static_cast<char*>(sk_kmalloc(nullptr, 32, GFP_KERNEL));
    p[-1] = 1;
    kfree(p);
    CHECK(tk.log_contains("): Left Redzone overwritten"));
}

TEST_CASE("slab: use after free is found by validation, then a double free and foreign pointers", "[slab]") {
    TestKernel tk;
    auto* p = static_cast<char*>(sk_kmalloc(nullptr, 64, GFP_KERNEL));
    kfree(p);
    p[3] = 'u';  // the object waits in quarantine, poisoned
    CHECK(tk->slab.validate() == 1);
    CHECK(tk.log_contains("): Poison overwritten"));
    CHECK(tk.log_contains("Freed in "));
    CHECK(tk->slab.validate() == 0);  // restored

    kfree(p);
    CHECK(tk.log_contains("): Object already free"));

    static int not_kmalloced;
    kfree(&not_kmalloced);
    CHECK(tk.log_contains("was never returned by kmalloc"));

    auto* q = static_cast<char*>(sk_kmalloc(nullptr, 16, GFP_KERNEL));
    kfree(q + 8);
    CHECK(tk.log_contains("): Invalid object pointer 0x"));
    kfree(q);
    CHECK(tk->slab.total().count == 0);
}

TEST_CASE("slab: slub_debug off means no red zones and no report", "[slab]") {
    TestKernel tk;
    REQUIRE(write_file("/proc/sys/debug/slub_debug", "0\n") == 2);
    CHECK(read_file("/proc/sys/debug/slub_debug") == "0\n");
    auto* p = static_cast<char*>(sk_kmalloc(nullptr, 60, GFP_KERNEL));
    p[60] = 'x';  // inside the 64-byte slot: harmless memory, unchecked
    kfree(p);
    CHECK_FALSE(tk.log_contains("Redzone overwritten"));
    CHECK(write_file("/proc/sys/debug/slub_debug", "2\n") == -EINVAL);
}

TEST_CASE("slab: a module's bugs name the module's functions, and rmmod names leaks' call sites", "[slab]") {
    TestKernel tk;
    REQUIRE(skt::insmod("test_slab", "bug=right") == 0);
    CHECK(tk.log_contains("Allocated in slab_bug_right+"));
    CHECK(tk.log_contains(" [test_slab] age="));
    REQUIRE(tk.rmmod("test_slab") == 0);

    REQUIRE(skt::insmod("test_slab", "bug=leak") == 0);
    CHECK(read_file("/proc/slabinfo").find("kmalloc-256") != std::string::npos);
    REQUIRE(tk.rmmod("test_slab") == 0);
    CHECK(tk.log_contains("test_slab: leaked 264 bytes in 2 allocations; the kernel freed them"));
    CHECK(tk.log_contains("unreferenced object 0x"));
    CHECK(tk.log_contains(" (size 200):"));
    CHECK(tk.log_contains("slab_bug_leak+"));
    CHECK(tk->slab.total().count == 0);

    REQUIRE(skt::insmod("test_slab", "bug=uaf") == 0);
    REQUIRE(tk.rmmod("test_slab") == 0);  // its freed objects are checked at unload
    CHECK(tk.log_contains("): Poison overwritten"));
    CHECK(tk.log_contains("Freed in slab_bug_uaf+"));
}

TEST_CASE("lockdep: an ABBA order is reported the first time, with both chains", "[lockdep]") {
    TestKernel tk;
    REQUIRE(skt::insmod("test_lockdep", "bug=none") == 0);
    CHECK_FALSE(tk.log_contains("WARNING: possible"));
    REQUIRE(tk.rmmod("test_lockdep") == 0);
    REQUIRE(skt::insmod("test_lockdep", "bug=abba") == 0);
    CHECK(tk.log_contains("WARNING: possible circular locking dependency detected"));
    CHECK(tk.log_contains(" is trying to acquire lock:"));
    CHECK(tk.log_contains("the existing dependency chain (in reverse order) is:"));
    CHECK(tk.log_contains("-> #1 (lock_b){+.+.}-{3:3}:"));
    CHECK(tk.log_contains("take_a_then_b+"));
    CHECK(tk.log_contains("take_b_then_a+"));
    CHECK(tk.log_contains(" *** DEADLOCK ***"));
    CHECK(tainted_with(tk, sk::TAINT_WARN));
    REQUIRE(tk.rmmod("test_lockdep") == 0);
}

TEST_CASE("lockdep: recursion, sleeping under a spinlock, unbalanced unlock, a thread dying with a lock",
          "[lockdep]") {
    TestKernel tk;
    REQUIRE(skt::insmod("test_lockdep", "bug=nested") == 0);
    CHECK(tk.log_contains("WARNING: possible recursive locking detected"));
    CHECK(tk.log_contains(" May be due to missing lock nesting notation"));
    REQUIRE(tk.rmmod("test_lockdep") == 0);
    REQUIRE(skt::insmod("test_lockdep", "bug=sleep") == 0);
    CHECK(tk.log_contains("BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580"));
    CHECK(tk.log_contains("1 lock held by "));  // the spinlock, named
    REQUIRE(tk.rmmod("test_lockdep") == 0);
    REQUIRE(skt::insmod("test_lockdep", "bug=unlock") == 0);
    CHECK(tk.log_contains("WARNING: bad unlock balance detected!"));
    CHECK(tk.log_contains("but there are no more locks to release!"));
    REQUIRE(tk.rmmod("test_lockdep") == 0);
}

TEST_CASE("lockdep: prove_locking=0 turns the checks off", "[lockdep]") {
    TestKernel tk;
    REQUIRE(write_file("/proc/sys/kernel/prove_locking", "0") == 1);
    REQUIRE(skt::insmod("test_lockdep", "bug=abba") == 0);
    CHECK_FALSE(tk.log_contains("circular locking"));
    REQUIRE(tk.rmmod("test_lockdep") == 0);
    REQUIRE(write_file("/proc/sys/kernel/prove_locking", "1") == 1);
}

namespace {
DEFINE_MUTEX(order_a);
DEFINE_MUTEX(order_b);
}  // namespace

TEST_CASE("lockdep: tasks on four threads take two locks in one order, then one takes the other order",
          "[lockdep][concurrency]") {
    TestKernel tk;
    std::vector<sk::Task*> tasks;
    for (int i = 0; i < 4; ++i) tasks.push_back(tk->tasks.spawn(tk->init_task(), "locker", 0, 0));
    std::vector<std::thread> threads;
    for (sk::Task* t : tasks)
        threads.emplace_back([t] {
            user::bind_thread(t);
            sk::set_current_task(t);
            for (int i = 0; i < 200; ++i) {
                mutex_lock(&order_a);
                mutex_lock(&order_b);
                mutex_unlock(&order_b);
                mutex_unlock(&order_a);
            }
            sk::set_current_task(nullptr);
            user::bind_thread(nullptr);
        });
    for (std::thread& th : threads) th.join();
    CHECK_FALSE(tk.log_contains("circular locking"));
    CHECK(sk::lockdep_dependency_count() == 1);
    // The other order, once, on one thread: no deadlock here, but a report.
    std::thread other([&] {
        sk::set_current_task(tasks[0]);
        mutex_lock(&order_b);
        mutex_lock(&order_a);
        mutex_unlock(&order_a);
        mutex_unlock(&order_b);
        sk::set_current_task(nullptr);
    });
    other.join();
    CHECK(tk.log_contains("WARNING: possible circular locking dependency detected"));
    CHECK(tk.log_contains("locker/"));
    for (sk::Task* t : tasks) tk->tasks.exit(t);
}

TEST_CASE("fault injection: fail-nth fails the N-th call of this task and reads 0 after", "[failslab]") {
    TestKernel tk;
    std::string before = skt::kernel_state(tk.k());
    REQUIRE(write_file("/proc/self/fail-nth", "3") == 1);
    CHECK(read_file("/proc/self/fail-nth") == "3\n");
    long err = skt::insmod("test_fi");
    CHECK(err == -ENOMEM);
    CHECK(read_file("/proc/self/fail-nth") == "0\n");
    CHECK(tk.log_contains("failslab: failed cdev_add in test_fi_init+"));
    CHECK(skt::kernel_state(tk.k()) == before);
    REQUIRE(write_file("/proc/self/fail-nth", "0") == 1);
    // Disarmed: it loads; more calls than it makes: it loads and says so.
    REQUIRE(write_file("/proc/self/fail-nth", "50") == 2);
    REQUIRE(skt::insmod("test_fi") == 0);
    CHECK(read_file("/proc/self/fail-nth") == "41\n");  // 9 calls made
    REQUIRE(write_file("/proc/self/fail-nth", "0") == 1);
    REQUIRE(tk.rmmod("test_fi") == 0);
    CHECK(skt::kernel_state(tk.k()) == before);
    CHECK(write_file("/proc/self/fail-nth", "-1") == -EINVAL);
}

TEST_CASE("fault injection: failslab probability/times fail kmalloc for everyone", "[failslab]") {
    TestKernel tk;
    REQUIRE(write_file("/sys/kernel/debug/failslab/verbose", "1") == 1);
    REQUIRE(write_file("/sys/kernel/debug/failslab/times", "1") == 1);
    REQUIRE(write_file("/sys/kernel/debug/failslab/probability", "100") == 3);
    CHECK(sk_kmalloc(nullptr, 8, GFP_KERNEL) == nullptr);
    CHECK(tk.log_contains("FAULT_INJECTION: forcing a failure."));
    CHECK(tk.log_contains("name failslab, interval 1, probability 100, space 0, times 1"));
    CHECK(read_file("/sys/kernel/debug/failslab/times") == "0\n");
    void* p = sk_kmalloc(nullptr, 8, GFP_KERNEL);  // times ran out
    CHECK(p != nullptr);
    kfree(p);
    REQUIRE(write_file("/sys/kernel/debug/failslab/probability", "0") == 1);
    CHECK(write_file("/sys/kernel/debug/failslab/probability", "101") == -EINVAL);
    // Linux's defaults back (the knobs outlive a kernel, as module-wide state).
    REQUIRE(write_file("/sys/kernel/debug/failslab/times", "1") == 1);
    REQUIRE(write_file("/sys/kernel/debug/failslab/verbose", "2") == 1);
}
