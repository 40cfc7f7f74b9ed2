// Making the control socket safely: a private (0700, ours) directory, no
// live daemon already behind the path, a 0600 socket, and a check of who
// connects (SO_PEERCRED).
#pragma once

#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::control {

// Creates the parent directory (0700) or checks that an existing one is a
// directory owned by us (and tightens it to 0700); removes a stale socket
// file; fails with 55006 if a daemon still answers there. Returns the
// listening socket's fd.
Result<int> ListenOnControlSocket(const std::string& path);

// True when the peer on `fd` runs as the same user as this process.
bool PeerIsOwner(int fd);

}  // namespace db9::control
