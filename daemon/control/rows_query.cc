#include "daemon/control/rows_query.h"

#include <algorithm>

#include "daemon/control/sql_runner.h"
#include "shared/base/sqlstate.h"

namespace db9::control {

namespace {

const ColumnInfo* FindColumn(const TableDescription& table, const std::string& name) {
  for (const auto& c : table.columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Status NoColumn(const TableDescription& table, const std::string& name) {
  return Status::Error(sqlstate::kUndefinedColumn,
                       "column \"" + name + "\" of relation \"" + table.name + "\" does not exist");
}

Result<std::string> FilterSql(const RowFilter& filter, const TableDescription& table) {
  if (FindColumn(table, filter.column) == nullptr) return NoColumn(table, filter.column);
  std::string column = QuoteIdentifier(filter.column);
  std::string op = filter.op;
  std::transform(op.begin(), op.end(), op.begin(), ::tolower);
  if (op == "is null") return column + " IS NULL";
  if (op == "is not null") return column + " IS NOT NULL";
  static const char* kComparisons[] = {"=", "<>", "<", "<=", ">", ">="};
  bool comparison = std::find(std::begin(kComparisons), std::end(kComparisons), op) !=
                    std::end(kComparisons);
  if (!comparison && op != "like" && op != "ilike") {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "unknown filter op \"" + filter.op +
                             "\" (use =, <>, <, <=, >, >=, like, ilike, is null, is not null)");
  }
  if (!filter.value) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "filter on \"" + filter.column + "\" with \"" + op + "\" needs a value");
  }
  // LIKE works on any column through its text form, as in a GUI search box.
  if (!comparison) return "CAST(" + column + " AS text) " + (op == "like" ? "LIKE " : "ILIKE ") +
                          QuoteLiteral(*filter.value);
  return column + " " + op + " " + QuoteLiteral(*filter.value);
}

// (k1, k2, ...) strictly after (v1, v2, ...) in the given directions:
// k1 > v1 OR (k1 = v1 AND k2 > v2) OR ...
std::string AfterSql(const std::vector<SortKey>& order,
                     const std::vector<std::optional<std::string>>& after) {
  std::string out = "(";
  for (size_t i = 0; i < order.size(); ++i) {
    if (i > 0) out += " OR ";
    out += "(";
    for (size_t j = 0; j < i; ++j) {
      out += QuoteIdentifier(order[j].column) + " = " + QuoteLiteral(*after[j]) + " AND ";
    }
    out += QuoteIdentifier(order[i].column) + (order[i].descending ? " < " : " > ") +
           QuoteLiteral(*after[i]) + ")";
  }
  return out + ")";
}

}  // namespace

Result<RowsQuery> BuildRowsQuery(const RowsRequest& request, const TableDescription& table) {
  RowsQuery query;
  query.order = request.order_by;
  // The primary key breaks ties: pages of a sort by a non-unique column
  // neither skip nor repeat rows, and the order is unique, so keyset paging
  // (no OFFSET re-reading all earlier rows) works when it has no NULLs.
  for (const auto& column : table.primary_key) {
    if (std::none_of(query.order.begin(), query.order.end(),
                     [&](const SortKey& k) { return k.column == column; })) {
      query.order.push_back({column, false});
    }
  }
  bool all_not_null = true;
  for (const auto& key : query.order) {
    const ColumnInfo* column = FindColumn(table, key.column);
    if (column == nullptr) return NoColumn(table, key.column);
    all_not_null = all_not_null && !column->nullable;
  }
  query.keyset = !table.primary_key.empty() && all_not_null;

  std::vector<std::string> conditions;
  for (const auto& filter : request.filters) {
    DB9_ASSIGN_OR_RETURN(std::string condition, FilterSql(filter, table));
    conditions.push_back(std::move(condition));
  }
  if (request.after) {
    if (!query.keyset) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "\"after\" paging needs a table with a primary key and an order "
                           "without nullable columns")
          .WithHint("page with \"offset\" instead");
    }
    bool complete = request.after->size() == query.order.size() &&
                    std::all_of(request.after->begin(), request.after->end(),
                                [](const auto& v) { return v.has_value(); });
    if (!complete) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "\"after\" must hold one non-null value per order column (" +
                               std::to_string(query.order.size()) + ")");
    }
    conditions.push_back(AfterSql(query.order, *request.after));
  }

  query.sql = "SELECT * FROM " + QuoteIdentifier(table.schema) + "." + QuoteIdentifier(table.name);
  for (size_t i = 0; i < conditions.size(); ++i) {
    query.sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  }
  for (size_t i = 0; i < query.order.size(); ++i) {
    query.sql += (i == 0 ? " ORDER BY " : ", ") + QuoteIdentifier(query.order[i].column) +
                 (query.order[i].descending ? " DESC" : "");
  }
  query.sql += " LIMIT " + std::to_string(request.limit + 1);
  if (!request.after && request.offset > 0) query.sql += " OFFSET " + std::to_string(request.offset);
  return query;
}

RowsPage FinishRowsPage(const RowsRequest& request, const RowsQuery& query, QueryResult result) {
  RowsPage page;
  bool more = static_cast<int64_t>(result.rows.size()) > request.limit;
  if (more) result.rows.resize(static_cast<size_t>(request.limit));
  result.truncated = more;
  result.command_tag = "SELECT " + std::to_string(result.rows.size());
  if (more && query.keyset && !result.rows.empty()) {
    std::vector<std::optional<std::string>> after;
    for (const auto& key : query.order) {
      for (size_t i = 0; i < result.columns.size(); ++i) {
        if (result.columns[i].name == key.column) after.push_back(result.rows.back()[i]);
      }
    }
    if (after.size() == query.order.size()) page.next_after = std::move(after);
  }
  page.result = std::move(result);
  return page;
}

}  // namespace db9::control
