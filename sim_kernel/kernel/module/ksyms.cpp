// ksyms.cpp - the symbol table modules link against (Linux's
// kernel/module/main.c find_symbol, over kernel/module/kallsyms.c's tables).
#include <simkernel/export.hpp>
#include <simkernel/ksyms.hpp>

#include <algorithm>

// The ends of the array the linker made of every EXPORT_SYMBOL's entry
// (export.hpp): Linux's __start___ksymtab and __stop___ksymtab.
// Hidden: each kernel library (libsimkernel, libsimkernel-switch) reads its own.
extern "C" [[gnu::visibility("hidden")]] const sk::KernelExport __start_sk_ksymtab[];
extern "C" [[gnu::visibility("hidden")]] const sk::KernelExport __stop_sk_ksymtab[];

namespace sk {

const std::vector<KernelExport>& kernel_exports() {
    static const std::vector<KernelExport> exports(__start_sk_ksymtab, __stop_sk_ksymtab);
    return exports;
}

SymbolTable::SymbolTable() {
    for (const KernelExport& e : kernel_exports())
        table_.emplace(e.name, KernelSymbol{e.name, e.addr, e.gpl_only, nullptr});
}

const KernelSymbol* SymbolTable::find(std::string_view name) const {
    std::lock_guard lock(mutex_);
    auto it = table_.find(std::string(name));
    return it == table_.end() ? nullptr : &it->second;
}

bool SymbolTable::add_module_exports(const std::vector<KernelSymbol>& syms, std::string* clash) {
    std::lock_guard lock(mutex_);
    for (const KernelSymbol& s : syms) {
        if (table_.count(s.name)) {
            if (clash) *clash = s.name;
            return false;
        }
    }
    for (const KernelSymbol& s : syms) table_.emplace(s.name, s);
    return true;
}

void SymbolTable::remove_module_exports(const Module* owner) {
    std::lock_guard lock(mutex_);
    std::erase_if(table_, [owner](const auto& kv) { return kv.second.owner == owner; });
}

std::vector<KernelSymbol> SymbolTable::all() const {
    std::vector<KernelSymbol> out;
    {
        std::lock_guard lock(mutex_);
        for (const auto& kv : table_) out.push_back(kv.second);
    }
    std::sort(out.begin(), out.end(),
              [](const KernelSymbol& a, const KernelSymbol& b) { return a.name < b.name; });
    return out;
}

size_t SymbolTable::size() const {
    std::lock_guard lock(mutex_);
    return table_.size();
}

}  // namespace sk
