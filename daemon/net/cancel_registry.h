// CancelRegistry: maps the (process id, secret key) pair a connection got in
// BackendKeyData to its session, so a CancelRequest arriving on another
// connection can cancel the statement running there. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace db9::sql {
class Session;
}

namespace db9::net {

struct CancelKey {
  int32_t process_id = 0;
  int32_t secret_key = 0;
};

class CancelRegistry {
 public:
  // A fresh key (unique process id, random secret) for `session`. The
  // session may be null and attached later, when it needs the process id to
  // be made (pg_backend_pid() shows it); until then Cancel() does nothing.
  // REQUIRES: Unregister(key) before `session` is destroyed.
  CancelKey Register(sql::Session* session);
  void Attach(const CancelKey& key, sql::Session* session);
  void Unregister(const CancelKey& key);
  // Cancels the session's running statement if the key matches exactly; an
  // unknown or wrong key does nothing, as in PostgreSQL. True if it matched.
  bool Cancel(const CancelKey& key);

 private:
  std::mutex mu_;
  int32_t next_process_id_ = 10000;
  struct Entry {
    int32_t secret_key;
    sql::Session* session;
  };
  std::unordered_map<int32_t, Entry> entries_;
};

}  // namespace db9::net
