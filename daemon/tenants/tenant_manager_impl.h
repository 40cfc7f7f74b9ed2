// TenantManagerImpl: the TenantManager of tenant_manager.h over a data
// directory laid out as
//   <data-dir>/tenants.json          registry (registry.h), 0600
//   <data-dir>/tenants/<id>/         one store per database (sql::OpenDatabase)
//   <data-dir>/secrets/<id>.password the plain password, 0600 in a 0700 directory
//
// Stores open on first use and are shared by every connection to that
// database; a store without connections for kIdleCloseAfter is closed again
// (its table count is remembered, as nothing can change while it is closed).
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "daemon/tenants/event_hub.h"
#include "daemon/tenants/registry.h"
#include "daemon/tenants/tenant_manager.h"

namespace db9::tenants {

// What the manager and the handles of open connections share; handles keep it
// alive, so a handle released late never touches a destroyed manager.
struct TenantShared {
  std::mutex mu;
  std::condition_variable connections_changed;  // a connection went away
  EventHub events;
};

// One database's live state.
struct TenantState {
  // Guarded by TenantShared::mu.
  TenantRecord record;
  bool dropped = false;
  std::map<uint64_t, std::function<void()>> connections;  // id -> on_terminate
  int64_t idle_since_ms = 0;  // when the last connection went (or the store opened)

  // Serializes opening and closing the store; guards the two fields below.
  std::mutex open_mu;
  std::shared_ptr<sql::Database> database;
  int64_t cached_table_count = -1;  // valid while the store is closed; -1 unknown
};

class TenantManagerImpl : public TenantManager {
 public:
  static constexpr std::chrono::seconds kIdleCloseAfter{120};

  // REQUIRES: `data_dir` exists with its tenants/ and secrets/ subdirectories.
  TenantManagerImpl(std::string data_dir, std::vector<TenantRecord> records);
  ~TenantManagerImpl() override;

  Result<TenantInfo> Create(const std::string& name, const std::string& password) override;
  Status Drop(const std::string& name, bool force) override;
  Status Rename(const std::string& name, const std::string& new_name) override;
  Status ResetPassword(const std::string& name, const std::string& password) override;
  std::vector<TenantInfo> List() override;
  Result<TenantInfo> Get(const std::string& name) override;
  Result<Credentials> GetCredentials(const std::string& name) override;
  Result<TenantInfo> Branch(const std::string& source, const std::string& new_name) override;
  Result<std::string> ScramVerifierForUser(const std::string& user) override;
  Result<std::shared_ptr<TenantHandle>> Connect(const std::string& user,
                                                std::function<void()> on_terminate) override;
  int Subscribe(std::function<void(const TenantEvent&)> callback) override;
  void Unsubscribe(int id) override;

 private:
  std::string StoreDir(const std::string& id) const;
  std::string PasswordFile(const std::string& id) const;
  std::string RegistryFile() const;

  // REQUIRES: shared_->mu held.
  std::shared_ptr<TenantState> FindLocked(const std::string& name) const;
  Status SaveLocked();
  Status ReserveNameLocked(const std::string& name);

  Result<std::shared_ptr<TenantState>> Find(const std::string& name);
  Result<std::shared_ptr<sql::Database>> EnsureOpen(TenantState& state);
  TenantInfo Describe(TenantState& state);
  // Makes a new tenant from a store directory `fill` creates; shared by
  // Create and Branch.
  Result<TenantInfo> AddTenant(std::string name, std::string password,
                               const std::function<Status(const std::string& dir,
                                                          std::shared_ptr<sql::Database>* opened)>& fill);
  void CloseIdleStores();

  const std::string data_dir_;
  std::shared_ptr<TenantShared> shared_;
  // Guarded by shared_->mu.
  std::map<std::string, std::shared_ptr<TenantState>> by_id_;
  std::set<std::string> reserved_names_;  // being created right now
  uint64_t next_connection_id_ = 1;

  // Idle-store closer.
  std::mutex reaper_mu_;
  std::condition_variable reaper_wake_;
  bool stopping_ = false;
  std::thread reaper_;
};

}  // namespace db9::tenants
