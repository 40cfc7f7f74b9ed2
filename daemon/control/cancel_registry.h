// CancelRegistry: the db.sql requests that can be cancelled right now, by the
// key their client chose (`cancel_key`). A request is served on its
// connection's thread and that connection reads nothing else until it ends,
// so `db.cancel` necessarily arrives on another connection; this registry is
// what the two share. Keys are per daemon: any client of the socket (all run
// as the daemon's user) may cancel any key it knows.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::control {

class SqlRunner;

class CancelRegistry {
 public:
  // Makes `runner` cancellable under `key` while the Registration lives.
  // 22023 if another running request holds the key.
  class Registration {
   public:
    Registration() = default;
    ~Registration();
    Registration(Registration&& other) noexcept;
    Registration& operator=(Registration&&) = delete;

   private:
    friend class CancelRegistry;
    Registration(CancelRegistry* registry, std::string key) : registry_(registry), key_(std::move(key)) {}
    CancelRegistry* registry_ = nullptr;
    std::string key_;
  };

  // REQUIRES: `runner` outlives the returned Registration.
  Result<Registration> Register(const std::string& key, SqlRunner* runner);
  // Cancels the statement running under `key`; false if no request holds it
  // (already finished, or never started).
  bool Cancel(const std::string& key);

 private:
  void Unregister(const std::string& key);

  std::mutex mu_;  // held while cancelling, so a runner cannot go mid-call
  std::map<std::string, SqlRunner*> running_;
};

}  // namespace db9::control
