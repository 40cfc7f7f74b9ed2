#include "shared/control/socket_path.h"

#include <unistd.h>

#include <cstdlib>

namespace db9::control {

namespace {
std::string NonEmptyEnv(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}
}  // namespace

std::string DefaultControlSocketPath() {
  if (std::string path = NonEmptyEnv("DB9_CONTROL_SOCKET"); !path.empty()) return path;
  if (std::string runtime = NonEmptyEnv("XDG_RUNTIME_DIR"); !runtime.empty()) {
    return runtime + "/db9/control.sock";
  }
  return "/tmp/db9-" + std::to_string(::getuid()) + "/control.sock";
}

}  // namespace db9::control
