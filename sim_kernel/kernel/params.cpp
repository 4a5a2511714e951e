// params.cpp - module parameters (kernel/params.c in Linux).
//
// A module's __param section is an array of struct kernel_param; each
// names a variable and the ops that parse it. insmod's "name=value" words
// are matched against it before init_module runs.
#include <simkernel/kernel.hpp>
#include <simkernel/params.hpp>
#include <simkernel/ksyms.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <limits>
#include <type_traits>
#include <simkernel/export.hpp>

int sk_kstrtoll(const char* s, unsigned int base, long long* res);
int sk_kstrtoull(const char* s, unsigned int base, unsigned long long* res);

namespace {

// Integers: parse as the widest type, then check the range of the real one.
template <typename T>
int set_integer(const char* val, const struct kernel_param* kp) {
    if (!val) return -EINVAL;
    if constexpr (std::is_signed_v<T>) {
        long long v;
        if (sk_kstrtoll(val, 0, &v) || v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max())
            return -EINVAL;
        *static_cast<T*>(kp->arg) = static_cast<T>(v);
    } else {
        unsigned long long v;
        if (sk_kstrtoull(val, 0, &v) || v > std::numeric_limits<T>::max()) return -EINVAL;
        *static_cast<T*>(kp->arg) = static_cast<T>(v);
    }
    return 0;
}

template <typename T>
int get_integer(char* buf, const struct kernel_param* kp) {
    T v = *static_cast<const T*>(kp->arg);
    if constexpr (std::is_signed_v<T>) return scnprintf(buf, 4096, "%lld\n", static_cast<long long>(v));
    else return scnprintf(buf, 4096, "%llu\n", static_cast<unsigned long long>(v));
}

int get_hexint(char* buf, const struct kernel_param* kp) {
    return scnprintf(buf, 4096, "%#08x\n", *static_cast<const unsigned*>(kp->arg));
}

int set_bool(const char* val, const struct kernel_param* kp) {
    if (!val) val = "1";  // "insmod m.ko flag" means flag=1
    return kstrtobool(val, static_cast<bool*>(kp->arg));
}
int get_bool(char* buf, const struct kernel_param* kp) {
    return scnprintf(buf, 4096, "%c\n", *static_cast<const bool*>(kp->arg) ? 'Y' : 'N');
}
int set_invbool(const char* val, const struct kernel_param* kp) {
    bool v;
    int err = kstrtobool(val ? val : "1", &v);
    if (!err) *static_cast<bool*>(kp->arg) = !v;
    return err;
}
int get_invbool(char* buf, const struct kernel_param* kp) {
    return scnprintf(buf, 4096, "%c\n", *static_cast<const bool*>(kp->arg) ? 'N' : 'Y');
}

// charp: the kernel keeps its own copy, charged to the module.
int set_charp(const char* val, const struct kernel_param* kp) {
    if (!val) return -EINVAL;
    if (strlen(val) > 1024) {
        printk(KERN_ERR "%s: string parameter too long\n", kp->name);
        return -ENOSPC;
    }
    auto* copy = static_cast<char*>(sk_kmalloc(kp->mod, strlen(val) + 1, GFP_KERNEL));
    if (!copy) return -ENOMEM;
    strcpy(copy, val);
    char** slot = static_cast<char**>(kp->arg);
    sk::Module* m = sk::module_of(kp->mod);
    if (m) {
        auto& owned = m->param_strings;
        for (auto it = owned.begin(); it != owned.end(); ++it) {
            if (*it == *slot) {
                kfree(*slot);
                owned.erase(it);
                break;
            }
        }
        owned.push_back(copy);
    }
    *slot = copy;
    return 0;
}
int get_charp(char* buf, const struct kernel_param* kp) {
    const char* s = *static_cast<char* const*>(kp->arg);
    return scnprintf(buf, 4096, "%s\n", s ? s : "(null)");
}
void free_charp(void* arg) { (void)arg; }

int set_string(const char* val, const struct kernel_param* kp) {
    const struct kparam_string* s = kp->str;
    if (!val) return -EINVAL;
    if (strlen(val) + 1 > s->maxlen) {
        printk(KERN_ERR "%s: string doesn't fit in %u chars.\n", kp->name, s->maxlen - 1);
        return -ENOSPC;
    }
    strcpy(s->string, val);
    return 0;
}
int get_string(char* buf, const struct kernel_param* kp) {
    return scnprintf(buf, 4096, "%s\n", kp->str->string);
}

// Arrays: comma-separated, each element parsed by the element type's ops.
int set_array(const char* val, const struct kernel_param* kp) {
    const struct kparam_array* arr = kp->arr;
    if (!val) return -EINVAL;
    std::string s(val);
    unsigned count = 0;
    size_t start = 0;
    for (;;) {
        size_t comma = s.find(',', start);
        std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (count >= arr->max) {
            printk(KERN_ERR "%s: can only take %u arguments\n", kp->name, arr->max);
            return -EINVAL;
        }
        struct kernel_param elem = {kp->name, kp->mod, arr->ops, kp->perm, kp->level, kp->flags,
                                    {static_cast<char*>(arr->elem) + count * arr->elemsize}};
        int err = arr->ops->set(item.c_str(), &elem);
        if (err) return err;
        ++count;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (arr->num) *arr->num = count;
    return 0;
}
int get_array(char* buf, const struct kernel_param* kp) {
    const struct kparam_array* arr = kp->arr;
    unsigned n = arr->num ? *arr->num : arr->max;
    int off = 0;
    for (unsigned i = 0; i < n; ++i) {
        struct kernel_param elem = {kp->name, kp->mod, arr->ops, kp->perm, kp->level, kp->flags,
                                    {static_cast<char*>(arr->elem) + i * arr->elemsize}};
        char tmp[4096];
        int len = arr->ops->get(tmp, &elem);
        if (len > 0 && tmp[len - 1] == '\n') --len;  // elements are joined by commas
        off += scnprintf(buf + off, 4096 - off, "%s%.*s", i ? "," : "", len, tmp);
    }
    off += scnprintf(buf + off, 4096 - off, "\n");
    return off;
}

}  // namespace

extern "C" {
const struct kernel_param_ops param_ops_byte = {0, set_integer<unsigned char>, get_integer<unsigned char>, nullptr};
EXPORT_SYMBOL(param_ops_byte);
const struct kernel_param_ops param_ops_short = {0, set_integer<short>, get_integer<short>, nullptr};
EXPORT_SYMBOL(param_ops_short);
const struct kernel_param_ops param_ops_ushort = {0, set_integer<unsigned short>, get_integer<unsigned short>, nullptr};
EXPORT_SYMBOL(param_ops_ushort);
const struct kernel_param_ops param_ops_int = {0, set_integer<int>, get_integer<int>, nullptr};
EXPORT_SYMBOL(param_ops_int);
const struct kernel_param_ops param_ops_uint = {0, set_integer<unsigned>, get_integer<unsigned>, nullptr};
EXPORT_SYMBOL(param_ops_uint);
const struct kernel_param_ops param_ops_long = {0, set_integer<long>, get_integer<long>, nullptr};
EXPORT_SYMBOL(param_ops_long);
const struct kernel_param_ops param_ops_ulong = {0, set_integer<unsigned long>, get_integer<unsigned long>, nullptr};
EXPORT_SYMBOL(param_ops_ulong);
const struct kernel_param_ops param_ops_ullong = {0, set_integer<unsigned long long>, get_integer<unsigned long long>, nullptr};
EXPORT_SYMBOL(param_ops_ullong);
const struct kernel_param_ops param_ops_hexint = {0, set_integer<unsigned>, get_hexint, nullptr};
EXPORT_SYMBOL(param_ops_hexint);
const struct kernel_param_ops param_ops_bool = {0, set_bool, get_bool, nullptr};
EXPORT_SYMBOL(param_ops_bool);
const struct kernel_param_ops param_ops_invbool = {0, set_invbool, get_invbool, nullptr};
EXPORT_SYMBOL(param_ops_invbool);
const struct kernel_param_ops param_ops_charp = {0, set_charp, get_charp, free_charp};
EXPORT_SYMBOL(param_ops_charp);
const struct kernel_param_ops param_ops_string = {0, set_string, get_string, nullptr};
EXPORT_SYMBOL(param_ops_string);
const struct kernel_param_ops param_array_ops = {0, set_array, get_array, nullptr};
EXPORT_SYMBOL(param_array_ops);
}

namespace sk {

std::vector<ParamWord> split_param_words(const std::string& args) {
    // Linux's next_arg(): words separated by spaces; double quotes group.
    std::vector<ParamWord> words;
    size_t i = 0;
    while (i < args.size()) {
        while (i < args.size() && isspace(static_cast<unsigned char>(args[i]))) ++i;
        if (i >= args.size()) break;
        std::string word;
        bool quoted = false;
        for (; i < args.size(); ++i) {
            char c = args[i];
            if (c == '"') { quoted = !quoted; continue; }
            if (!quoted && isspace(static_cast<unsigned char>(c))) break;
            word += c;
        }
        size_t eq = word.find('=');
        if (eq == std::string::npos) words.push_back({word, std::nullopt});
        else words.push_back({word.substr(0, eq), word.substr(eq + 1)});
    }
    return words;
}

std::span<const struct kernel_param> module_params(const Module& m) {
    const ElfSection* s = m.image.section("__param");
    if (!s || !m.base) return {};
    auto* first = reinterpret_cast<const struct kernel_param*>(m.base + s->addr);
    return {first, s->size / sizeof(struct kernel_param)};
}

namespace {

// Inside the module's mapping: the only place a module's own pointers may lead.
bool in_module(const Module& m, const void* p, size_t size = 1) {
    auto a = reinterpret_cast<uintptr_t>(p);
    return a >= m.base && size <= m.size && a - m.base <= m.size - size;
}

bool is_kernel_export(const void* p) {
    const auto& exports = kernel_exports();
    return std::any_of(exports.begin(), exports.end(), [p](const KernelExport& e) { return e.addr == p; });
}

// Code a parameter's ops may run: the module's, or a kernel export (param_set_int, ...).
bool callable(const Module& m, const void* fn) { return !fn || in_module(m, fn) || is_kernel_export(fn); }

bool valid_param_name(const char* name, size_t room) {
    size_t n = strnlen(name, room);
    if (n == 0 || n == room) return false;
    return std::all_of(name, name + n, [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; });
}

}  // namespace

long check_module_params(const Module& m) {
    for (const struct kernel_param& kp : module_params(m)) {
        const char* why = nullptr;
        if (!in_module(m, kp.name)) why = "its name is not in the module";
        else if (!valid_param_name(kp.name, m.base + m.size - reinterpret_cast<uintptr_t>(kp.name)))
            why = "its name is not letters, digits, '_', '-' or '.'";
        else if (kp.mod != m.mod) why = "it belongs to another module";
        else if (!kp.ops || !(in_module(m, kp.ops, sizeof *kp.ops) || is_kernel_export(kp.ops))) why = "its ops are not the module's or the kernel's";
        else if (in_module(m, kp.ops, sizeof *kp.ops) &&  // the kernel's param_ops_* are trusted
                 (!callable(m, reinterpret_cast<const void*>(kp.ops->set)) ||
                 !callable(m, reinterpret_cast<const void*>(kp.ops->get)) ||
                 !callable(m, reinterpret_cast<const void*>(kp.ops->free))))
            why = "its ops call code outside the module and the kernel";
        else if (kp.arg && !in_module(m, kp.arg)) why = "its variable is not in the module";
        if (why) {
            printk(KERN_ERR "%s: malformed module parameter #%zu in __param: %s\n", m.name.c_str(),
                   static_cast<size_t>(&kp - module_params(m).data()), why);
            return -ENOEXEC;
        }
    }
    return 0;
}

long parse_module_params(Module& m, const std::string& args) {
    auto params = module_params(m);
    for (const ParamWord& w : split_param_words(args)) {
        // Linux treats '-' and '_' in parameter names alike.
        auto same = [](std::string a, std::string b) {
            std::replace(a.begin(), a.end(), '-', '_');
            std::replace(b.begin(), b.end(), '-', '_');
            return a == b;
        };
        const struct kernel_param* kp = nullptr;
        for (const auto& p : params)
            if (same(p.name, w.name)) kp = &p;
        if (!kp) {
            printk(KERN_ERR "%s: unknown parameter '%s'\n", m.name.c_str(), w.name.c_str());
            return -EINVAL;
        }
        int err = kp->ops->set(w.value ? w.value->c_str() : nullptr, kp);
        if (err == -ENOSPC) {
            printk(KERN_ERR "%s: `%s' too large for parameter `%s'\n", m.name.c_str(),
                   w.value.value_or("").c_str(), w.name.c_str());
            return -EINVAL;
        }
        if (err) {
            printk(KERN_ERR "%s: `%s' invalid for parameter `%s'\n", m.name.c_str(),
                   w.value.value_or("").c_str(), w.name.c_str());
            return -EINVAL;
        }
    }
    return 0;
}

void free_module_params(Module& m) {
    for (void* p : m.param_strings) kfree(p);
    m.param_strings.clear();
}

}  // namespace sk

// The ops' functions under Linux's names, for modules whose own
// module_param_cb() ops wrap one (param_set_int after a range check, ...).
extern "C" {
#define SK_PARAM_FUNCS(type)                                                                                  \
    int param_set_##type(const char* val, const struct kernel_param* kp) { return param_ops_##type.set(val, kp); } \
    int param_get_##type(char* buf, const struct kernel_param* kp) { return param_ops_##type.get(buf, kp); } \
    EXPORT_SYMBOL(param_set_##type);                                                                        \
    EXPORT_SYMBOL(param_get_##type);
SK_PARAM_FUNCS(byte)
SK_PARAM_FUNCS(short)
SK_PARAM_FUNCS(ushort)
SK_PARAM_FUNCS(int)
SK_PARAM_FUNCS(uint)
SK_PARAM_FUNCS(long)
SK_PARAM_FUNCS(ulong)
SK_PARAM_FUNCS(ullong)
SK_PARAM_FUNCS(hexint)
SK_PARAM_FUNCS(charp)
SK_PARAM_FUNCS(bool)
SK_PARAM_FUNCS(invbool)
#undef SK_PARAM_FUNCS
void param_free_charp(void* arg) { param_ops_charp.free(arg); }
EXPORT_SYMBOL(param_free_charp);
int param_set_copystring(const char* val, const struct kernel_param* kp) { return param_ops_string.set(val, kp); }
EXPORT_SYMBOL(param_set_copystring);
int param_get_string(char* buf, const struct kernel_param* kp) { return param_ops_string.get(buf, kp); }
EXPORT_SYMBOL(param_get_string);
}
