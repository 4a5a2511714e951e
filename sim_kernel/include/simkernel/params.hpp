// params.hpp - module parameters: "name=value" words set before init runs.
#pragma once

#include <simkernel/module.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sk {

struct ParamWord {
    std::string name;
    std::optional<std::string> value;  // "flag" alone has none
};

// Splits "a=1 b=\"two words\" c" as Linux's parse_args does.
std::vector<ParamWord> split_param_words(const std::string& args);

// The module's struct kernel_param array (its __param section, mapped).
std::span<const struct kernel_param> module_params(const Module& m);

// Checks each struct kernel_param of the mapped module before any is used:
// name, owner, ops and variable all inside the module (or the kernel's
// param_ops_*); -ENOEXEC with the reason logged otherwise.
long check_module_params(const Module& m);

// Sets each named parameter; on the first bad one logs why, returns -EINVAL.
long parse_module_params(Module& m, const std::string& args);

// Frees the strings charp parameters were given.
void free_module_params(Module& m);

}  // namespace sk
