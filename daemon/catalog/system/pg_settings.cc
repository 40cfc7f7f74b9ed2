// pg_catalog.pg_settings: the session's parameters, as the session describes
// them (SessionInfo::settings). Columns the session cannot tell truthfully
// (source, reset_val, enumvals, source files) are left out rather than made up.
#include "daemon/catalog/system/row_values.h"
#include "daemon/catalog/system/system_catalog.h"

namespace db9::catalog::system {
namespace {

namespace t = types::oid;

Result<SystemRows> PgSettingsRows(const SystemContext& ctx) {
  SystemRows rows;
  if (!ctx.session.settings) return rows;
  for (const SettingInfo& s : ctx.session.settings()) {
    rows.push_back({TextV(s.name), TextV(s.setting), TextOrNull(s.unit), TextV(s.category),
                    TextV(s.short_desc), TextV(s.context), TextV(s.vartype), TextOrNull(s.min_val),
                    TextOrNull(s.max_val), TextV(s.boot_val)});
  }
  return rows;
}

}  // namespace

Status RegisterPgSettings(SystemRegistry& registry) {
  SystemRelation rel;
  rel.oid = 12104;  // PostgreSQL 15's
  rel.name = "pg_settings";
  rel.relkind = 'v';
  rel.columns = {{"name", t::kText},       {"setting", t::kText}, {"unit", t::kText},
                 {"category", t::kText},   {"short_desc", t::kText}, {"context", t::kText},
                 {"vartype", t::kText},    {"min_val", t::kText}, {"max_val", t::kText},
                 {"boot_val", t::kText}};
  rel.rows = PgSettingsRows;
  return registry.AddRelation(std::move(rel));
}

}  // namespace db9::catalog::system
