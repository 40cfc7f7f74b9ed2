// CREATE TABLE: columns (serial, identity, defaults), constraints (PRIMARY
// KEY, UNIQUE, CHECK, FOREIGN KEY, NOT NULL) and storage options.
#include <pg_query.h>

#include <algorithm>

#include "daemon/catalog/index_method.h"
#include "daemon/catalog/system/relations.h"
#include "daemon/sql/session/ddl_executor.h"
#include "daemon/sql/session/sequence_options.h"
#include "shared/base/sql_identifier.h"

namespace db9::sql {
namespace {

using catalog::Column;
using catalog::Constraint;
using catalog::ConstraintType;

struct SerialKind {
  const char* name;
  Oid type;
  int64_t max;
};
constexpr SerialKind kSerials[] = {
    {"serial", types::oid::kInt4, INT32_MAX},     {"serial4", types::oid::kInt4, INT32_MAX},
    {"bigserial", types::oid::kInt8, INT64_MAX},  {"serial8", types::oid::kInt8, INT64_MAX},
    {"smallserial", types::oid::kInt2, INT16_MAX}, {"serial2", types::oid::kInt2, INT16_MAX}};

int64_t MaxForType(Oid type) {
  if (type == types::oid::kInt2) return INT16_MAX;
  if (type == types::oid::kInt4) return INT32_MAX;
  return INT64_MAX;
}

std::string RelationExists(const std::string& name) {
  return "relation \"" + name + "\" already exists";
}

catalog::ForeignKeyAction FkAction(const std::string& code) {
  if (code.empty()) return catalog::ForeignKeyAction::kNoAction;
  switch (code[0]) {
    case 'r': return catalog::ForeignKeyAction::kRestrict;
    case 'c': return catalog::ForeignKeyAction::kCascade;
    case 'n': return catalog::ForeignKeyAction::kSetNull;
    case 'd': return catalog::ForeignKeyAction::kSetDefault;
    default: return catalog::ForeignKeyAction::kNoAction;
  }
}

}  // namespace

DdlExecutor::DdlExecutor(SessionImpl& session, ClientChannel& channel)
    : session_(session), channel_(channel) {}

Binder DdlExecutor::MakeBinder() {
  BindContext ctx = session_.MakeBindContext(nullptr);
  static thread_local std::vector<Oid> no_params;
  no_params.clear();
  ctx.param_types = &no_params;
  return Binder(ctx);
}

Status DdlExecutor::Record(Status stored, std::shared_ptr<catalog::CatalogState> edited) {
  DB9_RETURN_IF_ERROR(stored);
  session_.txn_->catalog = std::move(edited);
  session_.txn_->catalog_changed = true;
  return Status::OK();
}

Status DdlExecutor::PutTable(catalog::Table table) {
  return Record(store().StoreTable(txn(), table), view().WithTable(table));
}

Status DdlExecutor::RemoveTable(const catalog::Table& table) {
  return Record(store().DeleteTable(txn(), table.oid), view().WithoutTable(table.oid));
}

Status DdlExecutor::PutSequence(catalog::Sequence sequence) {
  return Record(store().StoreSequence(txn(), sequence), view().WithSequence(sequence));
}

Status DdlExecutor::RemoveSequence(const catalog::Sequence& sequence) {
  return Record(store().DeleteSequence(txn(), sequence.oid), view().WithoutSequence(sequence.oid));
}

std::string ReloptionValue(const pg_query::DefElem& d) {
  if (!d.has_arg()) return "true";
  const pg_query::Node& arg = d.arg();
  if (arg.has_integer()) return std::to_string(arg.integer().ival());
  if (arg.has_float_()) return arg.float_().fval();
  if (arg.has_string()) return arg.string().sval();
  if (arg.has_boolean()) return arg.boolean().boolval() ? "true" : "false";
  // A bare word that is not a keyword (off, maybe) parses as a type name.
  if (arg.has_type_name()) {
    std::string out;
    for (const pg_query::Node& part : arg.type_name().names()) {
      out += (out.empty() ? "" : ".") + part.string().sval();
    }
    return out;
  }
  if (arg.has_a_const()) {
    const pg_query::A_Const& c = arg.a_const();
    if (c.has_ival()) return std::to_string(c.ival().ival());
    if (c.has_fval()) return c.fval().fval();
    if (c.has_sval()) return c.sval().sval();
  }
  return {};
}

Result<std::string> DeparseStatement(const pg_query::Node& statement) {
  // The deparser wants a whole parse result of the parser's own version.
  static const int version = [] {
    Result<std::shared_ptr<const ParsedQuery>> p = sql::Parse("SELECT 1");
    return p.ok() ? (*p)->tree.version() : 0;
  }();
  pg_query::ParseResult tree;
  tree.set_version(version);
  *tree.add_stmts()->mutable_stmt() = statement;
  std::string bytes;
  tree.SerializeToString(&bytes);
  PgQueryProtobuf input{bytes.size(), bytes.data()};
  PgQueryDeparseResult result = pg_query_deparse_protobuf(input);
  if (result.error) {
    std::string message = result.error->message ? result.error->message : "deparse failed";
    pg_query_free_deparse_result(result);
    return Status::Internal("could not store the SQL text: " + message);
  }
  std::string text = result.query;
  pg_query_free_deparse_result(result);
  return text;
}

Result<std::string> DdlExecutor::Deparse(const pg_query::Node& expr) {
  pg_query::Node select;
  *select.mutable_select_stmt()->add_target_list()->mutable_res_target()->mutable_val() = expr;
  DB9_ASSIGN_OR_RETURN(std::string text, DeparseStatement(select));
  constexpr std::string_view kPrefix = "SELECT ";
  if (text.compare(0, kPrefix.size(), kPrefix) == 0) text.erase(0, kPrefix.size());
  return text;
}

std::string DdlExecutor::UniqueName(const catalog::Table& table,
                                    const std::vector<std::string>& columns,
                                    const std::string& suffix) const {
  std::string base = table.name;
  for (const std::string& c : columns) base += "_" + c;
  base += "_" + suffix;
  auto taken = [&](const std::string& name) {
    if (view().RelationNameTaken(table.namespace_oid, name)) return true;
    for (const Constraint& c : table.constraints) {
      if (c.name == name) return true;
    }
    for (const catalog::Index& i : table.indexes) {
      if (i.name == name) return true;
    }
    return false;
  };
  if (!taken(base)) return base;
  for (int i = 1;; ++i) {
    std::string candidate = base + std::to_string(i);
    if (!taken(candidate)) return candidate;
  }
}

Status DdlExecutor::AddColumnDef(
    catalog::Table* table, const pg_query::ColumnDef& def,
    std::vector<const pg_query::Constraint*>* constraints,
    std::vector<std::pair<const pg_query::Constraint*, std::string>>* column_constraints) {
  if (table->FindColumn(def.colname())) {
    return Status::Error(sqlstate::kDuplicateColumn,
                         "column \"" + def.colname() + "\" specified more than once");
  }
  Column column;
  column.name = def.colname();
  column.attnum = table->next_attnum++;
  std::vector<std::string> type_names = StringList(def.type_name().names());
  const SerialKind* serial = nullptr;
  if (type_names.size() == 1 && def.type_name().array_bounds_size() == 0) {
    for (const SerialKind& s : kSerials) {
      if (type_names[0] == s.name) serial = &s;
    }
  }
  Binder binder = MakeBinder();
  if (serial != nullptr) {
    column.type = serial->type;
  } else {
    DB9_ASSIGN_OR_RETURN(auto type, binder.ResolveTypeName(def.type_name()));
    column.type = type.first;
    column.typmod = type.second;
  }
  bool identity = false;
  const pg_query::Constraint* identity_def = nullptr;  // its (START WITH ...) options
  for (const pg_query::Node& n : def.constraints()) {
    const pg_query::Constraint& c = n.constraint();
    switch (c.contype()) {
      case pg_query::CONSTR_NOTNULL: column.not_null = true; break;
      case pg_query::CONSTR_NULL: column.not_null = false; break;
      case pg_query::CONSTR_DEFAULT: {
        DB9_ASSIGN_OR_RETURN(column.default_expr, Deparse(c.raw_expr()));
        // Check now that the default is valid for the column.
        Scope empty;
        DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindStoredExpr(column.default_expr, empty));
        DB9_RETURN_IF_ERROR(binder.Coerce(std::move(e), column.type, column.typmod,
                                          functions::CoercionContext::kAssignment, c.location())
                                .status());
        break;
      }
      case pg_query::CONSTR_IDENTITY:
        identity = true;
        identity_def = &c;
        column.identity = c.generated_when() == "a" ? catalog::Identity::kAlways
                                                    : catalog::Identity::kByDefault;
        break;
      case pg_query::CONSTR_GENERATED:
        return Status::Error(sqlstate::kFeatureNotSupported,
                             "feature not supported: generated columns");
      case pg_query::CONSTR_PRIMARY:
      case pg_query::CONSTR_UNIQUE:
      case pg_query::CONSTR_CHECK:
      case pg_query::CONSTR_FOREIGN: column_constraints->emplace_back(&c, column.name); break;
      case pg_query::CONSTR_EXCLUSION:
        return Status::Error(sqlstate::kFeatureNotSupported,
                             "feature not supported: exclusion constraints");
      default: break;  // DEFERRABLE and friends: accepted, checks are immediate
    }
  }
  if (serial != nullptr || identity) {
    if (identity && column.type != types::oid::kInt2 && column.type != types::oid::kInt4 &&
        column.type != types::oid::kInt8) {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           "identity column type must be smallint, integer, or bigint");
    }
    catalog::Sequence seq;
    DB9_ASSIGN_OR_RETURN(seq.oid, store().AllocateOid());
    seq.name = UniqueName(*table, {column.name}, "seq");
    seq.namespace_oid = table->namespace_oid;
    // As in PostgreSQL, the sequence has the column's type (serial: integer)
    // and so its range; identity options (START WITH, INCREMENT BY,
    // SEQUENCE NAME, ...) apply on top.
    seq.type = column.type;
    seq.max_value = MaxForType(column.type);
    if (identity_def != nullptr) {
      SequenceOptionsTarget target{&seq, /*creating=*/true, &view(), &session_.info_.search_path, {}};
      DB9_RETURN_IF_ERROR(ApplySequenceOptions(identity_def->options(), &target));
    }
    seq.owned_by_table = table->oid;
    seq.owned_by_column = column.attnum;
    // The name as regclass output prints it ("Mixed Case_id_seq"), in a
    // string literal; outside public schema-qualified, since the default is
    // kept as text and must find the sequence whatever search_path the
    // inserting session has.
    std::string name = QuoteIdentifierIfNeeded(seq.name);
    if (seq.namespace_oid != catalog::kPublicNamespace) {
      name = QuoteIdentifierIfNeeded(catalog::system::NamespaceName(view(), seq.namespace_oid)) +
             "." + name;
    }
    std::string literal;
    for (char ch : name) {
      literal += ch;
      if (ch == '\'') literal += '\'';
    }
    column.default_expr = "nextval('" + literal + "'::regclass)";
    column.identity_sequence = seq.oid;
    column.not_null = true;
    DB9_RETURN_IF_ERROR(PutSequence(std::move(seq)));
  }
  table->columns.push_back(std::move(column));
  (void)constraints;
  return Status::OK();
}

Status DdlExecutor::CreateTable(const pg_query::CreateStmt& stmt) {
  const pg_query::RangeVar& rv = stmt.relation();
  if (rv.relpersistence() == "t") {
    return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: temporary tables");
  }
  if (stmt.inh_relations_size() > 0) {
    return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: table inheritance");
  }
  if (stmt.has_partspec()) {
    return Status::Error(sqlstate::kFeatureNotSupported, "feature not supported: partitioned tables");
  }
  DB9_ASSIGN_OR_RETURN(Oid ns, view().CreationNamespace(rv.schemaname(), session_.info_.search_path));
  if (view().RelationNameTaken(ns, rv.relname())) {
    if (stmt.if_not_exists()) {
      channel_.SendNotice(Status::Notice(RelationExists(rv.relname()) + ", skipping"));
      channel_.SendCommandComplete("CREATE TABLE");
      return Status::OK();
    }
    return Status::Error(sqlstate::kDuplicateTable, RelationExists(rv.relname()));
  }
  catalog::Table table;
  DB9_ASSIGN_OR_RETURN(table.oid, store().AllocateOid());
  table.name = rv.relname();
  table.namespace_oid = ns;
  for (const pg_query::Node& o : stmt.options()) {
    const pg_query::DefElem& d = o.def_elem();
    table.options.push_back(d.defname() + "=" + ReloptionValue(d));
  }
  std::vector<const pg_query::Constraint*> table_constraints;
  std::vector<std::pair<const pg_query::Constraint*, std::string>> column_constraints;
  for (const pg_query::Node& elt : stmt.table_elts()) {
    if (elt.has_column_def()) {
      DB9_RETURN_IF_ERROR(AddColumnDef(&table, elt.column_def(), &table_constraints, &column_constraints));
    } else if (elt.has_constraint()) {
      table_constraints.push_back(&elt.constraint());
    } else {
      return Status::Error(sqlstate::kFeatureNotSupported,
                           "feature not supported: " + NodeTypeName(elt) + " in CREATE TABLE");
    }
  }
  // Store first so that constraints (and self-referencing foreign keys) see it.
  DB9_RETURN_IF_ERROR(PutTable(table));
  for (const auto& [c, column] : column_constraints) {
    DB9_RETURN_IF_ERROR(AddConstraint(&table, *c, column, false));
  }
  for (const pg_query::Constraint* c : table_constraints) {
    DB9_RETURN_IF_ERROR(AddConstraint(&table, *c, "", false));
  }
  DB9_RETURN_IF_ERROR(PutTable(std::move(table)));
  channel_.SendCommandComplete("CREATE TABLE");
  return Status::OK();
}

Status DdlExecutor::AddConstraint(catalog::Table* table, const pg_query::Constraint& c,
                                  const std::string& column, bool validate) {
  std::vector<std::string> keys;
  if (!column.empty() && c.contype() != pg_query::CONSTR_FOREIGN) keys.push_back(column);
  for (const pg_query::Node& k : c.keys()) keys.push_back(StringValue(k));
  std::vector<int16_t> attnums;
  auto resolve = [&](const std::vector<std::string>& names, const catalog::Table& t,
                     std::vector<int16_t>* out) -> Status {
    for (const std::string& name : names) {
      const Column* col = t.FindColumn(name);
      if (col == nullptr) {
        return Status::Error(sqlstate::kUndefinedColumn,
                             "column \"" + name + "\" named in key does not exist")
            .WithPosition(c.location() + 1);
      }
      out->push_back(col->attnum);
    }
    return Status::OK();
  };
  Constraint constraint;
  DB9_ASSIGN_OR_RETURN(constraint.oid, store().AllocateOid());
  switch (c.contype()) {
    case pg_query::CONSTR_PRIMARY:
    case pg_query::CONSTR_UNIQUE: {
      bool primary = c.contype() == pg_query::CONSTR_PRIMARY;
      if (primary && table->primary_key() != nullptr) {
        return Status::Error(sqlstate::kInvalidTableDefinition,
                             "multiple primary keys for table \"" + table->name + "\" are not allowed")
            .WithPosition(c.location() + 1);
      }
      DB9_RETURN_IF_ERROR(resolve(keys, *table, &attnums));
      catalog::Table before = *table;
      constraint.type = primary ? ConstraintType::kPrimaryKey : ConstraintType::kUnique;
      constraint.name = !c.conname().empty() ? c.conname()
                        : primary             ? UniqueName(*table, {}, "pkey")
                                              : UniqueName(*table, keys, "key");
      if (view().RelationNameTaken(table->namespace_oid, constraint.name)) {
        return Status::Error(sqlstate::kDuplicateTable, RelationExists(constraint.name));
      }
      constraint.columns = attnums;
      catalog::Index index;
      DB9_ASSIGN_OR_RETURN(index.oid, store().AllocateOid());
      index.name = constraint.name;
      index.table_oid = table->oid;
      index.namespace_oid = table->namespace_oid;
      const catalog::IndexMethod& btree = *catalog::IndexMethodRegistry::Global().Find("btree");
      for (int16_t a : attnums) {
        DB9_ASSIGN_OR_RETURN(const catalog::OperatorClass* opclass,
                             catalog::ResolveOperatorClass(session_.db_.registries().types, btree, "",
                                                           table->ColumnByAttnum(a)->type));
        index.columns.push_back({a, false, false, std::string(opclass->name)});
      }
      index.unique = true;
      index.primary = primary;
      constraint.index_oid = index.oid;
      if (primary) {
        for (Column& col : table->columns) {
          for (int16_t a : attnums) {
            if (col.attnum == a) col.not_null = true;
          }
        }
      }
      table->indexes.push_back(index);
      table->constraints.push_back(constraint);
      if (validate) {
        if (primary) {
          DB9_RETURN_IF_ERROR(RekeyRows(before, *table));
        } else {
          DB9_RETURN_IF_ERROR(BuildIndex(*table, table->indexes.back()));
        }
      }
      return PutTable(*table);
    }
    case pg_query::CONSTR_CHECK: {
      constraint.type = ConstraintType::kCheck;
      DB9_ASSIGN_OR_RETURN(constraint.check_expr, Deparse(c.raw_expr()));
      Binder binder = MakeBinder();
      Scope scope = Binder::TableScope(*table, table->name);
      DB9_ASSIGN_OR_RETURN(ExprPtr e, binder.BindStoredExpr(constraint.check_expr, scope));
      DB9_ASSIGN_OR_RETURN(e, binder.Coerce(std::move(e), types::oid::kBool, -1,
                                            functions::CoercionContext::kImplicit, c.location()));
      std::vector<std::string> referenced;
      for (int col : binder.TakeReferencedColumns()) {
        referenced.push_back(table->columns[col].name);
        // conkey: the columns the expression reads, ascending as PostgreSQL.
        constraint.columns.push_back(table->columns[col].attnum);
      }
      std::sort(constraint.columns.begin(), constraint.columns.end());
      if (!column.empty()) referenced = {column};
      if (referenced.size() > 1) referenced = {referenced.front()};
      constraint.name = !c.conname().empty() ? c.conname() : UniqueName(*table, referenced, "check");
      if (validate) {
        std::unique_ptr<ExecContext> ctx = NewContext();
        DB9_RETURN_IF_ERROR(ForEachRow(*table, [&](const std::string&, Row& row) -> Status {
          DB9_ASSIGN_OR_RETURN(Value v, e->Eval(*ctx, row));
          if (!v.is_null() && !v.as_bool()) {
            return Status::Error(sqlstate::kCheckViolation,
                                 "check constraint \"" + constraint.name + "\" of relation \"" +
                                     table->name + "\" is violated by some row");
          }
          return Status::OK();
        }));
      }
      table->constraints.push_back(constraint);
      return PutTable(*table);
    }
    case pg_query::CONSTR_FOREIGN: {
      constraint.type = ConstraintType::kForeignKey;
      std::vector<std::string> fk_names;
      if (!column.empty()) fk_names.push_back(column);
      for (const pg_query::Node& k : c.fk_attrs()) fk_names.push_back(StringValue(k));
      DB9_RETURN_IF_ERROR(resolve(fk_names, *table, &constraint.columns));
      const pg_query::RangeVar& pk = c.pktable();
      Result<catalog::RelationRef> ref =
          view().ResolveRelation(pk.schemaname(), pk.relname(), session_.info_.search_path);
      if (!ref.ok()) return WithLocation(ref.status(), pk.location());
      const catalog::Table* parent = ref->table;
      if (parent == nullptr) {
        return Status::Error(sqlstate::kWrongObjectType,
                             "referenced relation \"" + pk.relname() + "\" is not a table");
      }
      if (parent->oid == table->oid) parent = table;  // self-reference sees the new definition
      std::vector<std::string> pk_names = StringList(c.pk_attrs());
      if (pk_names.empty()) {
        const catalog::Index* parent_pk = parent->primary_key();
        if (parent_pk == nullptr) {
          return Status::Error("42830", "there is no primary key for referenced table \"" +
                                            parent->name + "\"");
        }
        for (const catalog::IndexColumn& ic : parent_pk->columns) {
          pk_names.push_back(parent->ColumnByAttnum(ic.attnum)->name);
        }
      }
      DB9_RETURN_IF_ERROR(resolve(pk_names, *parent, &constraint.ref_columns));
      if (constraint.ref_columns.size() != constraint.columns.size()) {
        return Status::Error("42830", "number of referencing and referenced columns for foreign key disagree");
      }
      bool has_unique = false;
      for (const catalog::Index& idx : parent->indexes) {
        if (!idx.unique || idx.columns.size() != constraint.ref_columns.size()) continue;
        bool all = true;
        for (const catalog::IndexColumn& ic : idx.columns) {
          all &= std::find(constraint.ref_columns.begin(), constraint.ref_columns.end(), ic.attnum) !=
                 constraint.ref_columns.end();
        }
        has_unique |= all;
      }
      if (!has_unique) {
        return Status::Error("42830", "there is no unique constraint matching given keys for referenced table \"" +
                                          parent->name + "\"");
      }
      constraint.ref_table = parent->oid;
      constraint.on_delete = FkAction(c.fk_del_action());
      constraint.on_update = FkAction(c.fk_upd_action());
      constraint.name = !c.conname().empty() ? c.conname() : UniqueName(*table, fk_names, "fkey");
      table->constraints.push_back(constraint);
      if (validate) {
        // Existing rows must reference existing keys.
        std::unique_ptr<ExecContext> ctx = NewContext();
        WriteTarget target{table, {}};
        TableWriter writer(*ctx, target);
        DB9_RETURN_IF_ERROR(ForEachRow(*table, [&](const std::string&, Row& row) -> Status {
          return writer.CheckOutgoingForeignKeys(row, nullptr);
        }));
      }
      return PutTable(*table);
    }
    case pg_query::CONSTR_NOTNULL: {
      for (Column& col : table->columns) {
        if (col.name == column) col.not_null = true;
      }
      return PutTable(*table);
    }
    default: break;
  }
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "feature not supported: constraint type " + pg_query::ConstrType_Name(c.contype()));
}

}  // namespace db9::sql
