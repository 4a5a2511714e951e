// machine.cpp - interrupt lines and the keyboard controller
// (kernel/irq/manage.c and the PC's i8042, much reduced).
#include <simkernel/kernel.hpp>
#include <simkernel/machine.hpp>

#include <algorithm>

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
    for (const IrqAction& a : lines_[irq])
        if (a.handler(static_cast<int>(irq), a.dev_id) == IRQ_HANDLED) ++handled;
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

uint8_t Machine::inb(uint16_t port) {
    switch (port) {
    case KeyboardController::kDataPort: return keyboard_.read_data();
    case KeyboardController::kStatusPort: return keyboard_.status();
    default: return 0xff;  // nothing on the bus answers
    }
}

void Machine::outb(uint8_t /*value*/, uint16_t /*port*/) {}

}  // namespace sk

// ---- the module API ----

extern "C" int sk_request_irq(struct module* owner, unsigned int irq, irq_handler_t handler,
                              unsigned long flags, const char* name, void* dev_id) {
    return sk::kernel().irqs.request(
        irq, sk::IrqAction{handler, dev_id, name ? name : "", flags, sk::module_of(owner)});
}

extern "C" const void* free_irq(unsigned int irq, void* dev_id) {
    if (!sk::kernel().irqs.free(irq, dev_id))
        printk(KERN_WARNING "Trying to free already-free IRQ %u\n", irq);
    return nullptr;
}

extern "C" unsigned char inb(unsigned short port) { return sk::kernel().machine.inb(port); }
extern "C" void outb(unsigned char value, unsigned short port) { sk::kernel().machine.outb(value, port); }
