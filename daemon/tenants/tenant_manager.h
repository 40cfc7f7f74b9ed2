// TenantManager: the databases (tenants) this daemon hosts. Each tenant has
// its own store directory under <data-dir>/tenants/<id>/, a SCRAM verifier,
// and — readable by the owning user only — the plain password, kept so its
// owner can see the connection string again.
//
// Logins are "<name>.admin" to database "postgres". Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::sql {
class Database;
}

namespace db9::tenants {

struct TenantInfo {
  std::string id;    // stable, never reused; names the directory
  std::string name;  // lowercase letters, digits, hyphens
  int64_t created_unix_ms = 0;
  uint64_t size_bytes = 0;
  int64_t table_count = 0;
  int open_connections = 0;
};

struct Credentials {
  std::string user;      // "<name>.admin"
  std::string password;  // plain; only for the owner over the control socket
};

// Events pushed to control-socket subscribers.
struct TenantEvent {
  enum class Kind { kCreated, kDropped, kRenamed, kConnectionOpened, kConnectionClosed };
  Kind kind;
  std::string name;
  std::string previous_name;  // kRenamed only
};

// An open tenant that a connection holds while it is connected.
class TenantHandle {
 public:
  virtual ~TenantHandle() = default;
  virtual const std::string& name() const = 0;
  virtual sql::Database& database() = 0;
};

class TenantManager {
 public:
  virtual ~TenantManager() = default;

  // Name empty: a generated readable name (brave-tiger-42). Password empty: a
  // generated strong one. 42710 on a duplicate, 22023 on a bad name.
  virtual Result<TenantInfo> Create(const std::string& name, const std::string& password) = 0;
  // 55006 while connections are open unless `force` (which terminates them).
  virtual Status Drop(const std::string& name, bool force) = 0;
  virtual Status Rename(const std::string& name, const std::string& new_name) = 0;
  // New logins need the new password; open sessions keep working.
  virtual Status ResetPassword(const std::string& name, const std::string& password) = 0;
  virtual std::vector<TenantInfo> List() = 0;
  virtual Result<TenantInfo> Get(const std::string& name) = 0;
  virtual Result<Credentials> GetCredentials(const std::string& name) = 0;
  // Branch: a new tenant holding a consistent copy of `source` taken now.
  virtual Result<TenantInfo> Branch(const std::string& source, const std::string& new_name) = 0;

  // For authentication: the SCRAM verifier of a login user ("<name>.admin").
  // 28000-class error if there is no such database.
  virtual Result<std::string> ScramVerifierForUser(const std::string& user) = 0;
  // Opens (or shares) the tenant's database for a new connection and counts
  // it; the count drops when the handle goes. `on_terminate` is called (from
  // any thread) when a forced drop ends the connection.
  virtual Result<std::shared_ptr<TenantHandle>> Connect(const std::string& user,
                                                        std::function<void()> on_terminate) = 0;

  // Returns a subscription id; the callback runs on an internal thread.
  virtual int Subscribe(std::function<void(const TenantEvent&)> callback) = 0;
  virtual void Unsubscribe(int id) = 0;
};

Result<std::unique_ptr<TenantManager>> OpenTenantManager(const std::string& data_dir);

}  // namespace db9::tenants
