// mksymvers.cpp - writes the kernel's Module.symvers: one line per symbol
// the kernel exports to modules (each EXPORT_SYMBOL, gathered by
// sk::kernel_exports() from the section sk_ksymtab), in kbuild's format
//     0x00000000<TAB>printk<TAB>vmlinux<TAB>EXPORT_SYMBOL<TAB>
// The SDK's modpost reads it to refuse, at build time as Linux does, a
// module that uses a symbol nobody exports (printf, malloc, ...).
#include <simkernel/ksyms.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT\n", argv[0]);
        return 2;
    }
    std::vector<sk::KernelExport> exports = sk::kernel_exports();
    std::sort(exports.begin(), exports.end(),
              [](const sk::KernelExport& a, const sk::KernelExport& b) { return std::string(a.name) < b.name; });
    std::string out;
    for (const sk::KernelExport& e : exports)
        out += std::string("0x00000000\t") + e.name + "\tvmlinux\t" + (e.gpl_only ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL") +
               "\t\n";
    std::FILE* f = std::fopen(argv[1], "w");
    if (!f || std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0) {
        std::perror(argv[1]);
        return 1;
    }
    return 0;
}
