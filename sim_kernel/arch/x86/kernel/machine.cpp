// machine.cpp - interrupt lines and the keyboard controller
// (kernel/irq/manage.c and the PC's i8042, much reduced).
#include <simkernel/kernel.hpp>
#include <simkernel/fault_inject.hpp>
#include <simkernel/lockdep.hpp>
#include <simkernel/oops.hpp>
#include <simkernel/machine.hpp>
#include <simkernel/host_thread.hpp>

#include <algorithm>
#include <simkernel/export.hpp>

namespace sk {

int IrqTable::request(unsigned irq, IrqAction action) {
    if (irq >= kNrIrqs || !action.handler) return -EINVAL;
    std::lock_guard lock(mutex_);
    auto& line = lines_[irq];
    // A line is shared only if everyone on it says so (IRQF_SHARED).
    if (!line.empty() && (!(action.flags & IRQF_SHARED) || !(line.front().flags & IRQF_SHARED)))
        return -EBUSY;
    line.push_back(std::move(action));
    return 0;
}

bool IrqTable::free(unsigned irq, void* dev_id) {
    if (irq >= kNrIrqs) return false;
    std::lock_guard lock(mutex_);
    auto& line = lines_[irq];
    auto it = std::find_if(line.begin(), line.end(),
                           [dev_id](const IrqAction& a) { return a.dev_id == dev_id; });
    if (it == line.end()) return false;
    line.erase(it);
    return true;
}

int IrqTable::raise(unsigned irq) {
    if (irq >= kNrIrqs) return 0;
    std::lock_guard lock(mutex_);
    int handled = 0;
    for (const IrqAction& a : lines_[irq]) {
        irqreturn_t ret = IRQ_NONE;
        HardirqScope hardirq;  // might_sleep(): an interrupt handler must not sleep
        run_trapped(OopsContext::Interrupt, [&] { ret = a.handler(static_cast<int>(irq), a.dev_id); });
        if (ret == IRQ_HANDLED) ++handled;
    }
    return handled;
}

std::vector<std::pair<unsigned, IrqAction>> IrqTable::all() const {
    std::lock_guard lock(mutex_);
    std::vector<std::pair<unsigned, IrqAction>> out;
    for (unsigned i = 0; i < kNrIrqs; ++i)
        for (const IrqAction& a : lines_[i]) out.emplace_back(i, a);
    return out;
}

std::vector<std::pair<unsigned, IrqAction>> IrqTable::release_owned_by(const Module* owner) {
    std::lock_guard lock(mutex_);
    std::vector<std::pair<unsigned, IrqAction>> removed;
    for (unsigned i = 0; i < kNrIrqs; ++i) {
        std::erase_if(lines_[i], [&](const IrqAction& a) {
            if (a.owner != owner) return false;
            removed.emplace_back(i, a);
            return true;
        });
    }
    return removed;
}

bool KeyboardController::push(uint8_t byte) {
    std::lock_guard lock(mutex_);
    if (fifo_.size() >= kFifo) return false;
    fifo_.push_back(byte);
    return true;
}

uint8_t KeyboardController::status() const {
    std::lock_guard lock(mutex_);
    return fifo_.empty() ? 0 : 1;
}

uint8_t KeyboardController::read_data() {
    std::lock_guard lock(mutex_);
    if (fifo_.empty()) return 0;
    uint8_t b = fifo_.front();
    fifo_.pop_front();
    return b;
}

size_t Machine::type_keys(const std::string& text) {
    size_t taken = 0;
    for (unsigned char c : text) {
        if (!keyboard_.push(c)) break;  // no one is reading: the FIFO overflowed
        irqs_.raise(KeyboardController::kIrq);
        if (!keyboard_.status()) ++taken;  // a handler emptied the data port
    }
    return taken;
}

// The port map: which device answers which port.
Machine::Machine(IrqTable& irqs) : irqs_(irqs) {
    auto ignore = [](uint8_t, uint16_t) {};
    bus_ = {
        {KeyboardController::kDataPort, 1, [this](uint16_t) { return keyboard_.read_data(); }, ignore},
        {KeyboardController::kStatusPort, 1, [this](uint16_t) { return keyboard_.status(); }, ignore},
        {ParallelPort::kBase, ParallelPort::kPorts, [this](uint16_t off) { return parport_.read(off); },
         [this](uint8_t v, uint16_t off) {
             if (parport_.write(v, off)) raise_edge(ParallelPort::kIrq);
         }},
    };
    interrupts_ = start_kernel_thread([this] { deliver_edges(); });
}

// A device's interrupt comes on the interrupt thread, as from another CPU:
// never in the middle of the code whose outb caused it (which may hold a
// spinlock its handler takes), and in order, one handler run per edge.
void Machine::raise_edge(unsigned irq) {
    {
        std::lock_guard lock(edges_mutex_);
        edges_.push_back(irq);
    }
    edge_came_.notify_one();
}

void Machine::deliver_edges() {
    std::unique_lock lock(edges_mutex_);
    for (;;) {
        edge_came_.wait(lock, [&] { return stopping_ || !edges_.empty(); });
        if (stopping_) return;
        unsigned irq = edges_.front();
        edges_.pop_front();
        lock.unlock();
        irqs_.raise(irq);
        lock.lock();
    }
}

Machine::~Machine() {
    {
        std::lock_guard lock(edges_mutex_);
        stopping_ = true;
    }
    edge_came_.notify_one();
    if (interrupts_.joinable()) interrupts_.join();
}

const PortDevice* Machine::device_at(uint16_t port) const {
    for (const PortDevice& d : bus_)
        if (port >= d.first && port - d.first < d.count) return &d;
    return nullptr;
}

uint8_t Machine::inb(uint16_t port) {
    const PortDevice* d = device_at(port);
    return d ? d->in(static_cast<uint16_t>(port - d->first)) : 0xff;  // nothing answers: the bus floats high
}

void Machine::outb(uint8_t value, uint16_t port) {
    if (const PortDevice* d = device_at(port)) d->out(value, static_cast<uint16_t>(port - d->first));
}

}  // namespace sk

// ---- the module API ----

extern "C" int sk_request_irq(struct module* owner, unsigned int irq, irq_handler_t handler,
                              unsigned long flags, const char* name, void* dev_id) {
    if (sk::should_fail("request_irq", 0, reinterpret_cast<uintptr_t>(__builtin_return_address(0)))) return -ENOMEM;  // fault injection
    return sk::kernel().irqs.request(
        irq, sk::IrqAction{handler, dev_id, name ? name : "", flags, sk::module_of(owner)});
}
EXPORT_SYMBOL(sk_request_irq);

extern "C" const void* free_irq(unsigned int irq, void* dev_id) {
    if (!sk::kernel().irqs.free(irq, dev_id))
        printk(KERN_WARNING "Trying to free already-free IRQ %u\n", irq);
    return nullptr;
}
EXPORT_SYMBOL(free_irq);

extern "C" unsigned char inb(unsigned short port) { return sk::kernel().machine.inb(port); }
EXPORT_SYMBOL(inb);
extern "C" void outb(unsigned char value, unsigned short port) { sk::kernel().machine.outb(value, port); }
EXPORT_SYMBOL(outb);
// The PC's devices are 8 bits wide: a wider access is one byte per port,
// the lowest first (little-endian), as the ISA bus splits it.
extern "C" unsigned short inw(unsigned short port) {
    return static_cast<unsigned short>(inb(port) | inb(static_cast<unsigned short>(port + 1)) << 8);
}
EXPORT_SYMBOL(inw);
extern "C" void outw(unsigned short value, unsigned short port) {
    outb(static_cast<unsigned char>(value), port);
    outb(static_cast<unsigned char>(value >> 8), static_cast<unsigned short>(port + 1));
}
EXPORT_SYMBOL(outw);
extern "C" unsigned int inl(unsigned short port) {
    return inw(port) | static_cast<unsigned int>(inw(static_cast<unsigned short>(port + 2))) << 16;
}
EXPORT_SYMBOL(inl);
extern "C" void outl(unsigned int value, unsigned short port) {
    outw(static_cast<unsigned short>(value), port);
    outw(static_cast<unsigned short>(value >> 16), static_cast<unsigned short>(port + 2));
}
EXPORT_SYMBOL(outl);
