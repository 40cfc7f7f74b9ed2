// pg_catalog.pg_sequence (sequence parameters) and the pg_sequences view.
#include "daemon/catalog/sequence_store.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

Result<SystemRows> PgSequenceRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [oid, s] : ctx.catalog.sequences()) {
    rows.push_back({OidV(oid), OidV(s.type), Int8V(s.start), Int8V(s.increment),
                    Int8V(s.max_value), Int8V(s.min_value), Int8V(1), BoolV(s.cycle)});
  }
  return rows;
}

// last_value as PostgreSQL's pg_sequence_last_value(): NULL until nextval
// (or setval with is_called) has given the sequence a value.
Result<Value> LastValue(const SystemContext& ctx, const Sequence& s) {
  if (ctx.sequences == nullptr) return NullV(t::kInt8);
  DB9_ASSIGN_OR_RETURN(auto current, ctx.sequences->Peek(s));
  if (!current.second) return NullV(t::kInt8);
  return Int8V(current.first);
}

Result<SystemRows> PgSequencesRows(const SystemContext& ctx) {
  SystemRows rows;
  for (const auto& [oid, s] : ctx.catalog.sequences()) {
    DB9_ASSIGN_OR_RETURN(Value last_value, LastValue(ctx, s));
    rows.push_back({NameV(NamespaceName(ctx.catalog, s.namespace_oid)), NameV(s.name),
                    NameV(ctx.session.user), Value::OfInt(t::kRegtype, s.type), Int8V(s.start),
                    Int8V(s.min_value), Int8V(s.max_value), Int8V(s.increment), BoolV(s.cycle),
                    Int8V(1), std::move(last_value)});
  }
  return rows;
}

}  // namespace

Status RegisterPgSequence(SystemRegistry& registry) {
  SystemRelation sequence;
  sequence.oid = 2224;
  sequence.name = "pg_sequence";
  sequence.relkind = 'r';
  sequence.columns = {{"seqrelid", t::kOid},    {"seqtypid", t::kOid},
                      {"seqstart", t::kInt8},   {"seqincrement", t::kInt8},
                      {"seqmax", t::kInt8},     {"seqmin", t::kInt8},
                      {"seqcache", t::kInt8},   {"seqcycle", t::kBool}};
  sequence.rows = PgSequenceRows;
  DB9_RETURN_IF_ERROR(registry.AddRelation(std::move(sequence)));

  SystemRelation view;
  view.oid = 12048;
  view.name = "pg_sequences";
  view.relkind = 'v';
  view.columns = {{"schemaname", t::kName},   {"sequencename", t::kName},
                  {"sequenceowner", t::kName}, {"data_type", t::kRegtype},
                  {"start_value", t::kInt8},  {"min_value", t::kInt8},
                  {"max_value", t::kInt8},    {"increment_by", t::kInt8},
                  {"cycle", t::kBool},        {"cache_size", t::kInt8},
                  {"last_value", t::kInt8}};
  view.rows = PgSequencesRows;
  return registry.AddRelation(std::move(view));
}

}  // namespace db9::catalog::system
