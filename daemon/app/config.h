// DaemonConfig: every db9d setting, with its default, in one place. Values
// come from the defaults, then the config file, then the command line.
//
// Config file ($XDG_CONFIG_HOME/db9/db9d.conf, or --config PATH): lines of
// `key = value`; `#` starts a comment. Keys: port, listen_address, data_dir,
// control_socket, log_level, max_connections, pick_next_free_port.
#pragma once

#include <cstdint>
#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::app {

struct DaemonConfig {
  uint16_t port = 5433;
  std::string listen_address = "127.0.0.1";
  std::string data_dir;        // default: $XDG_DATA_HOME/db9 (~/.local/share/db9)
  std::string control_socket;  // default: control::DefaultControlSocketPath()
  std::string log_level = "info";  // trace, debug, info, warn, error, critical, off
  int max_connections = 1000;
  bool pick_next_free_port = false;
};

// $XDG_CONFIG_HOME/db9/db9d.conf (~/.config/db9/db9d.conf).
std::string DefaultConfigPath();
// $XDG_DATA_HOME/db9 (~/.local/share/db9).
std::string DefaultDataDir();

// Applies the file at `path` over `config`. A missing file is fine when
// `must_exist` is false. 22023 naming the file and line for a bad entry.
Status ApplyConfigFile(const std::string& path, bool must_exist, DaemonConfig* config);

// Fills data_dir and control_socket when still empty; expands a leading "~/".
void ApplyDefaults(DaemonConfig* config);

}  // namespace db9::app
