// kmod_log.cpp - see kmod_log.hpp.
#include "kmod_log.hpp"

namespace tools {

const char* KmodLog::level_name(int prio) {
    switch (prio) {
    case LOG_EMERG:
    case LOG_ALERT:
    case LOG_CRIT: return "FATAL";
    case LOG_ERR: return "ERROR";
    case LOG_WARNING: return "WARNING";
    case LOG_NOTICE: return "NOTICE";
    case LOG_INFO: return "INFO";
    default: return "DEBUG";
    }
}

}  // namespace tools
