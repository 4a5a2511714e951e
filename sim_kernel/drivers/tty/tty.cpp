// tty.cpp - the controlling terminal of a task, as much of it as modules
// use (drivers/tty/tty_io.c, tty_jobctrl.c).
//
// simkernel has one terminal: the shell's, which is also the console. Every
// user task has it as its controlling tty; kernel threads have none, as on
// Linux. Its driver's write puts bytes on the console (sk_console_write).
#include <simkernel/kernel.hpp>

#include <linux/console.h>
#include <linux/tty.h>
#include <simkernel/export.hpp>

namespace sk {
namespace {

int console_tty_write(struct tty_struct*, const unsigned char* buf, int count) {
    if (!buf || count <= 0) return 0;
    sk_console_write(reinterpret_cast<const char*>(buf), static_cast<size_t>(count));
    return count;
}

int console_tty_put_char(struct tty_struct* tty, unsigned char ch) { return console_tty_write(tty, &ch, 1); }

void console_tty_flush_chars(struct tty_struct*) {}  // every write is on the console already

unsigned int console_tty_write_room(struct tty_struct*) { return 4096; }  // never full

const struct tty_operations console_tty_ops = {
    .write = console_tty_write,
    .put_char = console_tty_put_char,
    .flush_chars = console_tty_flush_chars,
    .write_room = console_tty_write_room,
};

struct tty_driver console_tty_driver = {
    .driver_name = "console",
    .name = "console",
    .major = 5,  // TTYAUX_MAJOR: /dev/console is 5,1
    .minor_start = 1,
    .ops = &console_tty_ops,
};

struct tty_struct console_tty = {
    .driver = &console_tty_driver,
    .ops = &console_tty_ops,
    .index = 0,
    .name = "console",
};

}  // namespace
}  // namespace sk

extern "C" struct tty_struct* get_current_tty(void) {
    sk::Task* t = sk::current_task();
    if (!t || t->kthread) return nullptr;  // kernel threads have no terminal
    return &sk::console_tty;
}
EXPORT_SYMBOL_GPL(get_current_tty);

// The console's tty lives as long as the kernel: there is no count to drop.
extern "C" void tty_kref_put(struct tty_struct*) {}
EXPORT_SYMBOL(tty_kref_put);

extern "C" const char* tty_name(const struct tty_struct* tty) { return tty ? tty->name : "NULL tty"; }
EXPORT_SYMBOL(tty_name);

extern "C" unsigned int tty_write_room(struct tty_struct* tty) {
    return tty && tty->ops && tty->ops->write_room ? tty->ops->write_room(tty) : 0;
}
EXPORT_SYMBOL(tty_write_room);
