// headers.cpp - the SDK header check as a C++20 module (see headers.c).
#include "headers.c"
