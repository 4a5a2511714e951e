// forced_removal_tests.cpp - rmmod -f while tasks sleep inside the module
// (issue 17). On Linux the module's code is freed under the sleepers and the
// kernel crashes when they wake; here each sleeper is interrupted and gets
// EINTR, its file then fails with ENODEV, and the code stays mapped until
// the last one has left (module_calls.hpp). The TSan and ASan builds run
// this too (scripts/test).
#include "support.hpp"

#include <simkernel/loader.hpp>
#include <simkernel/module_calls.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

using skt::TestKernel;
namespace user = sk::user;
using Clock = std::chrono::steady_clock;

namespace {

// What one sleeper saw, in order; checked by the main thread.
struct Sleeper {
    sk::Task* task = nullptr;
    std::atomic<long> first{1}, second{1}, closed{1};
};

// Sleeps in read (or write): the call is interrupted by rmmod -f, and the
// next one finds the driver gone.
void sleep_in_io(Sleeper& s, bool write) {
    user::bind_thread(s.task);
    long fd = user::open("/dev/test_sleeper", write ? O_WRONLY : O_RDONLY);
    if (fd < 0) {
        s.first = fd;
        user::bind_thread(nullptr);
        return;
    }
    char buf[8] = "x";
    auto io = [&] { return write ? user::write(static_cast<int>(fd), buf, 1) : user::read(static_cast<int>(fd), buf, 1); };
    s.first = io();
    s.second = io();
    s.closed = user::close(static_cast<int>(fd));
    user::bind_thread(nullptr);
}

void sleep_in_open(Sleeper& s) {
    user::bind_thread(s.task);
    long fd = user::open("/dev/test_sleeper_open", O_RDONLY);
    s.first = fd;
    if (fd >= 0) user::close(static_cast<int>(fd));
    user::bind_thread(nullptr);
}

int sleepers_inside() {
    std::string text;
    if (user::read_file("/sys/module/test_sleeper/parameters/sleepers", &text) < 0) return -1;
    return std::stoi(text);
}

}  // namespace

TEST_CASE("rmmod -f: sleepers in open, read and write are woken with EINTR, 200 times", "[forced_removal]") {
    TestKernel tk;
    const std::vector<char> image = skt::module_image("test_sleeper");
    std::string before = skt::kernel_state(tk.k());
    int cycles = 0;
    for (; cycles < 200; ++cycles) {
        REQUIRE(skt::insmod(image) == 0);
        sk::Module* m = tk->modules.find("test_sleeper");
        REQUIRE(m);
        Sleeper reader, writer, opener;
        for (Sleeper* s : {&reader, &writer, &opener}) s->task = tk->tasks.spawn(tk.root_task, "sleeper", 1000, 1000);
        std::thread tr(sleep_in_io, std::ref(reader), false);
        std::thread tw(sleep_in_io, std::ref(writer), true);
        std::thread to(sleep_in_open, std::ref(opener));
        auto deadline = Clock::now() + std::chrono::seconds(10);
        while (sleepers_inside() != 3 && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::microseconds(200));
        REQUIRE(sleepers_inside() == 3);

        auto start = Clock::now();
        long r = skt::rmmod("test_sleeper", sk::kUnloadForce);
        auto took = Clock::now() - start;
        tr.join();
        tw.join();
        to.join();
        REQUIRE(r == 0);
        // Interrupted, not left to the 2 s grace period.
        REQUIRE(took < std::chrono::milliseconds(1500));
        REQUIRE(reader.first == -EINTR);
        REQUIRE(reader.second == -ENODEV);
        REQUIRE(reader.closed == 0);
        REQUIRE(writer.first == -EINTR);
        REQUIRE(writer.second == -ENODEV);
        REQUIRE(writer.closed == 0);
        REQUIRE(opener.first == -EINTR);
        // Every sleeper has left: the code is unmapped, the record retired.
        REQUIRE(tk->modules.find("test_sleeper") == nullptr);
        REQUIRE(m->library == nullptr);
        for (Sleeper* s : {&reader, &writer, &opener}) tk->tasks.exit(s->task);
    }
    CHECK(cycles == 200);
    CHECK(tk.log_contains("test_sleeper: removed with 3 tasks inside its code; the kernel interrupted them"));
    CHECK((tk->tainted() & (1UL << sk::TAINT_FORCED_RMMOD)) != 0);
    // Nothing left behind: devices, regions, memory, files.
    CHECK(skt::kernel_state(tk.k()) == before);
}

TEST_CASE("rmmod -f: a sleeper that is not interrupted keeps the code mapped until it leaves", "[forced_removal]") {
    TestKernel tk;
    REQUIRE(skt::insmod("test_sleeper") == 0);
    sk::Module* m = tk->modules.find("test_sleeper");
    REQUIRE(m);
    // A call the kernel counts as inside the module (as a driver sleeping
    // uninterruptibly would be): entered, not yet left, on a file that holds
    // a reference to the module.
    sk::Task* inside = tk->tasks.spawn(tk.root_task, "inside", 0, 0);
    std::atomic<bool> entered{false}, release{false};
    REQUIRE(sk::module_get(m));
    std::thread t([&] {
        sk::set_current_task(inside);
        sk::module_call_enter(m);
        entered = true;
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        sk::module_call_leave(m);
        sk::set_current_task(nullptr);
    });
    while (!entered) std::this_thread::yield();
    REQUIRE(skt::rmmod("test_sleeper") == -EWOULDBLOCK);  // in use: plain rmmod refuses
    REQUIRE(skt::rmmod("test_sleeper", sk::kUnloadForce) == 0);
    CHECK(tk->modules.find("test_sleeper") == nullptr);
    CHECK(m->library != nullptr);  // still mapped: a task is inside
    CHECK(tk.log_contains("test_sleeper: a task still runs in its code; its memory is freed when the last one leaves"));
    release = true;
    t.join();
    CHECK(m->library == nullptr);
    CHECK(tk.log_contains("test_sleeper: the last task left its code; its memory is freed"));
}
