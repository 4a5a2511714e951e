// elf_image.cpp - reading a .ko with libelf before anything is mapped.
//
// The loader wants to refuse a bad image while refusing is free: before
// dlopen, validate_module_elf (elf_validate.cpp) checks everything the
// dynamic linker will trust; then this file reads .modinfo, the undefined
// symbols (from the dynamic symbol table the dynamic linker reads, not from
// section headers) and the exports.
#include <simkernel/elf_image.hpp>
#include <simkernel/elf_validate.hpp>

#include <algorithm>

#include <gelf.h>
#include <libelf.h>

#include <fmt/format.h>

#include <cstring>
#include <memory>

namespace sk {

std::string ElfImage::info(const std::string& key) const {
    for (const auto& e : modinfo)
        if (e.key == key) return e.value;
    return {};
}

bool ElfImage::has_info(const std::string& key) const {
    for (const auto& e : modinfo)
        if (e.key == key) return true;
    return false;
}

const ElfSection* ElfImage::section(const std::string& name) const {
    for (const auto& s : sections)
        if (s.name == name) return &s;
    return nullptr;
}

namespace {

struct ElfCloser {
    void operator()(Elf* e) const { elf_end(e); }
};
using ElfPtr = std::unique_ptr<Elf, ElfCloser>;

// Checks the ELF header and that every section lies inside the file.
ElfPtr open_checked(const void* data, size_t len, std::string* why) {
    static const bool init = elf_version(EV_CURRENT) != EV_NONE;
    (void)init;
    if (len < EI_NIDENT || memcmp(data, ELFMAG, SELFMAG) != 0) {
        *why = "not an ELF file (bad magic)";
        return nullptr;
    }
    ElfPtr elf(elf_memory(static_cast<char*>(const_cast<void*>(data)), len));
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF) {
        *why = fmt::format("unreadable ELF file: {}", elf_errmsg(-1));
        return nullptr;
    }
    GElf_Ehdr eh;
    if (!gelf_getehdr(elf.get(), &eh)) {
        *why = "truncated ELF header";
        return nullptr;
    }
    if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB) {
        *why = "not a 64-bit little-endian ELF file";
        return nullptr;
    }
    if (eh.e_machine != EM_X86_64) {
        *why = fmt::format("ELF machine {} is not x86-64 ({})", eh.e_machine, EM_X86_64);
        return nullptr;
    }
    if (eh.e_type != ET_DYN) {
        *why = "not a simkernel module (ELF type is not a shared object; was it built with the SDK?)";
        return nullptr;
    }
    if (eh.e_shoff == 0 || eh.e_shoff > len ||
        eh.e_shnum * static_cast<uint64_t>(eh.e_shentsize) > len - eh.e_shoff) {
        *why = "truncated file: the section headers lie past its end";
        return nullptr;
    }
    if (eh.e_phoff > len || eh.e_phnum * static_cast<uint64_t>(eh.e_phentsize) > len - eh.e_phoff) {
        *why = "truncated file: the program headers lie past its end";
        return nullptr;
    }
    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf.get(), scn));) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh)) {
            *why = "unreadable section header";
            return nullptr;
        }
        if (sh.sh_type != SHT_NOBITS && (sh.sh_offset > len || sh.sh_size > len - sh.sh_offset)) {
            *why = "truncated file: a section lies past its end";
            return nullptr;
        }
    }
    return elf;
}

std::string section_name(Elf* elf, const GElf_Shdr& sh) {
    size_t shstrndx;
    if (elf_getshdrstrndx(elf, &shstrndx) != 0) return {};
    const char* n = elf_strptr(elf, shstrndx, sh.sh_name);
    return n ? n : "";
}

void parse_modinfo(const char* p, size_t size, std::vector<ModinfoEntry>* out) {
    const char* end = p + size;
    while (p < end) {
        size_t n = strnlen(p, static_cast<size_t>(end - p));
        std::string rec(p, n);
        p += n + 1;
        if (rec.empty()) continue;  // padding between records
        size_t eq = rec.find('=');
        if (eq == std::string::npos) continue;
        out->push_back({rec.substr(0, eq), rec.substr(eq + 1)});
    }
}

}  // namespace

bool parse_elf_image(const void* data, size_t len, ElfImage* out, std::string* why) {
    DynamicImage dyn;
    if (!validate_module_elf(data, len, &dyn, why)) return false;
    ElfPtr elf = open_checked(data, len, why);
    if (!elf) return false;
    *out = {};
    bool have_modinfo = false;
    std::vector<std::pair<uint64_t, std::string>> ksymtab_sections;  // index, name

    // The memory the LOAD segments take, page-rounded (validated: ordered,
    // bounded, non-overlapping).
    uint64_t lo = dyn.span_lo & ~uint64_t{4095};
    out->load_size = ((dyn.span_hi - lo) + 4095) & ~uint64_t{4095};
    // What the dynamic linker will have to bind: every undefined symbol of
    // DT_SYMTAB, weak ones included (a weak one would otherwise be bound to
    // whatever the host process defines under that name).
    for (const DynamicSymbol& s : dyn.symbols) {
        if (s.defined) continue;
        out->undefined.push_back(s.name);
        if (s.weak) out->weak_undefined.push_back(s.name);
    }

    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf.get(), scn));) {
        GElf_Shdr sh;
        gelf_getshdr(scn, &sh);
        std::string name = section_name(elf.get(), sh);
        out->sections.push_back({name, sh.sh_addr, sh.sh_size});
        if (name == ".modinfo") {
            Elf_Data* d = elf_getdata(scn, nullptr);
            if (d && d->d_buf) parse_modinfo(static_cast<const char*>(d->d_buf), d->d_size, &out->modinfo);
            have_modinfo = true;
        } else if (name == "__ksymtab" || name == "__ksymtab_gpl") {
            ksymtab_sections.emplace_back(elf_ndxscn(scn), name);
        }
    }
    if (!have_modinfo) {
        *why = "no .modinfo section (was it built with the SDK's module.h?)";
        return false;
    }

    // Exports: symbols named __ksymtab_<sym>, in __ksymtab or __ksymtab_gpl.
    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf.get(), scn));) {
        GElf_Shdr sh;
        gelf_getshdr(scn, &sh);
        if (sh.sh_type != SHT_SYMTAB) continue;
        Elf_Data* d = elf_getdata(scn, nullptr);
        size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
        for (size_t i = 1; d && i < n; ++i) {
            GElf_Sym sym;
            if (!gelf_getsym(d, static_cast<int>(i), &sym)) continue;
            const char* s = elf_strptr(elf.get(), sh.sh_link, sym.st_name);
            if (s && *s && GELF_ST_TYPE(sym.st_info) == STT_FUNC && sym.st_shndx != SHN_UNDEF)
                out->functions.push_back({sym.st_value, sym.st_size, s});
            if (!s || strncmp(s, "__ksymtab_", 10) != 0) continue;
            for (const auto& [index, secname] : ksymtab_sections)
                if (sym.st_shndx == index) out->exports.push_back({s + 10, secname == "__ksymtab_gpl"});
        }
    }
    // module_init(fn) makes init_module an alias of fn (module_exit the
    // same for cleanup_module): at one address the alias sorts first, so
    // that function_at, which takes the last, names fn as Linux's kallsyms does.
    auto alias = [](const ElfFunction& f) { return f.name == "init_module" || f.name == "cleanup_module"; };
    std::sort(out->functions.begin(), out->functions.end(), [&](const ElfFunction& a, const ElfFunction& b) {
        return a.addr != b.addr ? a.addr < b.addr : alias(a) > alias(b);
    });
    return true;
}

const ElfFunction* ElfImage::function_at(uint64_t addr) const {
    auto it = std::upper_bound(functions.begin(), functions.end(), addr,
                               [](uint64_t a, const ElfFunction& f) { return a < f.addr; });
    if (it == functions.begin()) return nullptr;
    --it;
    return addr < it->addr + std::max<uint64_t>(it->size, 1) ? &*it : nullptr;
}

bool read_modinfo(const void* data, size_t len, std::vector<ModinfoEntry>* out, std::string* why) {
    ElfPtr elf = open_checked(data, len, why);
    if (!elf) return false;
    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf.get(), scn));) {
        GElf_Shdr sh;
        gelf_getshdr(scn, &sh);
        if (section_name(elf.get(), sh) != ".modinfo") continue;
        Elf_Data* d = elf_getdata(scn, nullptr);
        if (d && d->d_buf) parse_modinfo(static_cast<const char*>(d->d_buf), d->d_size, out);
        return true;
    }
    *why = "no .modinfo section";
    return false;
}

}  // namespace sk
