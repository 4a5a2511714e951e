// elf_validate.hpp - is a .ko sound enough to hand to the dynamic linker?
// (Linux: elf_validity_cache_copy() and friends in kernel/module/main.c.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sk {

// A symbol of the dynamic symbol table, as the dynamic linker will see it.
struct DynamicSymbol {
    std::string name;
    bool defined;
    bool weak;
    uint64_t value;  // relative to the load base
    uint64_t size;
};

// What the check learned on the way, for the loader.
struct DynamicImage {
    std::vector<DynamicSymbol> symbols;  // DT_SYMTAB, counted by the hash table
    uint64_t span_lo = 0, span_hi = 0;   // the LOAD segments' memory, unrounded
};

// Checks, from the bytes alone, everything the dynamic linker trusts
// (ELF header, program headers, the dynamic section, hash, symbol, string
// and relocation tables, init/fini arrays) and the sections and symbols
// simkernel itself reads. On failure returns false with a sentence for
// the kernel log in *why.
bool validate_module_elf(const void* data, size_t len, DynamicImage* out, std::string* why);

// Linux's module-name rule: 1..55 of [A-Za-z0-9_-].
bool valid_module_name(const std::string& name);

}  // namespace sk
