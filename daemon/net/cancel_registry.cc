#include "daemon/net/cancel_registry.h"

#include <cstring>
#include <limits>
#include <random>

#include "daemon/auth/scram_crypto.h"
#include "daemon/sql/session/session.h"

namespace db9::net {

namespace {
int32_t RandomSecret() {
  int32_t secret = 0;
  if (auto bytes = auth::RandomBytes(sizeof secret)) {
    std::memcpy(&secret, bytes->data(), sizeof secret);
  } else {
    // The secret only guards against cancelling someone else's statement on
    // a local machine; a non-cryptographic fallback is acceptable.
    secret = static_cast<int32_t>(std::random_device{}());
  }
  return secret;
}
}  // namespace

CancelKey CancelRegistry::Register(sql::Session* session) {
  int32_t secret = RandomSecret();
  std::lock_guard lock(mu_);
  // Process ids wrap around but never collide with a live entry.
  do {
    next_process_id_ = next_process_id_ == std::numeric_limits<int32_t>::max()
                           ? 10000
                           : next_process_id_ + 1;
  } while (entries_.count(next_process_id_) != 0);
  entries_.emplace(next_process_id_, Entry{secret, session});
  return CancelKey{next_process_id_, secret};
}

void CancelRegistry::Attach(const CancelKey& key, sql::Session* session) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key.process_id);
  if (it != entries_.end()) it->second.session = session;
}

void CancelRegistry::Unregister(const CancelKey& key) {
  std::lock_guard lock(mu_);
  entries_.erase(key.process_id);
}

bool CancelRegistry::Cancel(const CancelKey& key) {
  // Session::Cancel() is thread-safe; holding the lock keeps the session
  // alive for the call (Unregister waits for it).
  std::lock_guard lock(mu_);
  auto it = entries_.find(key.process_id);
  if (it == entries_.end() || it->second.secret_key != key.secret_key) return false;
  if (it->second.session == nullptr) return false;  // still starting up
  it->second.session->Cancel();
  return true;
}

}  // namespace db9::net
