// Where the control socket lives, decided the same way by db9d and by every
// client, so they meet without configuration.
#pragma once

#include <string>

namespace db9::control {

// $DB9_CONTROL_SOCKET if set and not empty; else $XDG_RUNTIME_DIR/db9/control.sock;
// else /tmp/db9-<uid>/control.sock (private to the user: the daemon makes the
// directory 0700 and refuses one owned by someone else).
std::string DefaultControlSocketPath();

}  // namespace db9::control
