// COPY ... FROM STDIN and COPY ... TO STDOUT in text and CSV formats.
#include "daemon/sql/session/copy_format.h"
#include "daemon/sql/session/session_impl.h"
#include "shared/base/sql_identifier.h"

namespace db9::sql {
namespace {

// Text of an option argument: 'csv', csv, true, 1, on.
std::string OptionText(const pg_query::DefElem& d) {
  const pg_query::Node& arg = d.arg();
  if (arg.has_string()) return arg.string().sval();
  if (arg.has_a_const()) {
    if (arg.a_const().has_sval()) return arg.a_const().sval().sval();
    if (arg.a_const().has_ival()) return std::to_string(arg.a_const().ival().ival());
    if (arg.a_const().has_boolval()) return arg.a_const().boolval().boolval() ? "true" : "false";
  }
  if (arg.has_integer()) return std::to_string(arg.integer().ival());
  if (arg.has_boolean()) return arg.boolean().boolval() ? "true" : "false";
  return d.has_arg() ? "" : "true";
}

bool OptionBool(const std::string& v) {
  return v == "true" || v == "on" || v == "1" || v == "yes" || v.empty();
}

Result<CopyOptions> ParseOptions(const google::protobuf::RepeatedPtrField<pg_query::Node>& list) {
  CopyOptions options;
  bool null_given = false, delimiter_given = false, escape_given = false;
  for (const pg_query::Node& n : list) {
    const pg_query::DefElem& d = n.def_elem();
    std::string v = OptionText(d);
    if (d.defname() == "format") {
      if (v == "csv") {
        options.csv = true;
      } else if (v == "binary") {
        return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: COPY BINARY");
      } else if (v != "text") {
        return Status::Error(sqlstate::kInvalidParameterValue, "COPY format \"" + v + "\" not recognized");
      }
    } else if (d.defname() == "header") {
      options.header = OptionBool(v);
    } else if (d.defname() == "delimiter") {
      if (v.size() != 1) {
        return Status::Error(sqlstate::kFeatureNotSupported, "COPY delimiter must be a single one-byte character");
      }
      options.delimiter = v[0];
      delimiter_given = true;
    } else if (d.defname() == "null") {
      options.null_string = v;
      null_given = true;
    } else if (d.defname() == "quote" && v.size() == 1) {
      options.quote = v[0];
    } else if (d.defname() == "escape" && v.size() == 1) {
      options.escape = v[0];
      escape_given = true;
    } else if (d.defname() == "freeze" || d.defname() == "encoding" ||
               d.defname() == "force_not_null" || d.defname() == "force_null") {
      continue;  // FREEZE: rows are visible at commit anyway
    } else {
      return Status::Error(sqlstate::kSyntaxError, "option \"" + d.defname() + "\" not recognized");
    }
  }
  if (options.csv) {
    if (!delimiter_given) options.delimiter = ',';
    if (!null_given) options.null_string = "";
    if (!escape_given) options.escape = options.quote;
  }
  return options;
}

}  // namespace

Status SessionImpl::ExecuteCopy(const pg_query::CopyStmt& stmt, ClientChannel& channel) {
  if (!stmt.filename().empty() || stmt.is_program()) {
    return Status::Error(sqlstate::kInsufficientPrivilege,
                         "COPY to or from a file or program is not supported")
        .WithHint("Use COPY ... FROM STDIN / TO STDOUT, e.g. psql's \\copy.");
  }
  DB9_ASSIGN_OR_RETURN(CopyOptions options, ParseOptions(stmt.options()));
  // reg* columns read and print as names, as everywhere else.
  std::unique_ptr<StatementIo> io = NewStatementIo();
  std::unique_ptr<ExecContext> ctx = NewExecContext(nullptr, &io->io());

  if (!stmt.is_from()) {
    // COPY (query) / COPY table TO STDOUT: run a plan, format its rows.
    std::shared_ptr<const ParsedQuery> holder;
    pg_query::SelectStmt select;
    if (stmt.has_query()) {
      if (!stmt.query().has_select_stmt()) {
        return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: COPY of this statement");
      }
      select = stmt.query().select_stmt();
    } else {
      // COPY t (a, b) TO STDOUT is SELECT a, b FROM t.
      std::string columns;
      for (const pg_query::Node& a : stmt.attlist()) {
        if (!columns.empty()) columns += ", ";
        columns += QuoteIdentifier(StringValue(a));
      }
      std::string rel = (stmt.relation().schemaname().empty() ? "" : QuoteIdentifier(stmt.relation().schemaname()) + ".") +
                        QuoteIdentifier(stmt.relation().relname());
      DB9_ASSIGN_OR_RETURN(holder, sql::Parse("SELECT " + (columns.empty() ? "*" : columns) + " FROM " + rel));
      select = holder->statements[0].node->select_stmt();
    }
    std::vector<Oid> param_types;
    Binder binder(MakeBindContext(&param_types));
    DB9_ASSIGN_OR_RETURN(BoundQuery q, binder.BindSelect(select, nullptr));
    DB9_RETURN_IF_ERROR(q.root->Open(*ctx));
    DB9_RETURN_IF_ERROR(channel.BeginCopyOut(Format::kText, static_cast<int>(q.columns.size())));
    int64_t count = 0;
    if (options.header) {
      CopyFields names;
      for (const OutputColumn& c : q.columns) names.emplace_back(c.name);
      DB9_RETURN_IF_ERROR(channel.SendCopyData(FormatCopyRow(options, names)));
    }
    Row row;
    while (true) {
      DB9_ASSIGN_OR_RETURN(bool more, q.root->Next(*ctx, &row));
      if (!more) break;
      CopyFields fields;
      for (const Value& v : row) {
        if (v.is_null()) {
          fields.emplace_back(std::nullopt);
          continue;
        }
        DB9_ASSIGN_OR_RETURN(std::string text, types::FormatText(db_.registries().types, v, io->io()));
        fields.emplace_back(std::move(text));
      }
      DB9_RETURN_IF_ERROR(channel.SendCopyData(FormatCopyRow(options, fields)));
      ++count;
    }
    DB9_RETURN_IF_ERROR(channel.EndCopyOut());
    channel.SendCommandComplete("COPY " + std::to_string(count));
    return Status::OK();
  }

  // COPY table [(columns)] FROM STDIN.
  const pg_query::RangeVar& rv = stmt.relation();
  Result<catalog::RelationRef> rel =
      txn_->catalog->ResolveRelation(rv.schemaname(), rv.relname(), info_.search_path);
  if (!rel.ok()) return WithLocation(rel.status(), rv.location());
  if (rel->table == nullptr) {
    return Status::Error(sqlstate::kWrongObjectType, "cannot copy to relation \"" + rv.relname() + "\"");
  }
  const catalog::Table& table = *rel->table;
  std::vector<int> targets;
  if (stmt.attlist_size() == 0) {
    for (size_t i = 0; i < table.columns.size(); ++i) targets.push_back(static_cast<int>(i));
  } else {
    for (const pg_query::Node& a : stmt.attlist()) {
      std::string name = StringValue(a);
      int pos = -1;
      for (size_t i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].name == name) pos = static_cast<int>(i);
      }
      if (pos < 0) {
        return Status::Error(sqlstate::kUndefinedColumn, "column \"" + name + "\" of relation \"" +
                                                             table.name + "\" does not exist");
      }
      targets.push_back(pos);
    }
  }
  std::vector<Oid> param_types;
  Binder binder(MakeBindContext(&param_types));
  // Defaults for the columns COPY does not fill.
  std::vector<ExprPtr> defaults(table.columns.size());
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (std::find(targets.begin(), targets.end(), static_cast<int>(i)) != targets.end()) continue;
    const catalog::Column& c = table.columns[i];
    if (c.default_expr.empty()) continue;
    Scope empty;
    DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindStoredExpr(c.default_expr, empty));
    DB9_ASSIGN_OR_RETURN(defaults[i], binder.Coerce(std::move(e), c.type, c.typmod,
                                                    functions::CoercionContext::kAssignment, -1));
  }
  DB9_ASSIGN_OR_RETURN(WriteTarget target, binder.PrepareWriteTarget(table));
  TableWriter writer(*ctx, target);
  const types::TypeRegistry& types = db_.registries().types;

  DB9_RETURN_IF_ERROR(channel.BeginCopyIn(Format::kText, static_cast<int>(targets.size())));
  CopyReader reader(options);
  int64_t count = 0;
  bool at_end = false;
  Row empty_row;
  while (true) {
    DB9_ASSIGN_OR_RETURN(std::optional<CopyFields> fields, reader.Next(at_end));
    if (!fields) {
      if (reader.finished() || at_end) break;
      DB9_ASSIGN_OR_RETURN(std::optional<std::string> chunk, channel.ReadCopyData());
      if (chunk) {
        reader.Feed(*chunk);
      } else {
        at_end = true;
      }
      continue;
    }
    ++count;
    if (fields->size() != targets.size()) {
      return Status::Error(sqlstate::kBadCopyFileFormat,
                           fields->size() < targets.size()
                               ? "missing data for column \"" +
                                     table.columns[targets[fields->size()]].name + "\""
                               : std::string("extra data after last expected column"))
          .WithDetail("COPY " + table.name + ", line " + std::to_string(count));
    }
    Row row(table.columns.size());
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const catalog::Column& c = table.columns[i];
      if (defaults[i]) {
        DB9_ASSIGN_OR_RETURN(row[i], defaults[i]->Eval(*ctx, empty_row));
      } else {
        row[i] = Value::Null(c.type);
      }
    }
    for (size_t j = 0; j < targets.size(); ++j) {
      const catalog::Column& c = table.columns[targets[j]];
      const std::optional<std::string>& field = (*fields)[j];
      if (!field) {
        row[targets[j]] = Value::Null(c.type);
        continue;
      }
      Result<Value> v = types::ParseText(types, c.type, *field, c.typmod, io->io());
      if (!v.ok()) {
        return Status(v.status()).WithDetail("COPY " + table.name + ", line " + std::to_string(count) +
                                             ", column " + c.name + ": \"" + *field + "\"");
      }
      row[targets[j]] = std::move(v).value();
    }
    DB9_RETURN_IF_ERROR(writer.Insert(row, nullptr).status());
    if ((count & 1023) == 0) DB9_RETURN_IF_ERROR(ctx->CheckCancel());
  }
  channel.SendCommandComplete("COPY " + std::to_string(count));
  return Status::OK();
}

}  // namespace db9::sql
