// Parser: SQL text -> libpg_query's parse tree as generated protobuf classes.
//
// We use pg_query_parse_protobuf rather than the JSON output because the JSON
// loses negative integer constants (see client-facts.md). Syntax errors come
// back as 42601 with the 1-based cursor position PostgreSQL would report.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pg_query.pb.h"
#include "shared/base/result.h"

namespace db9::sql {

// One statement of a (possibly multi-statement) query string.
struct ParsedStatement {
  const pg_query::Node* node = nullptr;  // owned by the ParsedQuery
  std::string text;                      // this statement's own text, trimmed
  int location = 0;                      // byte offset of `text` in the whole query
};

// The parse of one query string; owns the tree the statements point into.
struct ParsedQuery {
  std::string source;
  pg_query::ParseResult tree;
  std::vector<ParsedStatement> statements;
};

Result<std::shared_ptr<const ParsedQuery>> Parse(std::string_view sql);

// The name PostgreSQL's nodes.h uses for a node ("SelectStmt", "A_Expr", ...),
// for 0A000 messages about constructs we do not support.
std::string NodeTypeName(const pg_query::Node& node);

}  // namespace db9::sql
