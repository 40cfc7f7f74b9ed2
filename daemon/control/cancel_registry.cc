#include "daemon/control/cancel_registry.h"

#include "daemon/control/sql_runner.h"
#include "shared/base/sqlstate.h"

namespace db9::control {

CancelRegistry::Registration::~Registration() {
  if (registry_ != nullptr) registry_->Unregister(key_);
}

CancelRegistry::Registration::Registration(Registration&& other) noexcept
    : registry_(other.registry_), key_(std::move(other.key_)) {
  other.registry_ = nullptr;
}

Result<CancelRegistry::Registration> CancelRegistry::Register(const std::string& key,
                                                              SqlRunner* runner) {
  if (key.empty() || key.size() > 200) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "argument \"cancel_key\" must be a string of 1 to 200 characters");
  }
  std::lock_guard lock(mu_);
  if (!running_.emplace(key, runner).second) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "cancel_key \"" + key + "\" is already used by a running request")
        .WithHint("choose a fresh key per request, e.g. a random one");
  }
  return Registration(this, key);
}

bool CancelRegistry::Cancel(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = running_.find(key);
  if (it == running_.end()) return false;
  it->second->CancelRunning();
  return true;
}

void CancelRegistry::Unregister(const std::string& key) {
  std::lock_guard lock(mu_);
  running_.erase(key);
}

}  // namespace db9::control
