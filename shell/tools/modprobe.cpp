// modprobe.cpp - see modprobe.hpp. The steps and messages are kmod's
// (tools/modprobe.c and libkmod-module.c), noted where simkernel differs.
#include "modprobe.hpp"

#include "kmod.hpp"
#include "kmod_module.hpp"
#include "modfile.hpp"
#include "ufs.hpp"


namespace tools {

std::string options_from_args(const std::vector<std::string>& args, size_t first) {
    std::string opts;
    for (size_t i = first; i < args.size(); ++i) {
        if (!opts.empty()) opts += ' ';
        const std::string& a = args[i];
        size_t eq = a.find('=');
        bool quote = eq != std::string::npos && eq + 1 < a.size() && a[eq + 1] != '"' && a[eq + 1] != '\'' &&
                     a.find(' ', eq) != std::string::npos;
        if (quote) opts += a.substr(0, eq + 1) + '"' + a.substr(eq + 1) + '"';
        else opts += a;
    }
    return opts;
}

Modprobe::Modprobe(ModprobeOptions opts, KmodLog& log, CommandRunner run_command)
    : opts_(std::move(opts)),
      log_(log),
      run_command_(std::move(run_command)),
      dirname_((opts_.root) + "/lib/modules/" + (opts_.release.empty() ? kernel_release() : opts_.release)),
      db_(dirname_) {
    std::vector<std::string> paths = opts_.config_paths.empty() ? std::vector<std::string>{"/etc/modprobe.d"}
                                                                : opts_.config_paths;
    paths.push_back(dirname_ + "/modules.softdep");  // the modules' own softdeps, read even with -C
    config_.load(paths, log_);
    if (opts_.show_depends) opts_.dry_run = true;
    show_actions_ = opts_.show_depends || log_.verbosity() > LOG_WARNING;
    log_level_ = opts_.all ? LOG_WARNING : LOG_CRIT;
}

// ---- the kernel's view, from /sys/module -------------------------------------

// kmod_module_get_initstate (kmod 20 and later): built in if
// modules.builtin says so; else what /sys/module/<name>/initstate says; a
// directory without one is a module still coming.
std::string Modprobe::initstate(const std::string& name) {
    if (db_.builtin(name)) return "builtin";
    std::string text;
    if (read_whole_file("/sys/module/" + name + "/initstate", &text) == 0) {
        while (!text.empty() && text.back() == '\n') text.pop_back();
        return text;
    }
    if (is_directory("/sys/module/" + name)) return "coming";
    return {};
}

bool Modprobe::in_kernel(const std::string& name) {
    std::string s = initstate(name);
    return s == "live" || s == "coming" || s == "builtin";
}

long Modprobe::refcnt(const std::string& name) {
    std::string text;
    if (long err = read_whole_file("/sys/module/" + name + "/refcnt", &text)) return err;
    return std::strtol(text.c_str(), nullptr, 10);
}

// ---- modules and what they need ---------------------------------------------

Modprobe::Mod& Modprobe::mod(const std::string& name, const std::string& alias, const std::string& path) {
    for (auto& m : mods_)
        if (m->name == name) {
            if (m->path.empty()) m->path = path;
            return *m;
        }
    auto m = std::make_unique<Mod>();
    m->name = name;
    m->alias = alias;
    m->path = path;
    if (m->path.empty())
        if (const DepEntry* e = db_.dep(name)) m->path = e->path;
    mods_.push_back(std::move(m));
    return *mods_.back();
}

std::vector<Modprobe::Mod*> Modprobe::dependencies(const Mod& m) {
    std::vector<Mod*> deps;
    if (const DepEntry* e = db_.dep(m.name))
        for (auto it = e->deps.rbegin(); it != e->deps.rend(); ++it)  // kmod prepends: deepest first
            deps.push_back(&mod(modname_from_path(*it), {}, *it));
    return deps;
}

void Modprobe::softdeps(const Mod& m, std::vector<Mod*>* pre, std::vector<Mod*>* post) {
    const ModprobeConfig::Softdep* s = config_.softdep(m.name);
    if (!s) return;
    auto resolve = [&](const std::vector<std::string>& names, std::vector<Mod*>* out) {
        for (const std::string& n : names)
            for (const ModuleRef& r : db_.lookup(n, &config_)) out->push_back(&mod(r.name, r.alias));
    };
    resolve(s->pre, pre);
    resolve(s->post, post);
}

// kmod's __kmod_module_get_probe_list and __kmod_module_fill_softdep.
void Modprobe::probe_list(Mod& m, bool required, std::vector<Mod*>* list) {
    if (m.visited) return;
    m.visited = true;
    std::vector<Mod*> deps = dependencies(m);
    if (required) {
        m.required = true;
        for (Mod* d : deps) d->required = true;
    }
    for (Mod* d : deps) fill_softdep(*d, list);
    if (opts_.ignore_commands) {
        list->push_back(&m);
        m.ignorecmd = true;
        return;
    }
    fill_softdep(m, list);
}

void Modprobe::fill_softdep(Mod& m, std::vector<Mod*>* list) {
    std::vector<Mod*> pre, post;
    softdeps(m, &pre, &post);
    for (Mod* p : pre) probe_list(*p, false, list);
    list->push_back(&m);
    m.ignorecmd = !pre.empty();
    for (Mod* p : post) probe_list(*p, false, list);
}

std::vector<std::string> Modprobe::probe_list_names(const ModuleRef& ref) {
    for (auto& m : mods_) m->visited = m->required = false;
    std::vector<Mod*> list;
    probe_list(mod(ref.name, ref.alias), true, &list);
    std::vector<std::string> names;
    for (Mod* m : list) names.push_back(m->name);
    return names;
}

// ---- loading -------------------------------------------------------------------

namespace {
// "opt" + " " + "extra", as kmod's module_options_concat (which leaves the
// space even when there is nothing after it).
std::string options_concat(const std::string& opt, const std::string* extra) {
    if (opt.empty() && (!extra || extra->empty())) return {};
    std::string r;
    if (!opt.empty()) r = opt + " ";
    if (extra) r += *extra;
    return r;
}
}  // namespace

int Modprobe::insert_one(const Mod& m, const std::string& options) {
    if (m.path.empty()) {
        log_.error("could not find module by name='{}'\n", m.name);
        return -ENOENT;
    }
    unsigned flags = 0;
    if (opts_.force || opts_.force_vermagic) flags |= KMOD_INSERT_FORCE_VERMAGIC;
    if (opts_.force || opts_.force_modversion) flags |= KMOD_INSERT_FORCE_MODVERSION;
    KmodModule::Failure where = KmodModule::Failure::None;
    long err = KmodModule::from_name(m.name, m.path).insert(options, flags, &where);
    if (where == KmodModule::Failure::File) {
        // simkernel: kmod says "Unknown symbol in module" here, since it
        // cannot tell this ENOENT from the kernel's; this one can.
        log_.error("could not insert '{}': {}\n", m.name, errno_text(static_cast<int>(-err)));
        log_.log(LOG_INFO, "Failed to insert module '{}': {}\n", m.path, errno_text(static_cast<int>(-err)));
        return -EALREADY;  // reported
    }
    if (err < 0) log_.log(LOG_INFO, "Failed to insert module '{}': {}\n", m.path, errno_text(static_cast<int>(-err)));
    return static_cast<int>(err);
}

int Modprobe::run_install(const Mod& m, const std::string& options) {
    std::string cmd = *config_.install_command(m.name);
    for (size_t p; (p = cmd.find("$CMDLINE_OPTS")) != std::string::npos;) cmd.replace(p, 13, options);
    int status = run_command_(cmd);
    if (status != 0) {
        log_.error("Error running install command '{}' for module {}: retcode {}\n", cmd, m.name, status);
        return -EINVAL;
    }
    return 0;
}

// kmod_module_probe_insert_module, plus simkernel's undo on failure.
int Modprobe::probe_insert(Mod& top, const std::string& extra) {
    bool ignore_loaded = opts_.show_depends;
    if (!ignore_loaded && in_kernel(top.name)) return opts_.first_time ? -EEXIST : 0;
    // A blacklisted module is still loaded by its own name, not by an
    // alias; found by an alias, it is silently not loaded, as in kmod.
    if ((!top.alias.empty() || opts_.use_blacklist) && config_.blacklisted(top.name)) return 0;
    for (auto& m : mods_) m->visited = m->required = false;
    std::vector<Mod*> list;
    probe_list(top, true, &list);

    std::vector<const Mod*> loaded;  // by this modprobe, to undo on failure
    int err = 0;
    for (Mod* m : list) {
        if (!ignore_loaded && in_kernel(m->name)) {
            err = -EEXIST;
        } else {
            std::string options = options_concat(config_.options_for(m->name, m->alias), m == &top ? &extra : nullptr);
            const std::string* cmd = opts_.ignore_commands ? nullptr : config_.install_command(m->name);
            if (cmd && !m->ignorecmd) {
                if (show_actions_) print("install {} {}\n", *cmd, options);
                if (!opts_.dry_run) err = run_install(*m, options);
            } else {
                if (show_actions_) {
                    if (!m->path.empty()) print("insmod {} {}\n", m->path, options);
                    else if (initstate(m->name) == "builtin") print("builtin {}\n", m->name);
                }
                if (!opts_.dry_run) {
                    err = insert_one(*m, options);
                    if (err == 0) loaded.push_back(m);
                }
            }
        }
        if (err == -EEXIST && m == &top && opts_.first_time) break;
        if (err == -EEXIST || !m->required) err = 0;  // softdeps may fail
        else if (err < 0) break;
    }
    if (err < 0 && err != -EEXIST) {
        for (auto it = loaded.rbegin(); it != loaded.rend(); ++it) {
            if (show_actions_) print("rmmod {}\n", (*it)->name);
            KmodModule::from_name((*it)->name).remove();
        }
    }
    return err;
}

int Modprobe::insmod(const std::string& given, const std::string& extra) {
    std::vector<ModuleRef> refs = db_.lookup(given, &config_);
    if (refs.empty()) {
        log_.log(log_level_, "Module {} not found in directory {}\n", given, dirname_);
        return -ENOENT;
    }
    int err = 0;
    for (const ModuleRef& r : refs) {
        Mod& m = mod(r.name, r.alias);
        if (opts_.resolve_alias) {
            print("{}\n", m.name);
            continue;
        }
        err = probe_insert(m, extra);
        if (err >= 0) {
            err = 0;
            continue;
        }
        switch (-err) {
        case EALREADY: break;  // said already
        case EEXIST: log_.error("could not insert '{}': Module already in kernel\n", m.name); break;
        case ENOENT:
            log_.error("could not insert '{}': Unknown symbol in module, or unknown parameter (see dmesg)\n", m.name);
            break;
        default: log_.error("could not insert '{}': {}\n", m.name, errno_text(-err)); break;
        }
    }
    return err;
}

// ---- removing ------------------------------------------------------------------

int Modprobe::remove_one(const Mod& m) {
    if (show_actions_) print("rmmod {}\n", m.name);
    if (opts_.dry_run) return 0;
    long err = KmodModule::from_name(m.name).remove(opts_.force);
    if (err < 0) {
        if (err == -ENOENT && !opts_.first_time) return 0;  // went meanwhile
        log_.error("could not remove '{}': {}\n", m.name, errno_text(static_cast<int>(-err)));
    }
    return static_cast<int>(err);
}

// kmod's rmmod_do_module.
int Modprobe::rmmod_module(Mod& m, bool ignore_builtin) {
    std::vector<Mod*> pre, post;
    const std::string* cmd = nullptr;
    if (!opts_.ignore_commands) {
        softdeps(m, &pre, &post);
        cmd = config_.remove_command(m.name);
    }
    if (!cmd) {
        std::string state = initstate(m.name);
        if (state.empty()) {
            if (opts_.first_time) {
                log_.log(log_level_, "Module {} is not in kernel.\n", m.name);
                return -ENOENT;
            }
            return 0;
        }
        if (state == "builtin") {
            if (ignore_builtin) return 0;
            log_.log(log_level_, "Module {} is builtin.\n", m.name);
            return -ENOENT;
        }
    }
    for (auto it = post.rbegin(); it != post.rend(); ++it) rmmod_module(**it, true);
    int err;
    if (!cmd) {
        if (refcnt(m.name) > 0) {
            log_.log(log_level_, "Module {} is in use.\n", m.name);
            return -EBUSY;
        }
        err = remove_one(m);
    } else {
        std::string line = *cmd;
        for (size_t p; (p = line.find("$CMDLINE_OPTS")) != std::string::npos;) line.replace(p, 13, "");
        if (show_actions_) print("remove {}\n", line);
        err = 0;
        if (!opts_.dry_run) {
            int status = run_command_(line);
            if (status != 0) {
                log_.log(log_level_, "Error running remove command for {}\n", m.name);
                err = -status;
            }
        }
    }
    if (err < 0) return err;
    if (!cmd) {
        // What it needed and nothing else needs now. simkernel goes in
        // modules.dep's order, nearest first, so a chain unwinds fully.
        if (const DepEntry* e = db_.dep(m.name)) {
            std::vector<std::string> deps = e->deps;
            for (const std::string& d : deps) {
                Mod& dm = mod(modname_from_path(d), {}, d);
                if (refcnt(dm.name) == 0) remove_one(dm);
            }
        }
    }
    for (auto it = pre.rbegin(); it != pre.rend(); ++it) rmmod_module(**it, true);
    return 0;
}

int Modprobe::rmmod(const std::string& given) {
    std::vector<ModuleRef> refs = db_.lookup(given, &config_);
    if (refs.empty()) {
        log_.log(log_level_, "Module {} not found.\n", given);
        return -ENOENT;
    }
    int err = 0;
    for (const ModuleRef& r : refs) {
        err = rmmod_module(mod(r.name, r.alias), false);
        if (err < 0) break;
    }
    return err;
}

// ---- main ----------------------------------------------------------------------

int Modprobe::run(const std::vector<std::string>& args) {
    if (args.empty()) {
        log_.error("missing parameters. See -h.\n");
        return 1;
    }
    int err = 0;
    if (opts_.remove || opts_.all) {
        for (size_t i = 0; i < args.size(); ++i) {
            int r = opts_.remove ? rmmod(args[i]) : insmod(args[i], {});
            if (r < 0) err = r;
        }
    } else {
        err = insmod(args[0], options_from_args(args, 1));
    }
    return err >= 0 ? 0 : 1;
}

}  // namespace tools
