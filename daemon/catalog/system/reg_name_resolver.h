// The catalog's answer to types::RegNameResolver: how 'users'::regclass,
// 'integer'::regtype and 'public'::regnamespace become OIDs and how those
// OIDs print. The session makes one per statement (it holds the catalog
// snapshot and search path the statement runs with) and puts it in the
// IoContext.
#pragma once

#include <string>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "daemon/types/io_context.h"

namespace db9::catalog::system {

inline constexpr Oid kRegnamespace = 4089;

class CatalogRegNameResolver : public types::RegNameResolver {
 public:
  // REQUIRES: `state` and `search_path` outlive the resolver.
  CatalogRegNameResolver(const CatalogState& state, const std::vector<std::string>& search_path)
      : state_(state), search_path_(search_path) {}

  // regclass: 42P01 relation "x" does not exist; regtype: 42704 type "x"
  // does not exist; regnamespace: 3F000 schema "x" does not exist; regproc:
  // 42883 function "x" does not exist, 42725 when several functions share it.
  Result<Oid> Lookup(Oid reg_type, std::string_view name) const override;
  std::string Name(Oid reg_type, Oid object) const override;

 private:
  const CatalogState& state_;
  const std::vector<std::string>& search_path_;
};

}  // namespace db9::catalog::system
