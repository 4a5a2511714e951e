// modfile.cpp - see modfile.hpp.
#include "modfile.hpp"

#include "kmod.hpp"

#include <gelf.h>
#include <libelf.h>

#include <cstring>
#include <memory>

namespace tools {

namespace {

struct ElfCloser {
    void operator()(Elf* e) const { elf_end(e); }
};

struct Section {
    const char* data = nullptr;
    size_t size = 0;
    GElf_Shdr hdr{};
    Elf_Scn* scn = nullptr;
};

// Every NUL-terminated string in a section, skipping empty ones (padding),
// as kmod_elf_get_strings does.
std::vector<std::string_view> section_strings(const Section& s) {
    std::vector<std::string_view> out;
    const char* p = s.data;
    const char* end = s.data + s.size;
    while (p < end) {
        size_t n = strnlen(p, static_cast<size_t>(end - p));
        if (n) out.emplace_back(p, n);
        p += n + 1;
    }
    return out;
}

}  // namespace

std::string modname_from_path(std::string_view path) {
    std::string_view base = path.substr(path.find_last_of('/') + 1);
    base = base.substr(0, base.find('.'));
    std::string name(base);
    for (char& c : name)
        if (c == '-') c = '_';
    return name;
}

bool has_module_extension(std::string_view name) {
    for (std::string_view ext : {".ko", ".ko.gz", ".ko.xz", ".ko.zst"})
        if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return true;
    return false;
}

long parse_module_file(std::string_view image, ModuleFile* out) {
    static const bool init = elf_version(EV_CURRENT) != EV_NONE;
    (void)init;
    *out = {};
    auto fail = [out](long err = -EINVAL) {
        out->info.clear();
        out->exports.clear();
        out->needs.clear();
        out->info_err = out->exports_err = out->needs_err = err;
        return err;
    };
    // kmod's elf_identify: not ELF at all is ENOEXEC ("Exec format error");
    // an ELF header kmod cannot read (class, byte order, size) is EINVAL.
    if (image.size() <= EI_NIDENT || memcmp(image.data(), ELFMAG, SELFMAG) != 0) return fail(-ENOEXEC);
    const auto* ident = reinterpret_cast<const unsigned char*>(image.data());
    if (ident[EI_CLASS] == ELFCLASS32 ? image.size() <= sizeof(Elf32_Ehdr)
        : ident[EI_CLASS] == ELFCLASS64 ? image.size() <= sizeof(Elf64_Ehdr)
                                        : true)
        return fail();
    if (ident[EI_DATA] != ELFDATA2LSB && ident[EI_DATA] != ELFDATA2MSB) return fail();
    std::unique_ptr<Elf, ElfCloser> elf(elf_memory(const_cast<char*>(image.data()), image.size()));
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF) return fail();
    GElf_Ehdr eh;
    size_t shstrndx;
    if (!gelf_getehdr(elf.get(), &eh) || elf_getshdrstrndx(elf.get(), &shstrndx) != 0) return fail();
    if (eh.e_shoff == 0 || eh.e_shoff > image.size() ||
        eh.e_shnum * static_cast<uint64_t>(eh.e_shentsize) > image.size() - eh.e_shoff)
        return fail();

    Section modinfo, ksymstr, symtab, strtab;
    for (Elf_Scn* scn = nullptr; (scn = elf_nextscn(elf.get(), scn));) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh)) return fail();
        if (sh.sh_type != SHT_NOBITS && (sh.sh_offset > image.size() || sh.sh_size > image.size() - sh.sh_offset))
            return fail();
        const char* name = elf_strptr(elf.get(), shstrndx, sh.sh_name);
        if (!name) continue;
        Section* want = !strcmp(name, ".modinfo")            ? &modinfo
                        : !strcmp(name, "__ksymtab_strings") ? &ksymstr
                        : !strcmp(name, ".symtab")           ? &symtab
                        : !strcmp(name, ".strtab")           ? &strtab
                                                             : nullptr;
        if (!want || want->scn) continue;  // the first section of a name, as kmod
        want->scn = scn;
        want->hdr = sh;
        want->data = image.data() + sh.sh_offset;
        want->size = sh.sh_type == SHT_NOBITS ? 0 : sh.sh_size;
    }

    // .modinfo
    if (!modinfo.scn) {
        out->info_err = -ENOENT;
    } else {
        for (std::string_view rec : section_strings(modinfo)) {
            size_t eq = rec.find('=');
            if (eq == std::string_view::npos) out->info.push_back({std::string(rec), {}});
            else out->info.push_back({std::string(rec.substr(0, eq)), std::string(rec.substr(eq + 1))});
        }
    }

    // Exports. With modversions kmod reads the __crc_<sym> symbols; without
    // (simkernel's SDK), every string of __ksymtab_strings is an export.
    std::vector<std::string> crcs;
    if (symtab.scn && strtab.scn && symtab.hdr.sh_entsize) {
        Elf_Data* d = elf_getdata(symtab.scn, nullptr);
        size_t n = symtab.size / symtab.hdr.sh_entsize;
        for (size_t i = 1; d && i < n; ++i) {
            GElf_Sym sym;
            if (!gelf_getsym(d, static_cast<int>(i), &sym) || sym.st_name >= strtab.size) continue;
            const char* s = strtab.data + sym.st_name;
            if (strncmp(s, "__crc_", 6) == 0) crcs.emplace_back(s + 6);
            if (sym.st_shndx != SHN_UNDEF || !*s) continue;
            out->needs.push_back({s, GELF_ST_BIND(sym.st_info) == STB_WEAK});
        }
    } else {
        out->needs_err = -EINVAL;  // stripped: kmod sees no needs either
    }
    if (!crcs.empty()) {
        out->exports = std::move(crcs);
    } else if (!ksymstr.scn || ksymstr.size == 0) {
        out->exports_err = -ENOENT;
    } else {
        for (std::string_view s : section_strings(ksymstr)) out->exports.emplace_back(s);
    }
    return 0;
}

long read_module_file(const std::string& path, ModuleFile* out) {
    std::string image;
    if (long err = read_whole_file(path, &image)) return err;
    return parse_module_file(image, out);
}

std::vector<BuiltinModinfo> parse_builtin_modinfo(std::string_view text) {
    std::vector<BuiltinModinfo> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find('\0', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view rec = text.substr(i, end - i);
        i = end + 1;
        size_t dot = rec.find('.'), eq = rec.find('=');
        if (dot == std::string_view::npos || eq == std::string_view::npos || eq < dot) continue;
        out.push_back({std::string(rec.substr(0, dot)),
                       {std::string(rec.substr(dot + 1, eq - dot - 1)), std::string(rec.substr(eq + 1))}});
    }
    return out;
}

}  // namespace tools
