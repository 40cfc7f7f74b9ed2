// db9d: the db9 desktop daemon. Runs in the foreground: serves PostgreSQL
// clients on TCP and the db9 CLI / desktop app on the control socket until
// SIGTERM or SIGINT (or `db9 daemon stop`), then shuts down cleanly.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "daemon/app/config.h"
#include "daemon/app/instance_lock.h"
#include "daemon/app/logging.h"
#include "daemon/app/readiness.h"
#include "daemon/app/systemd_sockets.h"
#include "daemon/control/control_server.h"
#include "daemon/functions/registries.h"
#include "daemon/net/pg_server.h"
#include "daemon/tenants/tenant_manager.h"
#include "db9/base/version.h"
#include "shared/control/client.h"

namespace {

using db9::app::DaemonConfig;

// Exit codes: 0 clean stop, 1 bad configuration, 2 cannot start (port,
// another daemon, files).
constexpr int kExitConfig = 1;
constexpr int kExitStart = 2;

bool logging_ready = false;  // once true, errors also go to the log file

int Fail(int code, const db9::Status& status) {
  std::string text = "db9d: " + std::string(status.message());
  if (!status.hint().empty()) text += "\n  hint: " + std::string(status.hint());
  if (logging_ready) {
    spdlog::error("{}", text);  // log file and stderr
  } else {
    std::cerr << text << std::endl;
  }
  return code;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A daemon already answering on the socket: name it, before touching anything.
db9::Status CheckNotRunning(const std::string& socket_path) {
  db9::control::ClientOptions options;
  options.socket_path = socket_path;
  options.timeout = std::chrono::seconds(2);
  options.client_name = "db9d";
  auto client = db9::control::Client::Connect(options);
  if (!client.ok()) return db9::Status::OK();
  auto info = (*client)->DaemonInfo();
  std::string who = info.ok() ? "pid " + std::to_string(info->pid) + ", port " +
                                    std::to_string(info->port) + ", data directory " +
                                    info->data_dir
                              : "control socket " + socket_path;
  return db9::Status::Error(db9::sqlstate::kObjectInUse, "db9d is already running (" + who + ")")
      .WithHint("use it, or stop it first with `db9 daemon stop`");
}

// What happened to which database, for the log (never with secrets).
void LogTenantEvent(const db9::tenants::TenantEvent& event) {
  using Kind = db9::tenants::TenantEvent::Kind;
  switch (event.kind) {
    case Kind::kCreated: spdlog::info("database \"{}\" created", event.name); break;
    case Kind::kDropped: spdlog::info("database \"{}\" deleted", event.name); break;
    case Kind::kRenamed:
      spdlog::info("database \"{}\" renamed to \"{}\"", event.previous_name, event.name);
      break;
    case Kind::kConnectionOpened: spdlog::debug("connection to \"{}\" opened", event.name); break;
    case Kind::kConnectionClosed: spdlog::debug("connection to \"{}\" closed", event.name); break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"db9d: the db9 desktop database daemon (PostgreSQL 15 compatible)", "db9d"};
  DaemonConfig overrides;
  std::string config_path;
  std::optional<uint16_t> port;
  std::optional<int> max_connections;
  bool pick_next = false;
  cli.set_version_flag("--version", std::string("db9d ") + db9::kVersion);
  cli.add_option("--port", port, "TCP port for PostgreSQL clients (default 5433; 0: any free)");
  cli.add_option("--listen-address", overrides.listen_address, "address to listen on")
      ->default_str("127.0.0.1");
  cli.add_option("--data-dir", overrides.data_dir, "where databases live (default ~/.local/share/db9)");
  cli.add_option("--control-socket", overrides.control_socket,
                 "control socket path (default $XDG_RUNTIME_DIR/db9/control.sock)");
  cli.add_option("--config", config_path, "config file (default ~/.config/db9/db9d.conf)");
  cli.add_option("--log-level", overrides.log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  cli.add_option("--max-connections", max_connections, "most PostgreSQL connections at once")
      ->check(CLI::Range(1, 100000));
  cli.add_flag("--pick-next-free-port", pick_next, "if the port is taken, use the next free one");
  CLI11_PARSE(cli, argc, argv);

  // Defaults, then the file, then what the command line says.
  DaemonConfig config;
  bool explicit_config = !config_path.empty();
  if (!explicit_config) config_path = db9::app::DefaultConfigPath();
  if (auto s = db9::app::ApplyConfigFile(config_path, explicit_config, &config); !s.ok()) {
    return Fail(kExitConfig, s);
  }
  if (port) config.port = *port;
  if (cli.count("--listen-address")) config.listen_address = overrides.listen_address;
  if (!overrides.data_dir.empty()) config.data_dir = overrides.data_dir;
  if (!overrides.control_socket.empty()) config.control_socket = overrides.control_socket;
  if (cli.count("--log-level")) config.log_level = overrides.log_level;
  if (max_connections) config.max_connections = *max_connections;
  if (pick_next) config.pick_next_free_port = true;
  db9::app::ApplyDefaults(&config);

  // Signals are taken synchronously by this thread (sigwait below); block
  // them before any other thread starts so none of those gets them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto inherited = db9::app::TakeControlSocketFromSystemd(config.control_socket);
  if (!inherited.ok()) return Fail(kExitConfig, inherited.status());
  // An inherited control socket is systemd's promise that no other daemon
  // serves it (and asking it would only reach this very process).
  if (!*inherited) {
    if (auto s = CheckNotRunning(config.control_socket); !s.ok()) return Fail(kExitStart, s);
  }
  auto lock = db9::app::InstanceLock::Acquire(config.data_dir);
  if (!lock.ok()) return Fail(kExitStart, lock.status());
  if (auto s = db9::app::SetUpLogging(config.data_dir, config.log_level); !s.ok()) {
    return Fail(kExitStart, s);
  }
  logging_ready = true;
  auto tenants = db9::tenants::OpenTenantManager(config.data_dir);
  if (!tenants.ok()) return Fail(kExitStart, tenants.status());
  (*tenants)->Subscribe(LogTenantEvent);
  spdlog::info("db9d {} starting (pid {}), data directory {}", db9::kVersion, ::getpid(),
               config.data_dir);

  const auto& registries = db9::functions::BuiltinRegistries();
  db9::net::PgServerOptions pg_options;
  pg_options.listen_address = config.listen_address;
  pg_options.port = config.port;
  pg_options.pick_next_free_port = config.pick_next_free_port;
  pg_options.max_connections = config.max_connections;
  pg_options.types = &registries.types;
  auto pg = db9::net::StartPgServer(**tenants, pg_options);
  if (!pg.ok()) return Fail(kExitStart, pg.status());
  uint16_t real_port = (*pg)->port();
  if (real_port != config.port && config.port != 0) {
    spdlog::warn("port {} is taken; using port {} instead", config.port, real_port);
  }

  db9::control::DaemonInfo info;
  info.data_dir = config.data_dir;
  info.listen_address = config.listen_address;
  info.port = real_port;
  info.started_unix_ms = NowMs();
  info.types = &registries.types;
  pid_t self = ::getpid();
  info.request_shutdown = [self] { ::kill(self, SIGTERM); };
  auto control = *inherited ? db9::control::StartControlServerOnSocket(
                                   **inherited, config.control_socket, **tenants, info)
                             : db9::control::StartControlServer(config.control_socket, **tenants, info);
  if (!control.ok()) {
    (*pg)->Stop();
    return Fail(kExitStart, control.status());
  }

  spdlog::info("listening for PostgreSQL clients on {}:{}", config.listen_address, real_port);
  spdlog::info("control socket {}{}", config.control_socket,
               *inherited ? " (passed by systemd)" : "");
  db9::app::NotifyReady(real_port);

  int signal_number = 0;
  while (true) {
    sigwait(&stop_signals, &signal_number);
    if (signal_number != SIGHUP) break;
    spdlog::info("SIGHUP ignored (restart db9d to apply configuration changes)");
  }
  spdlog::info("{} received: shutting down", strsignal(signal_number));
  db9::app::NotifyStopping();
  (*control)->Stop();  // subscribers hear "daemon.stopping"
  (*pg)->Stop();       // sessions end, open transactions roll back
  control->reset();
  pg->reset();
  tenants->reset();  // stores close
  spdlog::info("db9d stopped");
  return 0;
}
