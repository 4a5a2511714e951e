// SPDX-License-Identifier: GPL-2.0
//
// hello-cpp.cpp - a module in C++20, against the same <linux/...> headers as
// the C modules. It makes /dev/hello_cpp, a read-only character device that
// greets each open with the next greeting:
//
//     sudo insmod hello-cpp.ko
//     cat /dev/hello_cpp          # Hello from C++ (1)
//     sudo rmmod hello_cpp
//
// C++ in a module is C++ without its run-time library: no exceptions, no
// RTTI, no new/delete (use kmalloc), no global objects that need a
// destructor, no standard library. What is left - classes, templates,
// constexpr, namespaces, RAII - is what this file shows. The kernel looks
// module_init's function up by its C name; <linux/init.h> arranges that.
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

namespace {

constexpr const char* kName = "hello_cpp";
constexpr const char* kGreetings[] = {"Hello", "Hallo", "Bonjour", "Ciao"};

template <typename T, unsigned long N>
constexpr unsigned long count_of(const T (&)[N]) { return N; }
static_assert(count_of(kGreetings) == 4);

// RAII: the mutex is released on every path out of the scope.
class MutexGuard {
public:
	explicit MutexGuard(struct mutex* m) : m_(m) { mutex_lock(m_); }
	~MutexGuard() { mutex_unlock(m_); }
	MutexGuard(const MutexGuard&) = delete;
	MutexGuard& operator=(const MutexGuard&) = delete;

private:
	struct mutex* m_;
};

// The device's state: trivially destructible, so it may be a global.
struct Device {
	int major = -1;
	struct class_* cls = nullptr;  // "class" is a C++ keyword: struct class_
	struct mutex lock = __MUTEX_INITIALIZER(hello_cpp_lock);
	unsigned long opens = 0;

	// Each open gets the next greeting.
	unsigned long next_open()
	{
		MutexGuard guard(&lock);
		return opens++;
	}
};

constinit Device dev;

int hello_open(struct inode*, struct file* file)
{
	file->private_data = reinterpret_cast<void*>(dev.next_open());
	return 0;
}

ssize_t hello_read(struct file* file, char __user* buf, size_t count, loff_t* pos)
{
	auto n = reinterpret_cast<unsigned long>(file->private_data);
	char text[64];
	int len = snprintf(text, sizeof(text), "%s from C++ (%lu)\n", kGreetings[n % count_of(kGreetings)], n + 1);

	if (*pos >= len)
		return 0;  // end of file: the greeting was read
	size_t left = min_t(size_t, count, len - *pos);
	if (copy_to_user(buf, text + *pos, left))
		return -EFAULT;
	*pos += left;
	return left;
}

char* hello_devnode(const struct device*, umode_t* mode)
{
	if (mode)
		*mode = 0444;  // everyone may read it
	return nullptr;
}

// Designated initializers, in declaration order as C++20 requires.
const struct file_operations hello_fops = {
	.owner = THIS_MODULE,
	.read = hello_read,
	.open = hello_open,
};

}  // namespace

static int __init hello_cpp_init(void)
{
	dev.major = register_chrdev(0, kName, &hello_fops);
	if (dev.major < 0)
		return dev.major;
	dev.cls = class_create(kName);
	if (IS_ERR(dev.cls)) {
		unregister_chrdev(dev.major, kName);
		return PTR_ERR(dev.cls);
	}
	dev.cls->devnode = hello_devnode;
	struct device* d = device_create(dev.cls, nullptr, MKDEV(dev.major, 0), nullptr, "%s", kName);
	if (IS_ERR(d)) {
		class_destroy(dev.cls);
		unregister_chrdev(dev.major, kName);
		return PTR_ERR(d);
	}
	pr_info("%s: /dev/%s is major %d\n", kName, kName, dev.major);
	return 0;
}

static void __exit hello_cpp_exit(void)
{
	device_destroy(dev.cls, MKDEV(dev.major, 0));
	class_destroy(dev.cls);
	unregister_chrdev(dev.major, kName);
	pr_info("%s: %lu greetings served\n", kName, dev.opens);
}

module_init(hello_cpp_init);
module_exit(hello_cpp_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Operating Systems course");
MODULE_DESCRIPTION("A character device written in C++");
