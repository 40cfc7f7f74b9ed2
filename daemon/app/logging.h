// Daemon logging with spdlog: a rotating file under the data directory
// (<data-dir>/logs/db9d.log, 5 x 10 MiB) and stderr, which systemd sends to
// the journal (then without our timestamps: the journal has its own).
#pragma once

#include <string>

#include "shared/base/status.h"

namespace db9::app {

// Makes the default spdlog logger. REQUIRES: `level` is a valid level name.
Status SetUpLogging(const std::string& data_dir, const std::string& level);

}  // namespace db9::app
