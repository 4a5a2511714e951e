// task_killed_translator.cpp - a system call whose task the kernel killed
// (an Oops in the driver under test, or a fatal signal) throws sk::TaskKilled
// out of the test: Catch2 says so, instead of "unknown exception". Apart
// from catch_main.cpp because the kernel's headers (Linux's <linux/...>)
// must not be seen by Catch2's implementation.
#include <catch2/catch.hpp>

#include <simkernel/syscalls.hpp>

#include <cstring>
#include <string>

extern const int skt_task_killed_translator = 1;

CATCH_TRANSLATE_EXCEPTION(const sk::TaskKilled& k) {
    return "the test's task was killed by signal " + std::to_string(k.sig) + " (" + strsignal(k.sig) +
           "): an Oops in the driver under test? The kernel log (TestKernel::log_text()) says why";
}
