#include "daemon/tenants/registry.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "daemon/tenants/names.h"
#include "daemon/tenants/secrets.h"
#include "shared/base/sqlstate.h"

namespace db9::tenants {

namespace {
constexpr int kFormatVersion = 1;

Status Corrupt(const std::string& path, const std::string& why) {
  return Status::Error(sqlstate::kDataCorrupted, "the database registry " + path +
                                                     " is damaged: " + why)
      .WithHint("restore it from a backup, or move it away to start with an empty list (the "
                "database directories stay under tenants/)");
}
}  // namespace

Result<std::vector<TenantRecord>> LoadRegistry(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::vector<TenantRecord>{};
  DB9_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return Corrupt(path, "it is not a JSON object");
  if (doc.value("version", 0) != kFormatVersion) {
    return Corrupt(path, "unknown format version (written by a newer db9?)");
  }
  auto tenants = doc.find("tenants");
  if (tenants == doc.end() || !tenants->is_array()) return Corrupt(path, "no \"tenants\" list");
  std::vector<TenantRecord> records;
  for (const auto& t : *tenants) {
    if (!t.is_object() || !t.value("id", nlohmann::json()).is_string() ||
        !t.value("name", nlohmann::json()).is_string() ||
        !t.value("scram_verifier", nlohmann::json()).is_string() ||
        !t.value("created_unix_ms", nlohmann::json()).is_number_integer()) {
      return Corrupt(path, "an entry lacks id, name, created_unix_ms or scram_verifier");
    }
    TenantRecord record{t["id"].get<std::string>(), t["name"].get<std::string>(),
                        t["created_unix_ms"].get<int64_t>(), t["scram_verifier"].get<std::string>()};
    if (!ValidateName(record.name).ok() || record.id.empty() ||
        record.id.find('/') != std::string::npos || record.id[0] == '.') {
      return Corrupt(path, "an entry has an invalid name or id");
    }
    records.push_back(std::move(record));
  }
  return records;
}

Status SaveRegistry(const std::string& path, const std::vector<TenantRecord>& records) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : records) {
    list.push_back({{"id", r.id},
                    {"name", r.name},
                    {"created_unix_ms", r.created_unix_ms},
                    {"scram_verifier", r.scram_verifier}});
  }
  nlohmann::json doc = {{"version", kFormatVersion}, {"tenants", std::move(list)}};
  return WriteFileAtomically(path, doc.dump(2) + "\n", 0600);
}

}  // namespace db9::tenants
