// mutate_modules.cpp - the whole load path against damaged modules: mutants
// of real .ko files (byte flips, truncations, header fields set to odd
// values) loaded one after another into ONE running kernel. After each
// refusal the kernel must be alive and its state exactly as before; a
// mutant that loads is removed again, and then too the state must be back.
//
//   simkernel-mutate [--count N] [--seed S] [--fork] [--all-bytes] [--save DIR] [--quiet] MODULE.ko...
//
// --fork runs each insmod in a fork()ed child of the kernel (to hunt for
// crashes without losing the run); without it a crash ends the run, which
// is what the test wants to see. docs/fuzzing.md has the counts.
#include "../tests/unit/support.hpp"

#include <simkernel/syscalls.hpp>

#include <elf.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace {

using Bytes = std::vector<char>;

struct Field {
    size_t offset, size;
};

template <typename T>
bool read_at(const Bytes& b, size_t off, T* v) {
    if (off > b.size() || sizeof(T) > b.size() - off) return false;
    memcpy(v, b.data() + off, sizeof(T));
    return true;
}

// Header fields worth corrupting: the ELF header's, every program header's,
// the dynamic section's entries, every section header's, and the first
// entries of the tables the dynamic linker reads.
std::vector<Field> header_fields(const Bytes& b) {
    std::vector<Field> f;
    Elf64_Ehdr eh;
    if (!read_at(b, 0, &eh)) return f;
    for (size_t o : {4, 5, 6, 7, 8}) f.push_back({o, 1});
    for (size_t o : {0x10, 0x12, 0x34, 0x36, 0x38, 0x3a, 0x3c, 0x3e}) f.push_back({o, 2});
    for (size_t o : {0x14, 0x30}) f.push_back({o, 4});
    for (size_t o : {0x18, 0x20, 0x28}) f.push_back({o, 8});
    for (size_t i = 0; i < std::min<size_t>(eh.e_phnum, 32); ++i) {
        size_t o = eh.e_phoff + i * sizeof(Elf64_Phdr);
        Elf64_Phdr ph;
        if (!read_at(b, o, &ph)) break;
        f.push_back({o, 4});
        f.push_back({o + 4, 4});
        for (size_t k = 8; k < 56; k += 8) f.push_back({o + k, 8});
        if (ph.p_type == PT_DYNAMIC)
            for (size_t k = 0; k < std::min<uint64_t>(ph.p_filesz, 64 * 16); k += 8) f.push_back({ph.p_offset + k, 8});
    }
    for (size_t i = 0; i < std::min<size_t>(eh.e_shnum, 64); ++i) {
        size_t o = eh.e_shoff + i * sizeof(Elf64_Shdr);
        Elf64_Shdr sh;
        if (!read_at(b, o, &sh)) break;
        f.push_back({o, 4});
        f.push_back({o + 4, 4});
        for (size_t k = 8; k < 64; k += 8) f.push_back({o + k, 8});
        if (sh.sh_type == SHT_DYNSYM || sh.sh_type == SHT_RELA || sh.sh_type == SHT_GNU_HASH || sh.sh_type == SHT_HASH)
            for (size_t k = 0; k < std::min<uint64_t>(sh.sh_size, 40 * 24); k += 4) f.push_back({sh.sh_offset + k, 4});
    }
    std::erase_if(f, [&](const Field& x) { return x.offset + x.size > b.size(); });
    return f;
}

// The bytes of the module's own code and data: .text, .plt, .rodata, .data,
// ... Damage there cannot be seen by any loader (Linux's neither, short of
// signatures); it is a buggy module, which issue 10's oops handling deals
// with. Byte flips stay out of them unless --all-bytes.
std::vector<Field> code_and_data(const Bytes& b) {
    static const char* const contents[] = {".text", ".plt", ".rodata", ".data", ".data.rel.ro", ".eh_frame",
                                           ".eh_frame_hdr", ".init_array", ".fini_array", ".plt.got"};
    std::vector<Field> out;
    Elf64_Ehdr eh;
    Elf64_Shdr shstr;
    if (!read_at(b, 0, &eh) || !read_at(b, eh.e_shoff + eh.e_shstrndx * sizeof(Elf64_Shdr), &shstr)) return out;
    for (size_t i = 0; i < eh.e_shnum; ++i) {
        Elf64_Shdr sh;
        if (!read_at(b, eh.e_shoff + i * sizeof(Elf64_Shdr), &sh) || shstr.sh_offset + sh.sh_name >= b.size()) continue;
        std::string name(b.data() + shstr.sh_offset + sh.sh_name, strnlen(b.data() + shstr.sh_offset + sh.sh_name, b.size() - shstr.sh_offset - sh.sh_name));
        for (const char* c : contents)
            if (name == c) out.push_back({sh.sh_offset, sh.sh_size});
    }
    return out;
}

bool all_bytes = false;  // --all-bytes: flips may land in code and data too

Bytes mutate(const Bytes& src, std::mt19937_64& rng, std::string* how) {
    Bytes b = src;
    auto pick = [&](uint64_t n) { return n ? rng() % n : 0; };
    switch (pick(6)) {
    case 0:
    case 1: {
        int n = 1 + static_cast<int>(pick(8));
        std::vector<Field> skip = all_bytes ? std::vector<Field>{} : code_and_data(src);
        auto skipped = [&](size_t at) {
            return std::any_of(skip.begin(), skip.end(), [at](const Field& f) { return at >= f.offset && at < f.offset + f.size; });
        };
        for (int i = 0; i < n; ++i) {
            size_t at = pick(b.size());
            for (int tries = 0; skipped(at) && tries < 64; ++tries) at = pick(b.size());
            if (!skipped(at)) b[at] ^= static_cast<char>(1 + pick(255));
        }
        *how = fmt::format("{} byte flips", n);
        return b;
    }
    case 2:
        b.resize(pick(b.size()));
        *how = fmt::format("truncated to {} bytes", b.size());
        return b;
    default: {
        std::vector<Field> fields = header_fields(b);
        if (fields.empty()) return b;
        Field fl = fields[pick(fields.size())];
        uint64_t old = 0;
        memcpy(&old, b.data() + fl.offset, fl.size);
        uint64_t mask = fl.size == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * fl.size)) - 1;
        const uint64_t choices[] = {0, mask, rng(), old + 1, old - 1, old * 2, old + 0x1000,
                                    old ^ (uint64_t{1} << pick(8 * fl.size)), old >> 1, pick(65)};
        uint64_t v = choices[pick(std::size(choices))] & mask;
        memcpy(b.data() + fl.offset, &v, fl.size);
        *how = fmt::format("field at {:#x} ({} bytes): {:#x} -> {:#x}", fl.offset, fl.size, old, v);
        return b;
    }
    }
}

enum class Outcome { Refused, Accepted, StateChanged, Crashed, Oopsed };

// A system call as the kit's root task. A mutant whose init or exit faults
// (damage inside its code, which no structural check can see) is an Oops:
// the kernel undoes the load (or finishes the unload) and kills the task, as
// Linux does. The kit's root task is then replaced, so that the run goes on.
template <typename Call>
long surviving_oops(skt::TestKernel& tk, bool* oopsed, Call call) {
    try {
        return call();
    } catch (const sk::TaskKilled&) {
        *oopsed = true;
        tk->tasks.exit(tk.root_task);
        tk.root_task = tk->tasks.spawn(tk->init_task(), "test-root", 0, 0);
        tk.as_root();
        return -EFAULT;
    }
}

// The state less the kit's root task, which an Oops replaces (a new pid).
std::string without_root_task(const std::string& state) {
    static const std::regex root_task(R"(task [0-9]+ test-root fds=\n)");
    return std::regex_replace(state, root_task, "");
}

// One insmod; if it loads, rmmod whatever it added. Then compare the state.
Outcome try_mutant(skt::TestKernel& tk, const Bytes& m, const std::string& before, std::string* detail) {
    bool oopsed = false;
    long rc = surviving_oops(tk, &oopsed, [&] { return skt::insmod(m); });
    if (rc == 0) {
        // A mutant may have lost its cleanup_module: then only rmmod -f removes it.
        for (const std::string& name : skt::module_names(tk.k()))
            if (surviving_oops(tk, &oopsed, [&] { return skt::rmmod(name.c_str(), 0); }) != 0)
                surviving_oops(tk, &oopsed, [&] { return skt::rmmod(name.c_str(), O_TRUNC); });
    }
    std::string after = skt::kernel_state(tk.k());
    if (without_root_task(after) != without_root_task(before)) {
        *detail = fmt::format("insmod returned {}; state before:\n{}after:\n{}", rc, before, after);
        return Outcome::StateChanged;
    }
    if (oopsed) return Outcome::Oopsed;
    return rc == 0 ? Outcome::Accepted : Outcome::Refused;
}

}  // namespace

int main(int argc, char** argv) {
    size_t count = 300;
    uint64_t seed = 1;
    bool use_fork = false, quiet = false, trace = false;
    std::string save;
    std::vector<std::string> inputs;
    const char* usage =
        "usage: simkernel-mutate [--count N] [--seed S] [--fork] [--all-bytes] [--save DIR] [--quiet] [--trace] "
        "MODULE.ko...\n";
    auto number = [&](const char* opt, const char* text, uint64_t* out) {
        char* end = nullptr;
        errno = 0;
        unsigned long long v = std::strtoull(text, &end, 0);
        if (errno || end == text || *end || text[0] == '-') {
            std::cerr << "simkernel-mutate: " << opt << ": not a number: '" << text << "'\n" << usage;
            return false;
        }
        *out = v;
        return true;
    };
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        uint64_t n = 0;
        if (a == "--help" || a == "-h") {
            std::cout << usage;
            return 0;
        } else if ((a == "--count" || a == "--seed" || a == "--save") && i + 1 >= argc) {
            std::cerr << "simkernel-mutate: " << a << " needs a value\n" << usage;
            return 2;
        } else if (a == "--count") {
            if (!number("--count", argv[++i], &n)) return 2;
            count = n;
        } else if (a == "--seed") {
            if (!number("--seed", argv[++i], &n)) return 2;
            seed = n;
        } else if (a == "--save") save = argv[++i];
        else if (a == "--fork") use_fork = true;
        else if (a == "--quiet") quiet = true;
        else if (a == "--all-bytes") all_bytes = true;
        else if (a == "--trace") trace = true;
        else if (a.size() > 1 && a[0] == '-') {
            std::cerr << "simkernel-mutate: unknown option '" << a << "'\n" << usage;
            return 2;
        } else inputs.push_back(a);
    }
    if (inputs.empty()) {
        std::cerr << usage;
        return 2;
    }
    std::vector<Bytes> sources;
    for (const std::string& p : inputs) {
        std::ifstream in(p, std::ios::binary);
        if (!in) {
            std::cerr << "simkernel-mutate: cannot read " << p << ": " << std::strerror(errno) << "\n";
            return 2;
        }
        sources.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    skt::TestKernel tk(skt::BootConfig{.log_buf_len = 128 * 1024, .builtin_drivers = true, .log_to_file = false});
    const std::string before = skt::kernel_state(tk.k());
    std::mt19937_64 rng(seed);
    std::map<Outcome, size_t> counts;
    for (size_t i = 0; i < count; ++i) {
        size_t which = rng() % sources.size();
        std::string how, detail;
        Bytes m = mutate(sources[which], rng, &how);
        if (trace) std::cerr << fmt::format("mutant {} of {}: {}\n", i, inputs[which], how) << std::flush;
        Outcome o;
        if (use_fork) {
            pid_t pid = fork();
            if (pid == 0) _exit(static_cast<int>(try_mutant(tk, m, before, &detail)));
            int status = 0;
            waitpid(pid, &status, 0);
            o = WIFEXITED(status) && WEXITSTATUS(status) <= 4 ? static_cast<Outcome>(WEXITSTATUS(status))
                                                              : Outcome::Crashed;
            if (o == Outcome::Crashed) detail = WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "exit status";
        } else {
            o = try_mutant(tk, m, before, &detail);
        }
        ++counts[o];
        if (o == Outcome::StateChanged || o == Outcome::Crashed || (o == Outcome::Accepted && !quiet)) {
            const char* what = o == Outcome::Accepted ? "accepted" : o == Outcome::Crashed ? "CRASHED" : "STATE CHANGED";
            std::cout << std::flush << fmt::format("mutant {} of {} ({}): {}\n{}", i, inputs[which], how, what,
                                     detail.empty() ? "" : detail + "\n");
            if (!save.empty()) {
                std::filesystem::create_directories(save);
                std::ofstream(fmt::format("{}/{}-{:05}.ko", save, what, i), std::ios::binary)
                    .write(m.data(), static_cast<std::streamsize>(m.size()));
            }
        }
    }
    std::cout << fmt::format("{} mutants of {} module(s), seed {}: {} refused, {} loaded (and removed), "
                             "{} oopsed in init (load undone), {} changed the kernel's state, {} crashed\n",
                             count, inputs.size(), seed, counts[Outcome::Refused], counts[Outcome::Accepted],
                             counts[Outcome::Oopsed], counts[Outcome::StateChanged], counts[Outcome::Crashed]);
    return counts[Outcome::StateChanged] || counts[Outcome::Crashed] ? 1 : 0;
}
