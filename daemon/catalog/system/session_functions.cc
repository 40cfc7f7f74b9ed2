// Functions about the session and server: version(), current_schema(),
// current_schemas(), current_database(), current_user / session_user,
// pg_postmaster_start_time(), pg_is_in_recovery(), pg_backend_pid(),
// inet_server_port(), txid_current().
#include <algorithm>
#include <chrono>

#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"
#include "db9/base/version.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;
using Args = std::vector<Value>;

constexpr Oid kNameArray = 1003;

// Microseconds since 2000-01-01 UTC (the timestamptz payload) of `tp`.
int64_t PgMicros(std::chrono::system_clock::time_point tp) {
  constexpr int64_t kUnixToPgEpochSeconds = 946684800;
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(tp.time_since_epoch());
  return micros.count() - kUnixToPgEpochSeconds * 1000000;
}

std::string Compiler() {
#if defined(__clang__)
  return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  return std::string("gcc ") + __VERSION__;
#else
  return "an unknown compiler";
#endif
}

// "PostgreSQL 15.8 (db9 0.1.0) on x86_64-pc-linux-gnu, compiled by gcc
// 12.2.0, 64-bit": SQLAlchemy and others match "PostgreSQL N.N" at the
// start; the db9 version follows as Debian's build puts its own in brackets.
std::string VersionString() {
  std::string arch =
#if defined(__x86_64__)
      "x86_64-pc-linux-gnu";
#elif defined(__aarch64__)
      "aarch64-unknown-linux-gnu";
#else
      "unknown-linux-gnu";
#endif
  return std::string("PostgreSQL ") + kPostgresCompatVersion + " (db9 " + kVersion + ") on " +
         arch + ", compiled by " + Compiler() + ", " + std::to_string(sizeof(void*) * 8) + "-bit";
}

// The schemas of the effective path; pg_catalog only when `implicit` or
// when the path names it.
std::vector<std::string> SchemaNames(const SystemContext& ctx, bool implicit) {
  const std::vector<std::string>& path = ctx.session.search_path;
  bool pg_catalog_listed = std::find(path.begin(), path.end(), "pg_catalog") != path.end();
  std::vector<std::string> names;
  for (Oid ns : EffectiveSearchPath(ctx.catalog, path)) {
    if (ns == kPgCatalogNamespace && !implicit && !pg_catalog_listed) continue;
    names.push_back(NamespaceName(ctx.catalog, ns));
  }
  return names;
}

}  // namespace

Status RegisterSessionFunctions(SystemRegistry& r) {
  static const std::string kVersionString = VersionString();
  static const int64_t kStartTime = PgMicros(std::chrono::system_clock::now());

  DB9_RETURN_IF_ERROR(AddFunction(r, "version", {}, t::kText, true,
                                  [](const SystemContext&, const Args&) -> Result<Value> {
                                    return TextV(kVersionString);
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "current_schema", {}, t::kName, true,
                                  [](const SystemContext& ctx, const Args&) -> Result<Value> {
                                    std::vector<std::string> names = SchemaNames(ctx, false);
                                    if (names.empty()) return NullV(t::kName);
                                    return NameV(names.front());
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "current_schemas", {t::kBool}, kNameArray, true,
                                  [](const SystemContext& ctx, const Args& a) {
                                    return ArrayV(kNameArray, SchemaNames(ctx, a[0].as_bool()));
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "current_database", {}, t::kName, true,
                                  [](const SystemContext& ctx, const Args&) -> Result<Value> {
                                    return NameV(ctx.session.database);
                                  }));
  // One user per database: the session user is also the current role.
  for (const char* name : {"current_user", "session_user", "current_role", "user"}) {
    DB9_RETURN_IF_ERROR(AddFunction(r, name, {}, t::kName, true,
                                    [](const SystemContext& ctx, const Args&) -> Result<Value> {
                                      return NameV(ctx.session.user);
                                    }));
  }
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_postmaster_start_time", {}, t::kTimestamptz, true,
                                  [](const SystemContext&, const Args&) -> Result<Value> {
                                    return Value::OfInt(t::kTimestamptz, kStartTime);
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_backend_pid", {}, t::kInt4, true,
                                  [](const SystemContext& ctx, const Args&) -> Result<Value> {
                                    return Int4V(ctx.session.backend_pid);
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "inet_server_port", {}, t::kInt4, true,
                                  [](const SystemContext& ctx, const Args&) -> Result<Value> {
                                    if (ctx.session.server_port == 0) return NullV(t::kInt4);
                                    return Int4V(ctx.session.server_port);
                                  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "txid_current", {}, t::kInt8, true,
                                  [](const SystemContext& ctx, const Args&) -> Result<Value> {
                                    if (!ctx.session.transaction_id) {
                                      return Status::Error(sqlstate::kFeatureNotSupported,
                                                           "txid_current() needs a session");
                                    }
                                    DB9_ASSIGN_OR_RETURN(int64_t id, ctx.session.transaction_id());
                                    return Int8V(id);
                                  }));
  return AddFunction(r, "pg_is_in_recovery", {}, t::kBool, true,
                     [](const SystemContext&, const Args&) -> Result<Value> { return BoolV(false); });
}

}  // namespace db9::catalog::system
