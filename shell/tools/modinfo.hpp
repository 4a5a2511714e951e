// modinfo.hpp - kmod's modinfo output for one module: "filename:" first,
// then each .modinfo field in section order as "key:" padded to 16
// columns, then the parameters, one "parm:" line each joining the parm=
// description and the parmtype= type: "parm:  name:description (type)".
#pragma once

#include "modfile.hpp"

#include <string>
#include <vector>

namespace tools {

struct ModinfoFormat {
    std::string field;     // -F FIELD (or -a -d -l -p -n): only that field's values
    char separator = '\n'; // -0: '\0'
};

// The text modinfo prints for a module whose .modinfo is info.
std::string format_modinfo(const std::string& filename, const std::vector<ModinfoField>& info,
                           const ModinfoFormat& fmt);

// Only the "filename:" part, which kmod prints before it reads the file.
std::string format_modinfo_filename(const std::string& filename, const ModinfoFormat& fmt);

}  // namespace tools
