#include "daemon/app/config.h"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "shared/base/sqlstate.h"
#include "shared/control/socket_path.h"

namespace db9::app {

namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::string Home() {
  std::string home = Env("HOME");
  return home.empty() ? "/tmp" : home;
}

std::string ExpandHome(const std::string& path) {
  if (path == "~") return Home();
  if (path.rfind("~/", 0) == 0) return Home() + path.substr(1);
  return path;
}

std::string Trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

bool ParseInt(const std::string& text, int64_t min, int64_t max, int64_t* out) {
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) {
    return false;
  }
  *out = value;
  return true;
}

bool ParseBool(const std::string& text, bool* out) {
  if (text == "true" || text == "yes" || text == "on" || text == "1") return *out = true, true;
  if (text == "false" || text == "no" || text == "off" || text == "0") return *out = false, true;
  return false;
}

// Sets one key; empty string on success, else what is wrong.
std::string Set(const std::string& key, const std::string& value, DaemonConfig* config) {
  int64_t n = 0;
  if (key == "port") {
    if (!ParseInt(value, 0, 65535, &n)) return "port must be a number from 0 to 65535";
    config->port = static_cast<uint16_t>(n);
  } else if (key == "listen_address") {
    config->listen_address = value;
  } else if (key == "data_dir") {
    config->data_dir = value;
  } else if (key == "control_socket") {
    config->control_socket = value;
  } else if (key == "log_level") {
    static const char* kLevels[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
    bool known = false;
    for (const char* level : kLevels) known = known || value == level;
    if (!known) return "log_level must be trace, debug, info, warn, error, critical or off";
    config->log_level = value;
  } else if (key == "max_connections") {
    if (!ParseInt(value, 1, 100000, &n)) return "max_connections must be from 1 to 100000";
    config->max_connections = static_cast<int>(n);
  } else if (key == "pick_next_free_port") {
    if (!ParseBool(value, &config->pick_next_free_port)) {
      return "pick_next_free_port must be true or false";
    }
  } else {
    return "unknown setting \"" + key +
           "\" (known: port, listen_address, data_dir, control_socket, log_level, "
           "max_connections, pick_next_free_port)";
  }
  return "";
}

}  // namespace

std::string DefaultConfigPath() {
  std::string base = Env("XDG_CONFIG_HOME");
  if (base.empty()) base = Home() + "/.config";
  return base + "/db9/db9d.conf";
}

std::string DefaultDataDir() {
  std::string base = Env("XDG_DATA_HOME");
  if (base.empty()) base = Home() + "/.local/share";
  return base + "/db9";
}

Status ApplyConfigFile(const std::string& path, bool must_exist, DaemonConfig* config) {
  std::ifstream in(path);
  if (!in) {
    if (!must_exist) return Status::OK();
    return Status::Error(sqlstate::kIoError, "cannot read the config file " + path);
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    line = Trim(line);
    if (line.empty()) continue;
    size_t eq = line.find('=');
    std::string problem;
    if (eq == std::string::npos) {
      problem = "expected `key = value`";
    } else {
      std::string value = Trim(line.substr(eq + 1));
      // Allow quoted values: data_dir = "/path with spaces"
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      problem = Set(Trim(line.substr(0, eq)), value, config);
    }
    if (!problem.empty()) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           path + ":" + std::to_string(number) + ": " + problem);
    }
  }
  return Status::OK();
}

void ApplyDefaults(DaemonConfig* config) {
  config->data_dir = config->data_dir.empty() ? DefaultDataDir() : ExpandHome(config->data_dir);
  config->control_socket = config->control_socket.empty() ? control::DefaultControlSocketPath()
                                                          : ExpandHome(config->control_socket);
  // Relative paths would change meaning with the working directory.
  std::error_code ec;
  for (std::string* path : {&config->data_dir, &config->control_socket}) {
    auto absolute = std::filesystem::absolute(*path, ec);
    if (!ec) *path = absolute.lexically_normal().string();
  }
}

}  // namespace db9::app
