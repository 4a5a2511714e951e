// line_editor.hpp - line editing, history and tab completion (libedit).
#pragma once

#include <string>

namespace shell {

class Shell;

class LineEditor {
public:
    explicit LineEditor(Shell& sh);
    ~LineEditor();
    // False at end of input (Ctrl-D).
    bool read_line(const std::string& prompt, std::string* line);

private:
    std::string history_file_;
};

}  // namespace shell
