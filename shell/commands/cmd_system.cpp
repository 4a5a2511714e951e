// cmd_system.cpp - uname, id, sudo, help, exit, keypress.
#include "../commands.hpp"
#include "../shell.hpp"
#include "../tools/uio.hpp"

#include <simkernel/user.hpp>

namespace shell {

int cmd_uname(Shell&, const Args& argv) {
    struct utsname u;
    if (long err = sk::user::uname(&u)) {
        tools::eprint("uname: {}\n", tools::errno_text(-err));
        return 1;
    }
    std::string fields;
    for (size_t i = 1; i < argv.size(); ++i) {
        if (argv[i].size() < 2 || argv[i][0] != '-') {
            tools::eprint("uname: extra operand '{}'\n", argv[i]);
            return 1;
        }
        fields += argv[i].substr(1);
    }
    if (fields.empty()) fields = "s";
    if (fields.find('a') != std::string::npos) fields = "snrvmo";
    std::vector<std::string> out;
    // coreutils prints the fields in this order, whatever order they were asked in.
    for (char f : std::string("snrvmo")) {
        if (fields.find(f) == std::string::npos) continue;
        switch (f) {
        case 's': out.push_back(u.sysname); break;
        case 'n': out.push_back(u.nodename); break;
        case 'r': out.push_back(u.release); break;
        case 'v': out.push_back(u.version); break;
        case 'm': out.push_back(u.machine); break;
        case 'o': out.push_back("GNU/Linux"); break;
        }
    }
    std::string line;
    for (size_t i = 0; i < out.size(); ++i) line += (i ? " " : "") + out[i];
    tools::print("{}\n", line);
    return 0;
}

int cmd_id(Shell&, const Args&) {
    long uid = sk::user::getuid(), gid = sk::user::getgid();
    auto name = [](long id) { return id == 0 ? std::string("root") : id == Shell::kUserUid ? "student" : std::to_string(id); };
    tools::print("uid={}({}) gid={}({}) groups={}({})\n", uid, name(uid), gid, name(gid), gid, name(gid));
    return 0;
}

int cmd_sudo(Shell& sh, const Args& argv) {
    if (argv.size() < 2) {
        tools::eprint("usage: sudo COMMAND [ARG ...]\n");
        return 1;
    }
    // No password: the simulated machine is the student's own.
    return sh.run_argv(Args(argv.begin() + 1, argv.end()), {}, 0);
}

int cmd_help(Shell&, const Args& argv) {
    if (argv.size() > 1) {
        const CommandSpec* c = find_command(argv[1]);
        if (!c) {
            tools::eprint("help: no such command: {}\n", argv[1]);
            return 1;
        }
        tools::print("usage: {}\n  {}\n", c->usage, c->summary);
        return 0;
    }
    tools::print("Commands (help COMMAND for its usage):\n");
    for (const CommandSpec& c : command_table()) tools::print("  {:<9} {}\n", c.name, c.summary);
    tools::print("Redirect output with > FILE or >> FILE; separate commands with ';'.\n");
    return 0;
}

int cmd_exit(Shell& sh, const Args& argv) {
    int status = sh.last_status();
    if (argv.size() > 1) {
        try {
            status = std::stoi(argv[1]) & 0xff;
        } catch (const std::exception&) {
            tools::eprint("exit: {}: numeric argument required\n", argv[1]);
            status = 2;
        }
    }
    sh.request_exit(status);
    return status;
}

// Not a system call: the user's fingers on the simulated keyboard. Each
// byte is latched in the keyboard controller and raises IRQ 1.
int cmd_keypress(Shell& sh, const Args& argv) {
    if (argv.size() < 2) {
        tools::eprint("usage: keypress TEXT   (\\n types Enter)\n");
        return 1;
    }
    std::string text;
    for (size_t i = 1; i < argv.size(); ++i) text += (i > 1 ? " " : "") + argv[i];
    std::string keys;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            keys += '\n';
            ++i;
        } else {
            keys += text[i];
        }
    }
    size_t taken = sh.terminal().type_keys(keys);
    if (taken < keys.size()) {
        tools::eprint("keypress: {} of {} keys were not taken: no driver read them on IRQ 1\n",
                      keys.size() - taken, keys.size());
        return 1;
    }
    return 0;
}

}  // namespace shell
