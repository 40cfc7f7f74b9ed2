// `db9 completion bash|zsh|fish`: shell completion scripts. Database names
// complete from `db9 list --output csv` of the running daemon.
#pragma once

#include <CLI/CLI.hpp>

#include "shared/cli/cli_context.h"

namespace db9::cli {

void AddCompletionCommand(CLI::App& app, CliContext& context);

}  // namespace db9::cli
