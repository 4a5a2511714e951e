// root_setup.hpp - the simulated root directory on disk: where it is by
// default, and what a new one holds.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace shell {

// ${XDG_STATE_HOME:-$HOME/.local/state}/simkernel/root
std::filesystem::path default_root();

// Creates the root's directories and installs the shipped modules under
// /lib/modules/<release>/ (refreshing copies older than the build's), and
// the build -> SDK link; `builtin` names the drivers the kernel has built
// in (modules.builtin). Returns "" or a sentence saying what failed.
std::string prepare_root(const std::filesystem::path& root, const std::vector<std::string>& builtin);

// Brings modules.dep and the other index files up to date with the
// installed modules (depmod -A, as root, silently), so that modprobe works
// at once. Runs as the task the calling thread is bound to (the shell's,
// whose saved uid is root).
void refresh_module_index();

}  // namespace shell
