// dlopen_probe.hpp - a first dlopen of a new image in a disposable child
// process, so that a crash inside the dynamic linker kills the child and
// not the kernel. (No Linux counterpart: Linux's loader is its own.)
#pragma once

#include <cstddef>
#include <string>

namespace sk {

// Maps the image behind `path` (a /proc/self/fd/N name of a memfd holding
// `image`) in a fork()ed child with RTLD_NOW and reports how that went.
// Returns true if the child mapped it and exited normally, or if these
// exact bytes were proven sound before (an image is probed once per
// process). Otherwise false, with a sentence for the kernel log in *why.
bool probe_dlopen_in_child(const std::string& path, const void* image, size_t len, std::string* why);

// Forgets every image proven sound (for the benchmark of a first load).
void forget_proven_images();

}  // namespace sk
