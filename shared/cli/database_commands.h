// The commands about databases: create, list, delete, branch create, and the
// `db` group (status, connect, reset-password, rename, tables, sql, dump,
// restore).
#pragma once

#include <CLI/CLI.hpp>

#include "shared/cli/cli_context.h"

namespace db9::cli {

void AddDatabaseCommands(CLI::App& app, CliContext& context);

}  // namespace db9::cli
