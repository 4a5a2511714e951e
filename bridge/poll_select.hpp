// poll_select.hpp - the handlers of poll(2), ppoll(2), select(2) and
// pselect6(2) for bridged programs (poll_select.cpp).
#pragma once

#include "syscall_handlers.hpp"

namespace bridge {

Reply h_poll(Call& c);
Reply h_ppoll(Call& c);
Reply h_select(Call& c);
Reply h_pselect6(Call& c);

}  // namespace bridge
