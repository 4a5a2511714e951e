// machine_parport.cpp - the simulated PC's parallel port, the hardware that
// Linux's drivers/parport/parport_pc.c drives (here: what a driver's inb and
// outb meet at 0x378-0x37a).
//
//   0x378 data     read: the byte last written (with control bit 5 set the
//                  lines are inputs, and nothing drives them: 0xff)
//   0x379 status   read only: 0x80 not busy, 0x40 nACK (= data bit 7 through
//                  the short's wire), 0x10 selected, 0x08 no error
//   0x37a control  read: as written
#include <simkernel/machine.hpp>

namespace sk {

namespace {
constexpr uint16_t kData = 0, kStatus = 1, kControl = 2;
constexpr uint8_t kIrqEnable = 0x10, kInput = 0x20;
constexpr uint8_t kNotBusy = 0x80, kAck = 0x40, kSelected = 0x10, kNoError = 0x08;
}  // namespace

uint8_t ParallelPort::read(uint16_t offset) const {
    std::lock_guard lock(mutex_);
    if (offset == kData) return (control_ & kInput) ? 0xff : data_;
    if (offset == kStatus) return kNotBusy | kSelected | kNoError | ((data_ & 0x80) ? kAck : 0);
    return control_;
}

bool ParallelPort::write(uint8_t value, uint16_t offset) {
    std::lock_guard lock(mutex_);
    if (offset == kStatus) return false;  // read-only: the write goes nowhere
    if (offset == kControl) {
        control_ = value;
        return false;
    }
    bool rises = !(data_ & 0x80) && (value & 0x80);  // the wire raises nACK
    data_ = value;
    return rises && (control_ & kIrqEnable);
}

}  // namespace sk
