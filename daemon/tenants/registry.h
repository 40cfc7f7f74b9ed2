// Registry: the persisted list of databases (<data-dir>/tenants.json). It is
// rewritten whole and atomically on every change (temporary file + rename),
// so a crash leaves either the old list or the new one, never a mix.
//
// Format (version 1):
//   {"version": 1, "tenants": [{"id", "name", "created_unix_ms", "scram_verifier"}]}
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::tenants {

struct TenantRecord {
  std::string id;
  std::string name;
  int64_t created_unix_ms = 0;
  std::string scram_verifier;
};

// A missing file is an empty registry. XX001 naming the file if it is corrupt.
Result<std::vector<TenantRecord>> LoadRegistry(const std::string& path);
// Mode 0600: verifiers are not passwords, but still nobody else's business.
Status SaveRegistry(const std::string& path, const std::vector<TenantRecord>& records);

}  // namespace db9::tenants
