#include "daemon/sql/parser/parser.h"

#include <pg_query.h>

#include <cctype>

namespace db9::sql {
namespace {

// libpg_query reports syntax errors as plain messages; everything it rejects
// at parse time is a syntax error as far as SQLSTATE goes (PostgreSQL's
// grammar raises 42601 for these), except a few scanner errors we map here.
Status ErrorFromPgQuery(const PgQueryError& error) {
  std::string message = error.message ? error.message : "syntax error";
  std::string_view code = sqlstate::kSyntaxError;
  if (message.find("unterminated") != std::string::npos) code = sqlstate::kSyntaxError;
  if (message.find("invalid Unicode") != std::string::npos) {
    code = sqlstate::kInvalidEscapeSequence;
  }
  Status status = Status::Error(code, std::move(message));
  if (error.cursorpos > 0) status.WithPosition(error.cursorpos);
  return status;
}

std::string_view TrimStatement(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size() && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  size_t end = text.size();
  while (end > begin &&
         (std::isspace(static_cast<unsigned char>(text[end - 1])) || text[end - 1] == ';')) {
    --end;
  }
  return text.substr(begin, end - begin);
}

}  // namespace

Result<std::shared_ptr<const ParsedQuery>> Parse(std::string_view sql) {
  auto parsed = std::make_shared<ParsedQuery>();
  parsed->source = std::string(sql);
  PgQueryProtobufParseResult result = pg_query_parse_protobuf(parsed->source.c_str());
  if (result.error) {
    Status status = ErrorFromPgQuery(*result.error);
    pg_query_free_protobuf_parse_result(result);
    return status;
  }
  bool ok = parsed->tree.ParseFromArray(result.parse_tree.data,
                                        static_cast<int>(result.parse_tree.len));
  pg_query_free_protobuf_parse_result(result);
  if (!ok) return Status::Internal("could not decode the parse tree of the statement");

  for (const pg_query::RawStmt& raw : parsed->tree.stmts()) {
    ParsedStatement statement;
    statement.node = &raw.stmt();
    statement.location = raw.stmt_location();
    size_t length = raw.stmt_len() > 0 ? static_cast<size_t>(raw.stmt_len())
                                       : parsed->source.size() - statement.location;
    std::string_view whole(parsed->source);
    statement.text = std::string(TrimStatement(whole.substr(statement.location, length)));
    parsed->statements.push_back(std::move(statement));
  }
  return std::shared_ptr<const ParsedQuery>(std::move(parsed));
}

std::string NodeTypeName(const pg_query::Node& node) {
  const google::protobuf::OneofDescriptor* oneof =
      pg_query::Node::descriptor()->FindOneofByName("node");
  const google::protobuf::FieldDescriptor* field =
      pg_query::Node::GetReflection()->GetOneofFieldDescriptor(node, oneof);
  if (field == nullptr) return "empty node";
  // json_name carries PostgreSQL's own spelling ("SelectStmt", "A_Expr").
  return field->json_name();
}

}  // namespace db9::sql
