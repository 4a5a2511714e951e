// root_setup.hpp - the simulated root directory on disk: where it is by
// default, and what a new one holds.
#pragma once

#include <filesystem>
#include <string>

namespace shell {

// ${XDG_STATE_HOME:-$HOME/.local/state}/simkernel/root
std::filesystem::path default_root();

// Creates the root's directories and installs the shipped modules under
// /lib/modules/<release>/ (refreshing copies older than the build's), and
// the build -> SDK link. Returns "" or a sentence saying what failed.
std::string prepare_root(const std::filesystem::path& root);

}  // namespace shell
