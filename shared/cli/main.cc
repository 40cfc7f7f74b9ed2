// db9: the command line for db9 desktop. Every command talks to the db9
// daemon over its control socket (docs/control-api.md).
#include <iostream>

#include <CLI/CLI.hpp>

#include "db9/base/version.h"
#include "shared/cli/cli_context.h"
#include "shared/cli/completion.h"
#include "shared/cli/daemon_commands.h"
#include "shared/cli/database_commands.h"

int main(int argc, char** argv) {
  using namespace db9::cli;
  CliContext context;
  CLI::App app{"db9: PostgreSQL-compatible databases on your desktop", "db9"};
  // Global options may come after the subcommand too (`db9 list --output json`).
  app.fallthrough();
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("db9 ") + db9::kVersion);
  app.add_option("--control-socket", context.socket_path,
                 "daemon control socket (default: $DB9_CONTROL_SOCKET, else "
                 "$XDG_RUNTIME_DIR/db9/control.sock)");
  std::string format = "table";
  app.add_option("--output", format, "output format: table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_option("--timeout", context.timeout_seconds, "seconds to wait for the daemon")
      ->check(CLI::Range(1, 3600));
  app.footer(
      "Exit codes: 0 ok, 1 operation failed, 2 bad command line, 3 daemon not running,\n"
      "4 no such database, 5 name already taken, 6 database in use.\n"
      "Start here: `db9 daemon start`, then `db9 create --show-secrets`.");
  // The format must be known before any subcommand callback runs.
  app.parse_complete_callback([&] {
    context.format = format == "json" ? OutputFormat::kJson
                     : format == "csv" ? OutputFormat::kCsv
                                       : OutputFormat::kTable;
  });

  AddDatabaseCommands(app, context);
  AddDaemonCommands(app, context);
  AddCompletionCommand(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help / version / the problem
    return code == 0 ? kExitOk : kExitUsage;
  }
  return context.exit_code;
}
