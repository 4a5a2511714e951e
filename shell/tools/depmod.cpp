// depmod.cpp - see depmod.hpp. Each step follows kmod's tools/depmod.c, so
// that for the same tree the files written are byte for byte kmod's; the
// one difference is on purpose: where kmod 30 stops at a dependency cycle
// and writes nothing, this depmod leaves the cyclic modules out and writes
// the rest (and still exits with status 1), so everything else still loads.
#include "depmod.hpp"

#include "conf_files.hpp"
#include "kmod.hpp"
#include "kmod_hash.hpp"
#include "kmod_module.hpp"
#include "kmod_index.hpp"
#include "ufs.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <dirent.h>
#include <functional>
#include <regex>
#include <unordered_map>

namespace tools {

namespace {

constexpr unsigned kModuleHashBuckets = 512;   // depmod's modules_by_name
constexpr unsigned kSymbolHashBuckets = 2048;  // depmod's symbols

// kmod's underscores2()/alias_normalize(): '-' becomes '_' except inside
// [...]; an unmatched bracket makes the alias unusable.
bool alias_normalize(const std::string& in, std::string* out) {
    out->clear();
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '-') {
            *out += '_';
        } else if (c == ']') {
            return false;
        } else if (c == '[') {
            size_t close = in.find(']', i);
            if (close == std::string::npos) return false;
            *out += in.substr(i, close - i + 1);
            i = close;
        } else {
            *out += c;
        }
    }
    return true;
}

bool is_version_like(const std::string& s) {
    unsigned a, b;
    return sscanf(s.c_str(), "%u.%u", &a, &b) == 2;
}

}  // namespace

Depmod::Depmod(DepmodOptions opts, const KmodLog& log) : opts_(std::move(opts)), log_(log) {
    if (opts_.release.empty()) opts_.release = kernel_release();
    dirname_ = opts_.basedir + "/lib/modules/" + opts_.release;
    if (opts_.config_paths.empty()) opts_.config_paths = {"/etc/depmod.d"};
}

// ---- /etc/depmod.d ----------------------------------------------------------

long Depmod::load_config() {
    searches_.clear();
    overrides_.clear();
    for (const std::string& file : list_conf_files(opts_.config_paths, {".conf"})) {
        std::string text;
        if (long err = read_whole_file(file, &text)) {
            log_.error("file parse {}: {}\n", file, errno_text(static_cast<int>(-err)));
            continue;
        }
        for (const ConfLine& line : conf_lines(text)) {
            if (line.text.empty() || line.text[0] == '#') continue;
            std::vector<std::string> w = split_words(line.text);
            if (w.empty()) continue;
            if (w[0] == "search") {
                // kmod keeps its search list newest first; the priority
                // arithmetic in higher_priority() relies on that order.
                for (size_t i = 1; i < w.size(); ++i)
                    searches_.insert(searches_.begin(), Search{w[i] == "built-in" ? "" : w[i], w[i] == "built-in"});
            } else if (w[0] == "override") {
                if (w.size() < 4) {
                    log_.error("{}:{}: ignoring bad line starting with '{}'\n", file, line.number, w[0]);
                    continue;
                }
                bool matches = w[2] == "*";
                if (!matches) {
                    try {
                        matches = std::regex_search(opts_.release, std::regex(w[2], std::regex::extended));
                    } catch (const std::regex_error&) {
                        matches = false;
                    }
                }
                if (matches) overrides_.insert(overrides_.begin(), Override{w[3] + "/" + w[1]});
            } else if (w[0] == "include" || w[0] == "make_map_files" || w[0] == "external") {
                // kmod: "not implemented yet", said only at -v
            } else {
                log_.error("{}:{}: ignoring bad line starting with '{}'\n", file, line.number, w[0]);
            }
        }
    }
    if (searches_.empty()) searches_.push_back({"updates", false});
    return 0;
}

// Is the module already found (old) preferred to a new file of the same
// name? kmod's depmod_module_is_higher_priority, on paths relative to the
// modules directory and cut after the module name.
bool Depmod::higher_priority(const DepmodModule& old, const std::string& newrel) const {
    auto cut = [](const std::string& rel, const std::string& modname) {
        size_t base = rel.find_last_of('/') + 1;
        return rel.substr(0, std::min(rel.size(), base + modname.size()));
    };
    std::string newpath = cut(newrel, old.name);
    std::string oldpath = cut(old.relpath, old.name);
    for (const Override& o : overrides_) {
        if (newpath == o.path) return false;
        if (oldpath == o.path) return true;
    }
    int bprio = -1, oldprio = -1, newprio = -1;
    for (size_t i = 0; i < searches_.size(); ++i) {
        const Search& s = searches_[i];
        if (s.builtin) bprio = static_cast<int>(i);
        else if (newpath.compare(0, s.path.size(), s.path) == 0 && newpath.size() >= s.path.size())
            newprio = static_cast<int>(i);
        else if (oldpath.compare(0, s.path.size(), s.path) == 0 && oldpath.size() >= s.path.size())
            oldprio = static_cast<int>(i);
    }
    if (newprio < 0) newprio = bprio;
    if (oldprio < 0) oldprio = bprio;
    return newprio <= oldprio;
}

// ---- 1. finding the modules --------------------------------------------------

void Depmod::add_file(const std::string& path, const std::string& relpath) {
    std::string name = modname_from_path(relpath);
    auto [it, fresh] = by_name_.try_emplace(name, modules_.size());
    if (!fresh) {
        DepmodModule& m = modules_[it->second];
        if (higher_priority(m, relpath)) return;
        m = DepmodModule{};
        m.name = name;
        m.path = path;
        m.relpath = relpath;
        return;
    }
    DepmodModule m;
    m.name = name;
    m.path = path;
    m.relpath = relpath;
    modules_.push_back(std::move(m));
}

long Depmod::scan_dir(const std::string& dir, const std::string& rel) {
    std::vector<DirEntry> entries;
    if (long err = list_dir(dir, &entries)) return err;
    for (const DirEntry& e : entries) {
        if (e.name == "build" || e.name == "source") continue;
        std::string path = dir + "/" + e.name;
        std::string relpath = rel.empty() ? e.name : rel + "/" + e.name;
        bool is_dir;
        if (e.type == DT_REG) {
            is_dir = false;
        } else if (e.type == DT_DIR) {
            is_dir = true;
        } else {
            struct stat st;
            if (long err = stat_path(path, &st)) {
                log_.error("fstatat({}): {}\n", path, errno_text(static_cast<int>(-err)));
                continue;
            }
            if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
                log_.error("unsupported file type {}: {:o}\n", path, st.st_mode & S_IFMT);
                continue;
            }
            is_dir = S_ISDIR(st.st_mode);
        }
        if (is_dir) scan_dir(path, relpath);
        else if (has_module_extension(e.name)) add_file(path, relpath);
    }
    return 0;
}

long Depmod::find_modules() {
    modules_.clear();
    by_name_.clear();
    if (long err = scan_dir(dirname_, "")) {
        log_.error("could not open directory {}: {}\n", dirname_, errno_text(static_cast<int>(-err)));
        return err;
    }
    return 0;
}

// ---- 2. their order ------------------------------------------------------------

void Depmod::sort_modules() {
    // kmod builds its array by walking its module hash...
    sort_in_kmod_hash_order(modules_, kModuleHashBuckets, [](const DepmodModule& m) { return std::string_view(m.name); });
    // ...then moves those modules.order lists to the front, in its order.
    std::string text;
    std::string order = dirname_ + "/modules.order";
    if (long err = read_whole_file(order, &text)) {
        log_.warning("could not open modules.order at {}: {}\n", dirname_, errno_text(static_cast<int>(-err)));
        return;
    }
    std::vector<std::string> lines;
    size_t i = 0;
    while (i < text.size()) {
        size_t nl = text.find('\n', i);
        if (nl == std::string::npos) {
            log_.error("{}:{} corrupted line misses '\\n'\n", order, lines.size() + 1);
            return;
        }
        lines.push_back(text.substr(i, nl - i));
        i = nl + 1;
    }
    int total = static_cast<int>(lines.size()) + 1;
    std::unordered_map<std::string, DepmodModule*> by_rel;
    for (DepmodModule& m : modules_) by_rel[m.relpath] = &m;
    for (size_t n = 0; n < lines.size(); ++n) {
        auto it = by_rel.find(lines[n]);
        if (it != by_rel.end()) it->second->sort_idx = static_cast<int>(n + 1) - total;
    }
    std::stable_sort(modules_.begin(), modules_.end(),
                     [](const DepmodModule& a, const DepmodModule& b) { return a.sort_idx < b.sort_idx; });
}

// ---- 3. reading them -----------------------------------------------------------

void Depmod::load_modules() {
    symbols_.clear();
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < modules_.size(); ++i) {
        DepmodModule& m = modules_[i];
        long err = KmodModule::from_path(m.path).info(&m.file);
        if (err == 0 && m.file.exports_err && m.file.exports_err != -ENOENT) err = m.file.exports_err;
        if (err < 0 && err != -ENOENT) {
            log_.error("failed to load symbols from {}: {}\n", m.path, errno_text(static_cast<int>(-err)));
            if (m.file.info_err == 0 && m.file.info.empty()) m.file.info_err = err;
        }
        // A symbol exported twice belongs to the module read last, as in
        // kmod's hash_add.
        for (const std::string& s : m.file.exports) {
            auto [it, fresh] = index.try_emplace(s, symbols_.size());
            if (fresh) symbols_.emplace_back(s, i);
            else symbols_[it->second].second = i;
        }
    }
}

// ---- 4. dependencies and their order ------------------------------------------

bool Depmod::resolve_dependencies() {
    std::unordered_map<std::string_view, size_t> owner;
    owner.reserve(symbols_.size());
    for (const auto& [name, m] : symbols_) owner[name] = m;
    for (size_t i = 0; i < modules_.size(); ++i) {
        DepmodModule& m = modules_[i];
        for (const NeededSymbol& s : m.file.needs) {
            std::string_view name = s.name;
            if (!name.empty() && name[0] == '.') name.remove_prefix(1);  // PPC64's .foo == foo
            auto it = owner.find(name);
            if (it == owner.end()) continue;  // the kernel's own, or no one's
            size_t d = it->second;
            if (std::find(m.deps.begin(), m.deps.end(), d) != m.deps.end()) continue;
            m.deps.push_back(d);
            modules_[d].users++;
            if (log_.shows(LOG_INFO)) print("{} needs \"{}\": {}\n", m.path, s.name, modules_[d].path);
        }
    }

    // Topological sort, modules nothing needs first (kmod's order exactly:
    // a stack of roots, seeded in array order).
    size_t n = modules_.size();
    std::vector<unsigned> users(n);
    std::vector<size_t> roots;
    for (size_t i = 0; i < n; ++i) {
        users[i] = modules_[i].users;
        if (users[i] == 0) roots.push_back(i);
    }
    int sorted = 0;
    auto drain = [&] {
        while (!roots.empty()) {
            size_t src = roots.back();
            roots.pop_back();
            modules_[src].dep_sort_idx = sorted++;
            for (size_t d : modules_[src].deps)
                if (--users[d] == 0) roots.push_back(d);
        }
    };
    drain();
    bool ok = sorted == static_cast<int>(n);
    if (!ok) {
        report_cycles(users);
        mark_cycles();
        // Without the cyclic modules, what they needed can be ordered too.
        for (size_t i = 0; i < n; ++i)
            if (modules_[i].in_cycle)
                for (size_t d : modules_[i].deps)
                    if (!modules_[d].in_cycle && --users[d] == 0) roots.push_back(d);
        std::sort(roots.begin(), roots.end());
        drain();
        status_ = 1;
    }
    for (DepmodModule& m : modules_)
        std::sort(m.deps.begin(), m.deps.end(),
                  [this](size_t a, size_t b) { return modules_[a].dep_sort_idx < modules_[b].dep_sort_idx; });
    return ok;
}

// kmod 30's report, step by step, quirks included (it was matched against
// Debian's kmod 30 on hundreds of random graphs): a depth-first search from
// each module left unsorted, printing the path every time it comes back to
// where it started. The candidate starting points are a ring: taking one
// out, or any module a report names, makes the one after it the next
// start; a module needing nothing leaves the ring when the search meets it.
// Where kmod 30 dies on a tangle of cycles (an assertion, or printing
// forever), this stops reporting instead.
void Depmod::report_cycles(const std::vector<unsigned>& users) {
    std::vector<size_t> ring;  // ring[0] is the next start
    for (size_t i = 0; i < modules_.size(); ++i)
        if (users[i] > 0) ring.push_back(i);
    auto ring_remove = [&ring](size_t m) {
        auto it = std::find(ring.begin(), ring.end(), m);
        if (it == ring.end()) return;
        size_t i = static_cast<size_t>(it - ring.begin());
        ring.erase(it);
        if (!ring.empty()) std::rotate(ring.begin(), ring.begin() + static_cast<long>(i % ring.size()), ring.end());
    };
    const size_t stack_size = ring.size();
    std::vector<bool> in_loop(modules_.size(), false);
    size_t loop_count = 0, reports = 0;
    bool gave_up = false;

    struct Vertex {
        size_t mod;
        long parent;  // index into vertices; -1 for the start
    };
    while (!ring.empty() && !gave_up) {
        size_t root = ring.front();
        ring_remove(root);
        std::vector<Vertex> vertices{{root, -1}};
        std::vector<size_t> stack{0};
        while (!stack.empty()) {
            size_t vi = stack.back();
            stack.pop_back();
            Vertex v = vertices[vi];
            DepmodModule& m = modules_[v.mod];
            if (m.deps.empty()) {
                m.visited = true;
                ring_remove(v.mod);
                continue;
            }
            if (m.visited && v.mod == root) {
                std::vector<size_t> path;  // nearest parent first
                for (long p = v.parent; p >= 0; p = vertices[static_cast<size_t>(p)].parent) {
                    size_t pm = vertices[static_cast<size_t>(p)].mod;
                    if (!in_loop[pm]) {
                        in_loop[pm] = true;
                        ++loop_count;
                    }
                    path.push_back(pm);
                }
                std::string text;
                for (auto it = path.rbegin(); it != path.rend(); ++it) {
                    text += modules_[*it].name + " -> ";
                    ring_remove(*it);
                }
                log_.error("Cycle detected: {}{}\n", text, m.name);
                if (++reports >= 64 + modules_.size()) gave_up = true;  // kmod: forever
                if (gave_up) break;
                continue;
            }
            m.visited = true;
            for (size_t d : m.deps) {
                if (stack.size() >= stack_size) {  // kmod: assert(is < stack_size)
                    gave_up = true;
                    break;
                }
                vertices.push_back({d, static_cast<long>(vi)});
                stack.push_back(vertices.size() - 1);
            }
            if (gave_up) break;
        }
    }
    log_.error("Found {} modules in dependency cycles!\n", loop_count);
}

// Which modules are really in a cycle (a strongly connected component of
// more than one module, or one needing itself): Tarjan's algorithm.
void Depmod::mark_cycles() {
    size_t n = modules_.size();
    std::vector<int> index(n, -1), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<size_t> stack;
    int counter = 0;
    std::function<void(size_t)> connect = [&](size_t v) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = true;
        for (size_t w : modules_[v].deps) {
            if (index[w] < 0) {
                connect(w);
                low[v] = std::min(low[v], low[w]);
            } else if (on_stack[w]) {
                low[v] = std::min(low[v], index[w]);
            }
        }
        if (low[v] != index[v]) return;
        std::vector<size_t> component;
        size_t w;
        do {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = false;
            component.push_back(w);
        } while (w != v);
        bool self = std::find(modules_[v].deps.begin(), modules_[v].deps.end(), v) != modules_[v].deps.end();
        if (component.size() > 1 || self)
            for (size_t c : component) modules_[c].in_cycle = true;
    };
    for (size_t v = 0; v < n; ++v)
        if (index[v] < 0) connect(v);
}

std::vector<size_t> Depmod::all_dependencies(size_t m) const {
    std::vector<size_t> out;
    std::vector<bool> seen(modules_.size(), false);
    std::vector<size_t> todo(modules_[m].deps.rbegin(), modules_[m].deps.rend());
    while (!todo.empty()) {
        size_t d = todo.back();
        todo.pop_back();
        if (seen[d]) continue;
        seen[d] = true;
        out.push_back(d);
        for (auto it = modules_[d].deps.rbegin(); it != modules_[d].deps.rend(); ++it)
            if (!seen[*it]) todo.push_back(*it);
    }
    std::sort(out.begin(), out.end(),
              [this](size_t a, size_t b) { return modules_[a].dep_sort_idx < modules_[b].dep_sort_idx; });
    std::erase_if(out, [this](size_t d) { return modules_[d].in_cycle; });
    return out;
}

// ---- 5. the files -------------------------------------------------------------

std::string Depmod::text_dep() const {
    std::string out;
    for (size_t i = 0; i < modules_.size(); ++i) {
        if (modules_[i].in_cycle) continue;
        out += modules_[i].relpath;
        out += ':';
        for (size_t d : all_dependencies(i)) {
            out += ' ';
            out += modules_[d].relpath;
        }
        out += '\n';
    }
    return out;
}

std::string Depmod::bin_dep() const {
    KmodIndex idx;
    for (size_t i = 0; i < modules_.size(); ++i) {
        if (modules_[i].in_cycle) continue;
        std::string line = modules_[i].relpath + ":";
        for (size_t d : all_dependencies(i)) line += " " + modules_[d].relpath;
        idx.insert(modules_[i].name, line, static_cast<uint32_t>(i));
    }
    return idx.serialize();
}

std::string Depmod::text_alias() const {
    std::string out = "# Aliases extracted from modules themselves.\n";
    for (const DepmodModule& m : modules_) {
        if (m.in_cycle) continue;
        for (const ModinfoField& f : m.file.info)
            if (f.key == "alias") out += fmt::format("alias {} {}\n", f.value, m.name);
    }
    return out;
}

std::string Depmod::bin_alias() const {
    KmodIndex idx;
    for (size_t i = 0; i < modules_.size(); ++i) {
        if (modules_[i].in_cycle) continue;
        for (const ModinfoField& f : modules_[i].file.info) {
            if (f.key != "alias") continue;
            std::string alias;
            if (!alias_normalize(f.value, &alias)) {
                log_.warning("Unmatched bracket in {}\n", f.value);
                continue;
            }
            idx.insert(alias, modules_[i].name, static_cast<uint32_t>(i));
        }
    }
    return idx.serialize();
}

std::string Depmod::text_softdep() const {
    std::string out = "# Soft dependencies extracted from modules themselves.\n";
    for (const DepmodModule& m : modules_) {
        if (m.in_cycle) continue;
        for (const ModinfoField& f : m.file.info)
            if (f.key == "softdep") out += fmt::format("softdep {} {}\n", m.name, f.value);
    }
    return out;
}

std::vector<std::pair<std::string, size_t>> Depmod::symbols_in_hash_order() const {
    std::vector<std::pair<std::string, size_t>> syms;
    for (const auto& s : symbols_)
        if (!modules_[s.second].in_cycle) syms.push_back(s);
    sort_in_kmod_hash_order(syms, kSymbolHashBuckets, [](const auto& s) { return std::string_view(s.first); });
    return syms;
}

std::string Depmod::text_symbols() const {
    std::string out = "# Aliases for symbols, used by symbol_request().\n";
    for (const auto& [name, owner] : symbols_in_hash_order())
        out += fmt::format("alias symbol:{} {}\n", name, modules_[owner].name);
    return out;
}

std::string Depmod::bin_symbols() const {
    KmodIndex idx;
    for (const auto& [name, owner] : symbols_in_hash_order())
        idx.insert("symbol:" + name, modules_[owner].name, static_cast<uint32_t>(owner));
    return idx.serialize();
}

// modules.builtin lists what is built into the kernel ("kernel/x/y.ko").
std::string Depmod::bin_builtin() const {
    std::string text;
    if (long err = read_whole_file(dirname_ + "/modules.builtin", &text)) {
        log_.warning("could not open modules.builtin at {}: {}\n", dirname_, errno_text(static_cast<int>(-err)));
        return {};
    }
    KmodIndex idx;
    size_t i = 0;
    while (i < text.size()) {
        size_t nl = text.find('\n', i);
        std::string line = text.substr(i, nl == std::string::npos ? std::string::npos : nl - i + 1);
        i = nl == std::string::npos ? text.size() : nl + 1;
        if (line.empty() || !isalpha(static_cast<unsigned char>(line[0]))) {
            log_.error("Invalid modules.builtin line: {}\n", line);
            continue;
        }
        if (line.back() == '\n') line.pop_back();
        idx.insert(modname_from_path(line), "", 0);
    }
    return idx.serialize();
}

// modules.builtin.modinfo: "module.key=value\0" for what is built in.
std::string Depmod::bin_builtin_alias() const {
    std::string text;
    if (long err = read_whole_file(dirname_ + "/modules.builtin.modinfo", &text)) {
        log_.warning("could not open modules.builtin.modinfo at {}: {}\n", dirname_,
                     errno_text(static_cast<int>(-err)));
        return {};
    }
    KmodIndex idx;
    for (const BuiltinModinfo& r : parse_builtin_modinfo(text)) {
        if (r.field.key != "alias") continue;
        std::string alias;
        if (!alias_normalize(r.field.value, &alias)) {
            log_.warning("Unmatched bracket in {}\n", r.field.value);
            continue;
        }
        idx.insert(alias, r.module, 0);
    }
    return idx.serialize();
}

// Device nodes udev makes before the module is loaded: from aliases
// "devname:NAME" plus "char-major-M-N" (or block-major-M-N).
std::string Depmod::text_devname() const {
    std::string out;
    for (const DepmodModule& m : modules_) {
        if (m.in_cycle) continue;
        std::string devname;
        char type = 0;
        unsigned major = 0, minor = 0;
        for (const ModinfoField& f : m.file.info) {
            if (f.key != "alias") continue;
            unsigned a, b;
            if (f.value.rfind("devname:", 0) == 0) devname = f.value.substr(8);
            else if (sscanf(f.value.c_str(), "char-major-%u-%u", &a, &b) == 2) type = 'c', major = a, minor = b;
            else if (sscanf(f.value.c_str(), "block-major-%u-%u", &a, &b) == 2) type = 'b', major = a, minor = b;
            if (type && !devname.empty()) {
                if (out.empty()) out = "# Device nodes to trigger on-demand module loading.\n";
                out += fmt::format("{} {} {}{}:{}\n", m.name, devname, type, major, minor);
                break;
            }
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> Depmod::outputs(bool binary) const {
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("modules.dep", text_dep());
    if (binary) out.emplace_back("modules.dep.bin", bin_dep());
    out.emplace_back("modules.alias", text_alias());
    if (binary) out.emplace_back("modules.alias.bin", bin_alias());
    out.emplace_back("modules.softdep", text_softdep());
    out.emplace_back("modules.symbols", text_symbols());
    if (binary) {
        out.emplace_back("modules.symbols.bin", bin_symbols());
        out.emplace_back("modules.builtin.bin", bin_builtin());
        out.emplace_back("modules.builtin.alias.bin", bin_builtin_alias());
    }
    out.emplace_back("modules.devname", text_devname());
    return out;
}

// ---- the whole run --------------------------------------------------------------

// -A: is modules.dep newer than every module?
bool Depmod::up_to_date() {
    struct stat dep;
    if (long err = stat_path(dirname_ + "/modules.dep", &dep)) {
        log_.error("could not fstatat({}, modules.dep): {}\n", dirname_, errno_text(static_cast<int>(-err)));
        return false;
    }
    std::function<bool(const std::string&)> walk = [&](const std::string& dir) {
        std::vector<DirEntry> entries;
        if (list_dir(dir, &entries) != 0) return true;
        for (const DirEntry& e : entries) {
            if (e.name == "build" || e.name == "source") continue;
            std::string path = dir + "/" + e.name;
            struct stat st;
            if (stat_path(path, &st) != 0) continue;
            if (S_ISDIR(st.st_mode)) {
                if (!walk(path)) return false;
            } else if (S_ISREG(st.st_mode) && has_module_extension(e.name) && st.st_mtime > dep.st_mtime) {
                return false;
            }
        }
        return true;
    };
    return walk(dirname_);
}

int Depmod::run() {
    if (opts_.quick) {
        if (opts_.dry_run || up_to_date()) return 0;
    }
    load_config();
    if (long err = find_modules()) {
        log_.fatal("could not search modules: {}\n", errno_text(static_cast<int>(-err)));
        return 1;
    }
    sort_modules();
    load_modules();
    resolve_dependencies();
    for (const auto& [name, content] : outputs(!opts_.dry_run)) {
        if (opts_.dry_run) {
            write_all(1, content);
            continue;
        }
        std::string path = dirname_ + "/" + name;
        if (long err = write_file(path, content)) {
            log_.error("could not write {}: {}\n", path, errno_text(static_cast<int>(-err)));
            status_ = 1;
        }
    }
    return status_;
}

bool is_release_arg(const std::string& arg) { return is_version_like(arg); }

}  // namespace tools
