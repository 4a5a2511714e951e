// catch_main.cpp - Catch2's main(), compiled once for every test program
// that links SimKernel::testing_main.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

// Links task_killed_translator.cpp in with main() (it has no other caller).
extern const int skt_task_killed_translator;
[[gnu::used]] static const int* const keep_translator = &skt_task_killed_translator;
