#include "shared/cli/daemon_commands.h"

#include <signal.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <thread>

#include "shared/base/sqlstate.h"
#include "shared/cli/daemon_launcher.h"
#include "shared/control/json_codec.h"

namespace db9::cli {

namespace {

void PrintInfo(CliContext& context, const control::DaemonInfoResult& info) {
  if (context.format == OutputFormat::kJson) return PrintJson(std::cout, nlohmann::json(info));
  PrintRecord(std::cout,
              {{"Status", "running"},
               {"Version", info.version},
               {"PID", std::to_string(info.pid)},
               {"Uptime", std::to_string(info.uptime_ms / 1000) + " s"},
               {"Listening", info.listen_address + ":" + std::to_string(info.port)},
               {"Data directory", info.data_dir},
               {"Control socket", info.control_socket +
                                      (info.socket_activated ? " (held by systemd)" : "")},
               {"Databases", std::to_string(info.database_count)},
               {"Total size", HumanSize(info.total_size_bytes)},
               {"Connections", std::to_string(info.open_connections)}},
              context.format);
}

// True once `pid` is gone, or a zombie its parent has not reaped yet (it has
// stopped either way).
bool ProcessEnded(pid_t pid) {
  if (::kill(pid, 0) != 0) return true;  // ESRCH; EPERM: the pid is someone else's now
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  // "pid (comm) S ...": the state follows the last ')'.
  size_t close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z';
}

struct StartOptions {
  std::optional<int> port;
  std::string data_dir;
  std::string config;
  bool pick_next_free_port = false;
  int wait_seconds = 30;
};

}  // namespace

void AddDaemonCommands(CLI::App& app, CliContext& context) {
  auto* daemon = app.add_subcommand("daemon", "start, stop or check the db9 daemon (db9d)");
  daemon->require_subcommand(1);

  auto start_options = std::make_shared<StartOptions>();
  auto* start = daemon->add_subcommand("start", "start db9d in the background if it is not running");
  start->add_option("--port", start_options->port, "PostgreSQL port (default 5433)")
      ->check(CLI::Range(0, 65535));
  start->add_option("--data-dir", start_options->data_dir, "data directory");
  start->add_option("--config", start_options->config, "config file");
  start->add_flag("--pick-next-free-port", start_options->pick_next_free_port,
                  "use the next free port if the port is taken");
  start->add_option("--wait", start_options->wait_seconds, "seconds to wait for it to be ready")
      ->check(CLI::Range(1, 600));
  start->callback([&context, start_options] {
    auto options = context.ClientOptions();
    auto running = control::Client::Connect(options);
    if (running.ok()) {
      auto info = (*running)->DaemonInfo();
      if (!info.ok()) return context.Fail(info.status());
      if (context.format == OutputFormat::kTable) std::cout << "db9d is already running\n";
      return PrintInfo(context, *info);
    }
    // Only "nobody listens" calls for a new daemon; a socket that is another
    // user's, or a daemon that does not answer, would not be fixed by one.
    if (running.status().sqlstate() != sqlstate::kConnectionException) {
      return context.Fail(running.status());
    }
    std::vector<std::string> args;
    if (!context.socket_path.empty()) args.insert(args.end(), {"--control-socket", context.socket_path});
    if (start_options->port) args.insert(args.end(), {"--port", std::to_string(*start_options->port)});
    if (!start_options->data_dir.empty()) args.insert(args.end(), {"--data-dir", start_options->data_dir});
    if (!start_options->config.empty()) args.insert(args.end(), {"--config", start_options->config});
    if (start_options->pick_next_free_port) args.push_back("--pick-next-free-port");
    Status launched = LaunchDaemon(FindDaemonBinary(), args, options, start_options->wait_seconds);
    if (!launched.ok()) return context.Fail(launched);
    auto client = context.Connect();
    if (!client) return;
    auto info = client->DaemonInfo();
    if (!info.ok()) return context.Fail(info.status());
    if (context.format == OutputFormat::kTable) std::cout << "db9d started\n";
    PrintInfo(context, *info);
  });

  auto* stop = daemon->add_subcommand("stop", "stop db9d (open connections are ended)");
  stop->callback([&context] {
    auto options = context.ClientOptions();
    auto client = control::Client::Connect(options);
    if (!client.ok()) {
      if (client.status().sqlstate() != sqlstate::kConnectionException) {
        return context.Fail(client.status());
      }
      std::cout << "db9d is not running\n";
      return;
    }
    auto info = (*client)->DaemonInfo();
    if (!info.ok()) return context.Fail(info.status());
    if (Status s = (*client)->StopDaemon(); !s.ok()) return context.Fail(s);
    client->reset();
    // Stopped once the socket no longer answers. When systemd holds the
    // socket, asking would start a new db9d: wait for the process to go.
    const pid_t pid = static_cast<pid_t>(info->pid);
    std::function<bool()> running = [&options] { return control::Client::Connect(options).ok(); };
    if (info->socket_activated) running = [pid] { return !ProcessEnded(pid); };
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(context.timeout_seconds);
    while (running()) {
      if (std::chrono::steady_clock::now() > deadline) {
        return context.Fail(Status::Error(sqlstate::kQueryCanceled,
                                          "db9d is still running after " +
                                              std::to_string(context.timeout_seconds) + " s")
                                .WithHint("check its log, or end it with kill"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::cout << "db9d stopped\n";
    if (info->socket_activated) {
      std::cout << "systemd starts it again when a client connects "
                   "(`systemctl --user stop db9d.socket` prevents that)\n";
    }
  });

  auto* status = daemon->add_subcommand("status", "is db9d running, and where");
  status->callback([&context] {
    auto client = control::Client::Connect(context.ClientOptions());
    if (!client.ok() && client.status().sqlstate() != sqlstate::kConnectionException) {
      return context.Fail(client.status());
    }
    if (!client.ok()) {
      if (context.format == OutputFormat::kJson) {
        PrintJson(std::cout, {{"status", "stopped"}});
      } else {
        std::cout << "db9d is not running (start it with `db9 daemon start`)\n";
      }
      context.exit_code = kExitNoDaemon;
      return;
    }
    auto info = (*client)->DaemonInfo();
    if (!info.ok()) return context.Fail(info.status());
    PrintInfo(context, *info);
  });
}

}  // namespace db9::cli
