// db9 daemon start | stop | status.
#pragma once

#include <CLI/CLI.hpp>

#include "shared/cli/cli_context.h"

namespace db9::cli {

void AddDaemonCommands(CLI::App& app, CliContext& context);

}  // namespace db9::cli
