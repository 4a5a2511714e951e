// softirq_machine_tests.cpp - tasklets (kernel/softirq.cpp) and the
// simulated machine's ports (the parallel port, /proc/ioports), called
// through the module API as built-in code calls them (THIS_MODULE is NULL).
#include "support.hpp"

#include <simkernel/kernel.hpp>

#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/slab.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using skt::TestKernel;

namespace {

template <class F>
bool eventually(F cond) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (std::chrono::steady_clock::now() < until) {
        if (cond()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return cond();
}

std::mutex order_mutex;
std::vector<std::string> order;
void note(const char* what) {
    std::lock_guard g(order_mutex);
    order.push_back(what);
}

struct Counted {
    struct tasklet_struct t;
    std::atomic<int> runs{0};
    std::atomic<int> spin_ms{0};
};

void counted_fn(struct tasklet_struct* t) {
    Counted* c = from_tasklet(c, t, t);
    std::this_thread::sleep_for(std::chrono::milliseconds(c->spin_ms.load()));
    c->runs++;
}

}  // namespace

TEST_CASE("tasklets: a tasklet runs once however often it was scheduled before it ran", "[softirq][tasklet]") {
    TestKernel tk;
    Counted c;
    tasklet_setup(&c.t, counted_fn);
    tasklet_disable(&c.t);
    tasklet_schedule(&c.t);
    tasklet_schedule(&c.t);
    tasklet_hi_schedule(&c.t);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(c.runs == 0);  // disabled: it waits
    CHECK(test_bit(TASKLET_STATE_SCHED, &c.t.state));
    tasklet_enable(&c.t);
    REQUIRE(eventually([&] { return c.runs.load() == 1; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(c.runs == 1);
    tasklet_kill(&c.t);
}

TEST_CASE("tasklets: high-priority ones run first, and the data of tasklet_init is passed", "[softirq][tasklet]") {
    TestKernel tk;
    order.clear();
    static struct tasklet_struct gate, normal, hi;
    static std::atomic<unsigned long> seen{0};
    tasklet_init(&normal, [](unsigned long data) { seen = data; note("normal"); }, 42);
    tasklet_setup(&hi, [](struct tasklet_struct*) { note("hi"); });
    // Scheduled from inside a tasklet, both wait for it to return: the order
    // is the queues', not the scheduling's.
    tasklet_setup(&gate, [](struct tasklet_struct*) {
        tasklet_schedule(&normal);
        tasklet_hi_schedule(&hi);
    });
    tasklet_schedule(&gate);
    REQUIRE(eventually([] { std::lock_guard g(order_mutex); return order.size() == 2; }));
    CHECK(order == std::vector<std::string>{"hi", "normal"});
    CHECK(seen == 42);
    tasklet_kill(&gate);
    tasklet_kill(&normal);
    tasklet_kill(&hi);
}

TEST_CASE("tasklets: tasklet_kill waits for the function, and tasklet_disable for it to return",
          "[softirq][tasklet]") {
    TestKernel tk;
    Counted c;
    tasklet_setup(&c.t, counted_fn);
    c.spin_ms = 80;
    tasklet_schedule(&c.t);
    tasklet_kill(&c.t);  // scheduled: runs first, then kill returns
    CHECK(c.runs == 1);

    tasklet_schedule(&c.t);
    REQUIRE(eventually([&] { return test_bit(TASKLET_STATE_RUN, &c.t.state); }));
    tasklet_disable(&c.t);
    CHECK(c.runs == 2);
    tasklet_enable(&c.t);
}

TEST_CASE("tasklets: killing a disabled, scheduled tasklet is said, and does not hang", "[softirq][tasklet]") {
    TestKernel tk;
    Counted c;
    tasklet_setup(&c.t, counted_fn);
    tasklet_disable_nosync(&c.t);
    tasklet_schedule(&c.t);
    tasklet_kill(&c.t);
    CHECK(tk.log_contains("tasklet_kill() of a disabled tasklet that is scheduled"));
    CHECK_FALSE(test_bit(TASKLET_STATE_SCHED, &c.t.state));
    tasklet_enable(&c.t);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(c.runs == 0);
    tasklet_enable(&c.t);  // one enable too many
    CHECK(tk.log_contains("tasklet_enable() of a tasklet that was not disabled"));
}

TEST_CASE("tasklets: a tasklet that sleeps is in softirq context, and told so", "[softirq][tasklet]") {
    TestKernel tk;
    static std::atomic<int> in_irq{-1};
    static struct tasklet_struct t;
    static DECLARE_WAIT_QUEUE_HEAD(q);
    tasklet_setup(&t, [](struct tasklet_struct*) {
        in_irq = in_interrupt() ? 1 : 0;
        wait_event_timeout(q, false, 1);
    });
    tasklet_schedule(&t);
    REQUIRE(eventually([] { return in_irq.load() != -1; }));
    tasklet_kill(&t);
    CHECK(in_irq == 1);
    CHECK(tk.log_contains("BUG: scheduling while atomic: a tasklet tried to sleep"));
}

TEST_CASE("tasklets: kfree of a scheduled tasklet is reported and it never runs", "[softirq][tasklet]") {
    TestKernel tk;
    static std::atomic<int> ran{0};
    auto* t = static_cast<struct tasklet_struct*>(kmalloc(sizeof(struct tasklet_struct), GFP_KERNEL));
    tasklet_setup(t, [](struct tasklet_struct*) { ran++; });
    tasklet_disable_nosync(t);
    tasklet_schedule(t);
    kfree(t);
    CHECK(tk.log_contains("ODEBUG: free active object type: tasklet_struct"));
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    CHECK(ran == 0);
}

TEST_CASE("machine: the parallel port's data port reads back, an empty port reads 0xff", "[machine][parport]") {
    TestKernel tk;
    outb(0x5a, 0x378);
    CHECK(inb(0x378) == 0x5a);
    CHECK((inb(0x379) & 0x40) == 0);  // nACK follows data bit 7
    outb(0x80, 0x378);
    CHECK((inb(0x379) & 0x40) == 0x40);
    outb(0x20, 0x37a);                // data lines as inputs: nothing drives them
    CHECK(inb(0x37a) == 0x20);
    CHECK(inb(0x378) == 0xff);
    outb(0x00, 0x37a);
    CHECK(inb(0x278) == 0xff);        // no LPT2
    outw(0x1234, 0x378);              // 8-bit device: one byte per port
    CHECK(inb(0x378) == 0x34);
    CHECK(inw(0x378) == ((inb(0x379) << 8) | 0x34));
    CHECK(inl(0x3f0) == 0xffffffffu);
}

TEST_CASE("machine: with interrupts enabled, each rise of data bit 7 raises IRQ 7", "[machine][parport]") {
    TestKernel tk;
    static std::atomic<int> irqs{0};
    REQUIRE(request_irq(7, [](int, void*) { irqs++; return IRQ_HANDLED; }, 0, "test", &irqs) == 0);
    outb(0x00, 0x378);
    outb(0xff, 0x378);  // interrupts off: no IRQ
    outb(0x10, 0x37a);
    for (int i = 0; i < 5; ++i) {
        outb(0x00, 0x378);
        outb(0x80, 0x378);
        outb(0x81, 0x378);  // stays high: no edge
    }
    REQUIRE(eventually([] { return irqs.load() == 5; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(irqs == 5);
    outb(0x00, 0x37a);
    free_irq(7, &irqs);
}

TEST_CASE("ioports: /proc/ioports lists the claims, hidden from users, and bad releases are said",
          "[machine][ioport]") {
    TestKernel tk;
    REQUIRE(request_region(0x378, 3, "lp") != nullptr);
    CHECK(request_region(0x37a, 1, "other") == nullptr);
    CHECK(tk->ioports.show(true) == "0060-0060 : keyboard\n0064-0064 : keyboard\n0378-037a : lp\n");
    CHECK(tk->ioports.show(false) == "0000-0000 : keyboard\n0000-0000 : keyboard\n0000-0000 : lp\n");
    release_region(0x378, 2);
    CHECK(tk.log_contains("Trying to free nonexistent resource <0x0000000000000378-0x0000000000000379>"));
    release_region(0x378, 3);
    CHECK(tk->ioports.show(true) == "0060-0060 : keyboard\n0064-0064 : keyboard\n");
}
