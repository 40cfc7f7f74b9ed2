// Function inquiry: pg_function_is_visible, pg_get_function_arguments,
// pg_get_function_identity_arguments, pg_get_function_result (psql's \df).
// Unknown OIDs give NULL, as in PostgreSQL.
#include "daemon/catalog/system/procs.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;
using Args = std::vector<Value>;

std::optional<ProcEntry> ProcArg(const Value& v) { return ProcByOid(static_cast<Oid>(v.as_int())); }

// Every function lives in pg_catalog, which is always searched.
Result<Value> FunctionIsVisible(const SystemContext&, const Args& args) {
  return ProcArg(args[0]) ? BoolV(true) : NullV(t::kBool);
}

// Built-ins have no argument names or defaults, so the identity list and
// the full list are the same.
Result<Value> FunctionArguments(const SystemContext&, const Args& args) {
  std::optional<ProcEntry> proc = ProcArg(args[0]);
  return proc ? TextV(ProcArguments(*proc)) : NullV(t::kText);
}

Result<Value> FunctionResult(const SystemContext&, const Args& args) {
  std::optional<ProcEntry> proc = ProcArg(args[0]);
  return proc ? TextV(ProcResult(*proc)) : NullV(t::kText);
}

}  // namespace

Status RegisterProcFunctions(SystemRegistry& r) {
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "pg_function_is_visible", {t::kOid}, t::kBool, true, FunctionIsVisible));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "pg_get_function_arguments", {t::kOid}, t::kText, true, FunctionArguments));
  DB9_RETURN_IF_ERROR(AddFunction(r, "pg_get_function_identity_arguments", {t::kOid}, t::kText,
                                  true, FunctionArguments));
  return AddFunction(r, "pg_get_function_result", {t::kOid}, t::kText, true, FunctionResult);
}

}  // namespace db9::catalog::system
