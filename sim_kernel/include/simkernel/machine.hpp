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
#include <condition_variable>
#include <deque>
#include <thread>
#include <functional>
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

// The PC's first parallel port (LPT1, machine_parport.cpp): three 8-bit
// registers at 0x378 (data), 0x379 (status) and 0x37a (control), as IBM's
// standard parallel port. Its connector carries the wire LDD3's "short"
// asks for, from pin 9 (data bit 7) to pin 10 (nACK): status bit 6 follows
// data bit 7, and with interrupts enabled (control bit 4) a rise of data
// bit 7 raises IRQ 7.
class ParallelPort {
public:
    static constexpr uint16_t kBase = 0x378;
    static constexpr uint16_t kPorts = 3;
    static constexpr unsigned kIrq = 7;

    uint8_t read(uint16_t offset) const;
    // True when the write raised the interrupt line (the caller raises it).
    bool write(uint8_t value, uint16_t offset);

private:
    mutable std::mutex mutex_;
    uint8_t data_ = 0;     // the latch the data lines show
    uint8_t control_ = 0;  // as written: bit 4 IRQ enable, bit 5 data lines are input
};

// One device's ports on the I/O bus: reads and writes at [first, first + count).
struct PortDevice {
    uint16_t first;
    uint16_t count;
    std::function<uint8_t(uint16_t offset)> in;
    std::function<void(uint8_t value, uint16_t offset)> out;
};

class Machine {
public:
    explicit Machine(IrqTable& irqs);
    ~Machine();
    Machine(const Machine&) = delete;
    Machine& operator=(const Machine&) = delete;
    // Type text: one byte, one interrupt. Returns the bytes some driver took.
    size_t type_keys(const std::string& text);
    // A port no device answers reads 0xff (the bus floats high); a write to
    // it goes nowhere, as on a PC.
    uint8_t inb(uint16_t port);
    void outb(uint8_t value, uint16_t port);
    KeyboardController& keyboard() { return keyboard_; }
    ParallelPort& parport() { return parport_; }

private:
    const PortDevice* device_at(uint16_t port) const;
    void raise_edge(unsigned irq);  // queues it for the interrupt thread
    void deliver_edges();           // the interrupt thread

    IrqTable& irqs_;
    KeyboardController keyboard_;
    ParallelPort parport_;
    std::vector<PortDevice> bus_;  // the port map, in plain sight in the constructor
    std::mutex edges_mutex_;
    std::condition_variable edge_came_;
    std::deque<unsigned> edges_;  // interrupts raised by devices, not yet delivered
    bool stopping_ = false;
    std::thread interrupts_;  // last: started once the rest is ready
};

}  // namespace sk
