// ksyms.hpp - the kernel's symbol table: every name a module may link
// against, from the kernel itself or exported by a loaded module.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sk {

struct Module;

struct KernelSymbol {
    std::string name;
    const void* addr;
    bool gpl_only;
    Module* owner;  // nullptr: the kernel
};

class SymbolTable {
public:
    SymbolTable();  // starts with the kernel's own exports (kernel_exports())

    const KernelSymbol* find(std::string_view name) const;
    // Adds a module's exports; fails with the first name already taken.
    bool add_module_exports(const std::vector<KernelSymbol>& syms, std::string* clash);
    void remove_module_exports(const Module* owner);
    std::vector<KernelSymbol> all() const;
    size_t size() const;

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, KernelSymbol> table_;
};

// One export of the kernel's: what EXPORT_SYMBOL(sym) (export.hpp) puts
// next to sym's definition, in the section the loader reads.
struct KernelExport {
    const char* name;
    const void* addr;
    bool gpl_only;
};
// Every EXPORT_SYMBOL of the kernel, in link order (ksyms.cpp).
const std::vector<KernelExport>& kernel_exports();

}  // namespace sk
