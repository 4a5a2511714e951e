// builtin.cpp - drivers compiled into the kernel (the "y" of Linux's y/m).
//
// Their module_init()/module_exit() expand to constructors that record the
// functions here when the kernel library is loaded; boot runs them.
#include <simkernel/kernel.hpp>

#include <algorithm>

namespace sk {

std::vector<BuiltinDriver>& builtin_drivers() {
    static std::vector<BuiltinDriver> drivers;
    return drivers;
}

namespace {
BuiltinDriver& entry(const char* name) {
    auto& v = builtin_drivers();
    auto it = std::find_if(v.begin(), v.end(), [name](const BuiltinDriver& d) { return d.name == name; });
    if (it != v.end()) return *it;
    v.push_back({name, nullptr, nullptr});
    return v.back();
}
}  // namespace

}  // namespace sk

extern "C" void sk_builtin_set_init(const char* name, initcall_t init) { sk::entry(name).init = init; }
extern "C" void sk_builtin_set_exit(const char* name, exitcall_t exit_fn) { sk::entry(name).exit = exit_fn; }
