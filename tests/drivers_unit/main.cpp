// main.cpp - the Catch2 runner for the driver tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
