// The pg_proc rows: every built-in function and aggregate, found by OID or
// by name, for regproc and the pg_get_function_* family. All of them live in
// pg_catalog.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "shared/base/result.h"

namespace db9::catalog::system {

struct ProcEntry {
  std::string name;
  std::vector<Oid> arg_types;
  Oid return_type = 0;
  bool variadic = false;  // the last argument repeats
  bool returns_set = false;
  char kind = 'f';        // pg_proc.prokind: 'f' function, 'a' aggregate
};

std::optional<ProcEntry> ProcByOid(Oid oid);

// regproc input: the one function or aggregate named `text` (optionally
// pg_catalog-qualified). 42883 when none, 42725 when it is overloaded.
Result<Oid> LookupProcName(std::string_view text);

// "integer, text" / "VARIADIC \"any\"" as pg_get_function_arguments prints.
std::string ProcArguments(const ProcEntry& proc);
// "bigint" / "SETOF record" as pg_get_function_result prints.
std::string ProcResult(const ProcEntry& proc);

}  // namespace db9::catalog::system
