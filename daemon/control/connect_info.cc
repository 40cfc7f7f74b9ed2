#include "daemon/control/connect_info.h"

namespace db9::control {

namespace {
// POSIX shell single-quoting: 'it'\''s'.
std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}
}  // namespace

std::string PercentEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

ConnectInfo MakeConnectInfo(const std::string& user, const std::string& password, int port) {
  ConnectInfo info;
  info.host = "localhost";
  info.port = port;
  info.user = user;
  info.database = "postgres";
  info.password = password;
  std::string tail = PercentEncode(user) + ":" + PercentEncode(password) + "@" + info.host + ":" +
                     std::to_string(port) + "/" + info.database;
  info.url = "postgresql://" + tail;
  info.sqlalchemy_url = "postgresql+psycopg://" + tail;
  info.psql_command = "psql " + ShellQuote(info.url);
  info.environment = {{"PGHOST", info.host},
                      {"PGPORT", std::to_string(port)},
                      {"PGUSER", user},
                      {"PGPASSWORD", password},
                      {"PGDATABASE", info.database}};
  return info;
}

}  // namespace db9::control
