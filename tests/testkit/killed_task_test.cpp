// killed_task_test.cpp - a test whose task the kernel kills is reported as
// such by the kit's main (testing/task_killed_translator.cpp), not as
// "unknown exception". This test fails on purpose; CTest checks what it printed.
#include <catch2/catch.hpp>

#include <simkernel/syscalls.hpp>

TEST_CASE("a system call whose task was killed") { throw sk::TaskKilled{9}; }
