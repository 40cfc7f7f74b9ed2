// pg_partition_ancestors(regclass): the relation and its ancestors when it
// is part of a partition tree. PostgreSQL answers an empty set for any
// relation that is neither a partition nor a partitioned table
// (check_rel_can_be_partition), and for an unknown OID. db9 has no
// partitioning, so no relation is ever in a tree and the set is always
// empty — which is exactly what psql's \d expects for a plain table.
#include "daemon/functions/builtin/builtin_modules.h"

namespace db9::functions {

Status RegisterPartitionFunctions(Registries& r) {
  FunctionInfo f;
  f.name = "pg_partition_ancestors";
  f.arg_types = {types::oid::kRegclass};
  f.return_type = types::oid::kRegclass;
  f.volatility = Volatility::kVolatile;
  f.set_columns = {{"relid", types::oid::kRegclass}};
  f.set_impl = [](FunctionContext&, std::span<const Value>) -> Result<std::unique_ptr<SetIterator>> {
    return MakeRowsIterator({});
  };
  return r.functions.Register(std::move(f));
}

}  // namespace db9::functions
