// kapi_tests.cpp - the semantics of the module API pieces the SDK adds,
// called from C++ exactly as a module calls them: struct mutex (a sleeping
// lock that really blocks, with Linux's owner checks) and <linux/atomic.h>
// (atomic under contention, Linux's return values).
#include <catch2/catch.hpp>

#include <simkernel/kernel.hpp>

#include <linux/atomic.h>
#include <linux/mutex.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

// A kernel booted on a scratch root, its console kept quiet.
struct Booted {
    std::string dir = make_dir();
    std::string console;
    sk::Kernel k;

    Booted() : k(options()) {}
    ~Booted() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    sk::BootOptions options() {
        sk::BootOptions o;
        o.root = dir;
        o.console = [this](std::string_view s) { console.append(s); };
        o.log_to_file = false;
        return o;
    }
    static std::string make_dir() {
        char tmpl[] = "/tmp/sdk-kapi-XXXXXX";
        if (!mkdtemp(tmpl)) std::abort();
        return tmpl;
    }
    bool logged(const std::string& s) const {
        for (const sk::LogRecord& r : k.log.snapshot())
            if (r.text.find(s) != std::string::npos) return true;
        return false;
    }
    bool tainted_warn() const { return k.tainted() & (1UL << sk::TAINT_WARN); }
};

}  // namespace

TEST_CASE("mutex: holders exclude each other") {
    Booted b;
    static DEFINE_MUTEX(lock);
    long counter = 0;  // plain: only the mutex protects it
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 20000; ++i) {
                mutex_lock(&lock);
                counter = counter + 1;
                mutex_unlock(&lock);
            }
        });
    for (auto& t : threads) t.join();
    CHECK(counter == 80000);
    CHECK_FALSE(mutex_is_locked(&lock));
    CHECK_FALSE(b.tainted_warn());
}

TEST_CASE("mutex: a waiter sleeps until the holder unlocks") {
    Booted b;
    struct mutex m;
    mutex_init(&m);
    CHECK(std::string(m.name) == "&m");
    mutex_lock(&m);
    auto start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration waited{};
    std::thread waiter([&] {
        CHECK(mutex_lock_interruptible(&m) == 0);  // no signals: never interrupted
        waited = std::chrono::steady_clock::now() - start;
        mutex_unlock(&m);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(mutex_is_locked(&m));
    mutex_unlock(&m);
    waiter.join();
    CHECK(waited >= std::chrono::milliseconds(90));
    CHECK_FALSE(mutex_is_locked(&m));
}

TEST_CASE("mutex: trylock takes a free lock and fails on a held one") {
    Booted b;
    DEFINE_MUTEX(m);
    CHECK(mutex_trylock(&m) == 1);
    int other = -1;
    std::thread([&] { other = mutex_trylock(&m); }).join();
    CHECK(other == 0);
    mutex_unlock(&m);
    std::thread([&] {
        other = mutex_trylock(&m);
        mutex_unlock(&m);
    }).join();
    CHECK(other == 1);
    CHECK_FALSE(b.tainted_warn());
}

TEST_CASE("mutex: unlock by a task that does not hold it warns and taints W") {
    Booted b;
    DEFINE_MUTEX(m);
    std::thread([&] { mutex_lock(&m); }).join();
    mutex_unlock(&m);
    CHECK(b.logged("DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)"));
    CHECK(b.logged("unlocks mutex m, which another task holds"));
    CHECK(b.tainted_warn());
    CHECK_FALSE(mutex_is_locked(&m));
}

TEST_CASE("mutex: unlocking an unlocked mutex warns") {
    Booted b;
    DEFINE_MUTEX(m);
    mutex_unlock(&m);
    CHECK(b.logged("unlocks mutex m, which is not locked"));
    CHECK(b.tainted_warn());
    CHECK(mutex_trylock(&m) == 1);  // still a working lock
    mutex_unlock(&m);
}

TEST_CASE("atomic_t: Linux's return values") {
    atomic_t v = ATOMIC_INIT(5);
    CHECK(atomic_read(&v) == 5);
    atomic_set(&v, 1);
    CHECK(atomic_inc_return(&v) == 2);
    CHECK(atomic_dec_return(&v) == 1);
    CHECK(atomic_dec_and_test(&v));  // 1 -> 0
    CHECK_FALSE(atomic_inc_and_test(&v));
    CHECK(atomic_fetch_add(3, &v) == 1);
    CHECK(atomic_read(&v) == 4);
    CHECK(atomic_cmpxchg(&v, 4, 10) == 4);  // swapped: returns the old value
    CHECK(atomic_cmpxchg(&v, 4, 20) == 10); // not swapped: returns the current one
    CHECK(atomic_read(&v) == 10);
    CHECK(atomic_xchg(&v, 0) == 10);
    CHECK_FALSE(atomic_inc_not_zero(&v));
    CHECK(atomic_add_unless(&v, 2, 7));
    CHECK(atomic_read(&v) == 2);
    CHECK(atomic_sub_and_test(2, &v));
    CHECK(atomic_add_negative(-1, &v));
    int old = -1;
    CHECK(atomic_try_cmpxchg(&v, &old, 3));  // -1 -> 3
    CHECK(atomic_read(&v) == 3);

    atomic64_t w = ATOMIC64_INIT(1LL << 40);
    atomic64_add(1, &w);
    CHECK(atomic64_read(&w) == (1LL << 40) + 1);
    atomic_long_t l = ATOMIC_LONG_INIT(-1);
    CHECK(atomic_long_inc_return(&l) == 0);

    int plain = 1;
    CHECK(cmpxchg(&plain, 1, 2) == 1);
    CHECK(xchg(&plain, 9) == 2);
    CHECK(plain == 9);
}

TEST_CASE("atomic_t: no lost updates under contention") {
    atomic_t v = ATOMIC_INIT(0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50000; ++i) atomic_inc(&v);
        });
    for (auto& t : threads) t.join();
    CHECK(atomic_read(&v) == 200000);
}
