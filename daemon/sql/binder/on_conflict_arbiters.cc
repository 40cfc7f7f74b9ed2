#include "daemon/sql/binder/on_conflict_arbiters.h"

#include <set>

namespace db9::sql {
namespace {

Status NoMatchingConstraint() {
  return Status::Error(sqlstate::kInvalidColumnReference,
                       "there is no unique or exclusion constraint matching the ON CONFLICT "
                       "specification");
}

Result<ConflictArbiters> ByConstraintName(const catalog::Table& table, const std::string& name) {
  for (const catalog::Constraint& c : table.constraints) {
    if (c.name != name) continue;
    if (c.index_oid == 0) {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "constraint in ON CONFLICT clause has no associated index");
    }
    ConflictArbiters arbiters;
    arbiters.indexes.push_back(c.index_oid);
    return arbiters;
  }
  return Status::Error(sqlstate::kUndefinedObject, "constraint \"" + name + "\" for table \"" +
                                                       table.name + "\" does not exist");
}

}  // namespace

Result<ConflictArbiters> InferConflictArbiters(const catalog::Table& table,
                                               const pg_query::OnConflictClause& clause) {
  if (!clause.has_infer()) {
    ConflictArbiters arbiters;
    arbiters.all = true;
    return arbiters;
  }
  const pg_query::InferClause& infer = clause.infer();
  if (!infer.conname().empty()) return ByConstraintName(table, infer.conname());
  // The inferred columns as a set: (a, a, b) infers the same index as (a, b).
  std::set<int16_t> wanted;
  for (const pg_query::Node& n : infer.index_elems()) {
    const pg_query::IndexElem& elem = n.index_elem();
    // Indexes here have plain columns only, so an expression never matches.
    if (elem.name().empty()) return NoMatchingConstraint();
    const catalog::Column* column = table.FindColumn(elem.name());
    if (column == nullptr) {
      return Status::Error(sqlstate::kUndefinedColumn,
                           "column \"" + elem.name() + "\" does not exist");
    }
    wanted.insert(column->attnum);
  }
  // Indexes are never partial here, so a WHERE in the target is implied by
  // every candidate and does not narrow the choice.
  ConflictArbiters arbiters;
  for (const catalog::Index& index : table.indexes) {
    if (!index.unique && !index.primary) continue;
    std::set<int16_t> keys;
    for (const catalog::IndexColumn& c : index.columns) keys.insert(c.attnum);
    if (keys == wanted) arbiters.indexes.push_back(index.oid);
  }
  if (arbiters.indexes.empty()) return NoMatchingConstraint();
  return arbiters;
}

}  // namespace db9::sql
