#include "daemon/control/dump_views.h"

#include <map>
#include <set>
#include <vector>

namespace db9::control {
namespace {

const std::string& Text(const ResultRow& row, size_t i) {
  static const std::string kEmpty;
  return i < row.size() && row[i] ? *row[i] : kEmpty;
}

struct DumpView {
  std::string name;        // qualified, quoted
  std::string columns;     // "a, b"
  std::string definition;  // without the closing semicolon
  std::vector<std::string> reads;  // OIDs of the views it reads
};

// Appends `oid` after the views it reads, depth first, once each.
void Place(const std::map<std::string, DumpView>& views, const std::string& oid,
           std::set<std::string>* placed, std::string* out) {
  auto it = views.find(oid);
  if (it == views.end() || !placed->insert(oid).second) return;
  for (const std::string& read : it->second.reads) Place(views, read, placed, out);
  const DumpView& v = it->second;
  *out += "CREATE VIEW " + v.name + " (" + v.columns + ") AS\n" + v.definition + ";\n";
}

}  // namespace

Result<std::string> ViewStatements(SqlRunner& runner, const std::string& user_schemas_filter) {
  DB9_ASSIGN_OR_RETURN(
      auto rows,
      runner.Query("SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_viewdef(c.oid) "
                   "FROM pg_catalog.pg_class c "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE c.relkind = 'v' AND " + user_schemas_filter +
                   " ORDER BY n.nspname, c.relname"));
  std::map<std::string, DumpView> views;
  std::vector<std::string> order;
  for (const auto& row : rows.rows) {
    std::string body = Text(row, 3);
    while (!body.empty() && (body.back() == ';' || body.back() == '\n' || body.back() == ' ')) {
      body.pop_back();
    }
    views[Text(row, 0)] = {QuoteIdentifier(Text(row, 1)) + "." + QuoteIdentifier(Text(row, 2)), "",
                           body, {}};
    order.push_back(Text(row, 0));
  }
  if (views.empty()) return std::string();
  DB9_ASSIGN_OR_RETURN(
      auto columns,
      runner.Query("SELECT a.attrelid, a.attname FROM pg_catalog.pg_attribute a "
                   "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                   "WHERE c.relkind = 'v' AND a.attnum > 0 AND NOT a.attisdropped "
                   "ORDER BY a.attrelid, a.attnum"));
  for (const auto& row : columns.rows) {
    auto it = views.find(Text(row, 0));
    if (it == views.end()) continue;
    if (!it->second.columns.empty()) it->second.columns += ", ";
    it->second.columns += QuoteIdentifier(Text(row, 1));
  }
  // A view's _RETURN rule depends on what the view reads (2618 = pg_rewrite).
  DB9_ASSIGN_OR_RETURN(
      auto reads,
      runner.Query("SELECT DISTINCT r.ev_class, d.refobjid FROM pg_catalog.pg_depend d "
                   "JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid "
                   "WHERE d.classid = 2618 AND d.refclassid = 1259 AND d.refobjid <> r.ev_class"));
  for (const auto& row : reads.rows) {
    auto it = views.find(Text(row, 0));
    if (it != views.end() && views.count(Text(row, 1)) > 0) it->second.reads.push_back(Text(row, 1));
  }
  std::string out = "\n";
  std::set<std::string> placed;
  for (const std::string& oid : order) Place(views, oid, &placed, &out);
  return out;
}

}  // namespace db9::control
