// product_paths.hpp - where simkernel finds its SDK, shipped modules and
// labs: beside the program once installed (<prefix>/bin/simkernel ->
// <prefix>/lib/simkernel/..., <prefix>/share/simkernel/labs), else in the
// build tree it was built in.
#pragma once

#include <filesystem>

namespace shell {

struct ProductPaths {
    std::filesystem::path sdk;           // make -C sdk M=DIR modules
    std::filesystem::path modules;       // the shipped .ko files
    std::filesystem::path shipped_list;  // "name.ko<TAB>subdirectory" lines
    std::filesystem::path labs;          // labs/NN-slug/
};

const ProductPaths& product_paths();

}  // namespace shell
