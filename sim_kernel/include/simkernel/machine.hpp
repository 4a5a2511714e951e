// machine.hpp - the simulated hardware and its interrupt lines.
//
// The kernel does not own the hardware: the shell's `keypress` command is
// the user's fingers on the keys. A key press puts a byte in the keyboard
// controller (ports 0x60/0x64, as the PC's i8042) and raises IRQ 1; the
// handlers drivers registered with request_irq() run and read the port.
#pragma once

#include <simkernel/kapi.h>

#include <array>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace sk {

struct Module;

struct IrqAction {
    irq_handler_t handler;
    void* dev_id;
    std::string name;
    unsigned long flags;
    Module* owner;
};

class IrqTable {
public:
    static constexpr unsigned kNrIrqs = 16;

    int request(unsigned irq, IrqAction action);
    bool free(unsigned irq, void* dev_id);
    // Calls each handler on the line; returns how many said IRQ_HANDLED.
    int raise(unsigned irq);
    std::vector<std::pair<unsigned, IrqAction>> all() const;
    std::vector<std::pair<unsigned, IrqAction>> release_owned_by(const Module* owner);

private:
    mutable std::mutex mutex_;  // held while handlers run: one interrupt at a time
    std::array<std::vector<IrqAction>, kNrIrqs> lines_;
};

class KeyboardController {
public:
    static constexpr uint16_t kDataPort = 0x60;
    static constexpr uint16_t kStatusPort = 0x64;
    static constexpr unsigned kIrq = 1;
    static constexpr size_t kFifo = 16;  // bytes the controller can hold

    bool push(uint8_t byte);  // false: the FIFO is full, the key is lost
    uint8_t status() const;   // bit 0: a byte is waiting
    uint8_t read_data();      // 0 when empty

private:
    mutable std::mutex mutex_;
    std::deque<uint8_t> fifo_;
};

class Machine {
public:
    explicit Machine(IrqTable& irqs) : irqs_(irqs) {}
    // Type text: one byte, one interrupt. Returns the bytes some driver took.
    size_t type_keys(const std::string& text);
    uint8_t inb(uint16_t port);
    void outb(uint8_t value, uint16_t port);
    KeyboardController& keyboard() { return keyboard_; }

private:
    IrqTable& irqs_;
    KeyboardController keyboard_;
};

}  // namespace sk
