// ksyms_exports.cpp - EXPORT_SYMBOL for the kernel itself: every function
// and variable a module may call or use. A module whose undefined symbols
// are not all here (or exported by a loaded module) is refused with
// "Unknown symbol": it cannot reach the host's C library behind our back.
#include <simkernel/kapi.h>
#include <simkernel/ksyms.hpp>

#include <asm/syscall.h>
#include <linux/console.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

// Bodies live in the C library; the kernel exports them under Linux's names.
#define EXPORT(sym)     {#sym, reinterpret_cast<const void*>(&sym), false}
#define EXPORT_GPL(sym) {#sym, reinterpret_cast<const void*>(&sym), true}
// C++ overloads strchr and friends; the non-const one is the C symbol.
#define EXPORT_OVERLOADED(sym, type) {#sym, reinterpret_cast<const void*>(static_cast<type>(&sym)), false}

namespace sk {

const std::vector<KernelExport>& kernel_exports() {
    static const std::vector<KernelExport> exports = {
        // kernel/printk
        EXPORT(printk), EXPORT(vprintk),
        // lib/string.c, lib/vsprintf.c
        EXPORT(memcpy), EXPORT(memmove), EXPORT(memset), EXPORT(memcmp),
        EXPORT_OVERLOADED(memchr, void* (*)(void*, int, size_t)),
        EXPORT(strlen), EXPORT(strnlen), EXPORT(strcmp), EXPORT(strncmp), EXPORT(strcpy),
        EXPORT(strncpy), EXPORT(strcat), EXPORT(strncat),
        EXPORT_OVERLOADED(strchr, char* (*)(char*, int)),
        EXPORT_OVERLOADED(strrchr, char* (*)(char*, int)),
        EXPORT_OVERLOADED(strstr, char* (*)(char*, const char*)), EXPORT(snprintf), EXPORT(sprintf), EXPORT(vsnprintf),
        EXPORT(scnprintf), EXPORT(strscpy),
        EXPORT(kstrtol), EXPORT(kstrtoul), EXPORT(kstrtoint), EXPORT(kstrtouint),
        EXPORT(kstrtobool),
        // mm/slab
        EXPORT(sk_kmalloc), EXPORT(sk_krealloc), EXPORT(kfree), EXPORT(ksize),
        // arch/x86/lib/usercopy
        EXPORT(copy_to_user), EXPORT(copy_from_user), EXPORT(clear_user),
        EXPORT(strncpy_from_user),
        // fs/char_dev.c, fs/read_write.c, fs/open.c
        EXPORT(sk_register_chrdev), EXPORT(__unregister_chrdev),
        EXPORT(sk_register_chrdev_region), EXPORT(sk_alloc_chrdev_region),
        EXPORT(unregister_chrdev_region), EXPORT(cdev_init), EXPORT(sk_cdev_alloc),
        EXPORT(sk_cdev_add), EXPORT(cdev_del), EXPORT(sk_misc_register), EXPORT(misc_deregister),
        // fs/proc, fs/seq_file.c
        EXPORT(sk_proc_create_data), EXPORT(sk_proc_mkdir), EXPORT(proc_remove),
        EXPORT(remove_proc_entry), EXPORT(pde_data), EXPORT(seq_open), EXPORT(seq_read),
        EXPORT(seq_lseek), EXPORT(seq_release), EXPORT(seq_printf), EXPORT(seq_vprintf),
        EXPORT(seq_puts), EXPORT(seq_putc), EXPORT(seq_write), EXPORT(single_open),
        EXPORT(single_release),
        // kernel/sched: sleeping, waking, signals
        EXPORT(get_current), EXPORT(set_current_state_fn), EXPORT(schedule),
        EXPORT(schedule_timeout), EXPORT(schedule_timeout_interruptible), EXPORT(signal_pending),
        EXPORT(fatal_signal_pending), EXPORT(wake_up_process), EXPORT(yield),
        EXPORT(schedule_timeout_uninterruptible),
        EXPORT(init_wait_entry), EXPORT(prepare_to_wait_event), EXPORT(finish_wait), EXPORT(__wake_up),
        // kernel/sched/completion.c
        EXPORT(complete), EXPORT(complete_all), EXPORT(wait_for_completion),
        EXPORT(wait_for_completion_interruptible), EXPORT(wait_for_completion_killable),
        EXPORT(wait_for_completion_timeout), EXPORT(wait_for_completion_interruptible_timeout),
        EXPORT(try_wait_for_completion), EXPORT(completion_done),
        // kernel/time: jiffies, delays, timers
        EXPORT(get_jiffies_64), EXPORT(msleep), EXPORT(msleep_interruptible), EXPORT(usleep_range),
        EXPORT(ndelay), EXPORT(sk_timer_init), EXPORT(mod_timer), EXPORT(add_timer), EXPORT(del_timer),
        EXPORT(del_timer_sync), EXPORT(timer_shutdown_sync), EXPORT(timer_pending),
        // kernel/kthread.c
        EXPORT(sk_kthread_create), EXPORT(kthread_stop), EXPORT(kthread_should_stop),
        // kernel/workqueue.c
        EXPORT(system_wq), EXPORT(delayed_work_timer_fn), EXPORT_GPL(sk_alloc_workqueue),
        EXPORT_GPL(destroy_workqueue), EXPORT(flush_workqueue), EXPORT(queue_work), EXPORT(queue_delayed_work),
        EXPORT(mod_delayed_work), EXPORT(flush_work), EXPORT(flush_delayed_work), EXPORT(cancel_work),
        EXPORT(cancel_work_sync), EXPORT(cancel_delayed_work), EXPORT(cancel_delayed_work_sync),
        EXPORT(work_pending),
        EXPORT(no_llseek), EXPORT(noop_llseek), EXPORT(default_llseek),
        EXPORT(fixed_size_llseek), EXPORT(nonseekable_open), EXPORT(stream_open),
        // drivers/base
        EXPORT_GPL(sk_class_create), EXPORT_GPL(class_destroy), EXPORT_GPL(sk_device_create),
        EXPORT_GPL(device_destroy), EXPORT_GPL(dev_get_drvdata), EXPORT(dev_name),
        EXPORT_GPL(device_create_file), EXPORT_GPL(device_remove_file), EXPORT_GPL(sysfs_emit),
        // kernel/printk: the console, for /dev/console's driver
        EXPORT(sk_console_write),
        // kernel/irq, arch/x86 port I/O
        EXPORT(sk_request_irq), EXPORT(free_irq), EXPORT(inb), EXPORT(outb),
        // kernel/module
        EXPORT(try_module_get), EXPORT(module_put), EXPORT(__module_get),
        // kernel/params.c
        EXPORT(param_ops_byte), EXPORT(param_ops_short), EXPORT(param_ops_ushort),
        EXPORT(param_ops_int), EXPORT(param_ops_uint), EXPORT(param_ops_long),
        EXPORT(param_ops_ulong), EXPORT(param_ops_ullong), EXPORT(param_ops_hexint),
        EXPORT(param_ops_charp), EXPORT(param_ops_bool), EXPORT(param_ops_invbool),
        EXPORT(param_ops_string), EXPORT(param_array_ops),
        EXPORT(param_set_byte), EXPORT(param_get_byte), EXPORT(param_set_short), EXPORT(param_get_short),
        EXPORT(param_set_ushort), EXPORT(param_get_ushort), EXPORT(param_set_int), EXPORT(param_get_int),
        EXPORT(param_set_uint), EXPORT(param_get_uint), EXPORT(param_set_long), EXPORT(param_get_long),
        EXPORT(param_set_ulong), EXPORT(param_get_ulong), EXPORT(param_set_ullong), EXPORT(param_get_ullong),
        EXPORT(param_set_hexint), EXPORT(param_get_hexint), EXPORT(param_set_charp), EXPORT(param_get_charp),
        EXPORT(param_free_charp), EXPORT(param_set_bool), EXPORT(param_get_bool), EXPORT(param_set_invbool),
        EXPORT(param_get_invbool), EXPORT(param_set_copystring), EXPORT(param_get_string),
        // kernel/locking/mutex.c
        EXPORT(__mutex_init), EXPORT(mutex_lock), EXPORT(mutex_lock_interruptible),
        EXPORT(mutex_lock_killable), EXPORT(mutex_trylock), EXPORT(mutex_unlock),
        // arch/x86/entry: a module may replace a system call (and must put it back)
        EXPORT(sys_call_table),
    };
    return exports;
}

}  // namespace sk
