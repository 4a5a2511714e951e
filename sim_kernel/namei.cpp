// namei.cpp - path lookup: normalise a path and find which filesystem
// answers for it. The mount table is the whole policy, in plain sight.
#include <simkernel/kernel.hpp>
#include <simkernel/vfs.hpp>

#include <vector>

namespace sk {

namespace {

struct Mount {
    const char* prefix;
    FsKind fs;
};

// Longest prefix wins; "/" (the host's files) catches the rest.
const Mount mounts[] = {
    {"/dev", FsKind::Dev},
    {"/proc", FsKind::Proc},
    {"/sys", FsKind::Sys},
    {"/lib/modules", FsKind::Root},
    {"/etc/modprobe.d", FsKind::Root},
    {"/etc/depmod.d", FsKind::Root},
    {"/var/log", FsKind::Root},
    {"/", FsKind::Host},
};

std::string normalise(const std::string& cwd, std::string_view path) {
    std::string full = (!path.empty() && path[0] == '/') ? std::string(path)
                                                          : cwd + "/" + std::string(path);
    std::vector<std::string> parts;
    size_t i = 0;
    while (i <= full.size()) {
        size_t j = full.find('/', i);
        if (j == std::string::npos) j = full.size();
        std::string part = full.substr(i, j - i);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        i = j + 1;
    }
    std::string out;
    for (const auto& p : parts) out += "/" + p;
    return out.empty() ? "/" : out;
}

bool under(const std::string& path, const std::string& prefix) {
    if (prefix == "/") return true;
    return path == prefix || (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
                              path[prefix.size()] == '/');
}

}  // namespace

ResolvedPath resolve_path(const Kernel& k, const std::string& cwd, std::string_view path) {
    ResolvedPath r;
    r.path = normalise(cwd, path);
    for (const Mount& m : mounts) {
        if (!under(r.path, m.prefix)) continue;
        r.fs = m.fs;
        switch (m.fs) {
        case FsKind::Dev:
        case FsKind::Proc:
        case FsKind::Sys:
            r.rel = r.path.size() > strlen(m.prefix) ? r.path.substr(strlen(m.prefix) + 1) : "";
            break;
        case FsKind::Root:
            r.host = (k.root() / r.path.substr(1)).string();
            break;
        case FsKind::Host:
            r.host = r.path;
            break;
        }
        return r;
    }
    r.fs = FsKind::Host;
    r.host = r.path;
    return r;
}

}  // namespace sk
