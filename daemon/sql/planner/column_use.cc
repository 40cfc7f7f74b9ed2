#include "daemon/sql/planner/column_use.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

namespace db9::sql {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

std::string NameOf(const pg_query::Node& field) {
  return field.has_string() ? field.string().sval() : std::string();
}

void Note(const pg_query::Node& node, ColumnUse* use) {
  if (node.has_column_ref()) {
    const auto& fields = node.column_ref().fields();
    if (fields.empty()) return;
    if (fields[fields.size() - 1].has_a_star()) {
      use->all = true;
      return;
    }
    std::string last = NameOf(fields[fields.size() - 1]);
    if (fields.size() == 1) use->bare.insert(last);
    use->names.insert(std::move(last));
  } else if (node.has_join_expr()) {
    const pg_query::JoinExpr& join = node.join_expr();
    if (join.is_natural()) use->all = true;
    for (const pg_query::Node& name : join.using_clause()) use->names.insert(NameOf(name));
  }
}

void Walk(const Message& message, ColumnUse* use) {
  if (use->all) return;
  if (auto* node = dynamic_cast<const pg_query::Node*>(&message)) Note(*node, use);
  const google::protobuf::Descriptor* d = message.GetDescriptor();
  const google::protobuf::Reflection* r = message.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int j = 0; j < r->FieldSize(message, f); ++j) Walk(r->GetRepeatedMessage(message, f, j), use);
    } else if (r->HasField(message, f)) {
      Walk(r->GetMessage(message, f), use);
    }
  }
}

}  // namespace

ColumnUse CollectColumnUse(const pg_query::SelectStmt& stmt) {
  ColumnUse use;
  Walk(stmt, &use);
  return use;
}

std::vector<bool> NeededColumns(const ColumnUse& use, const std::vector<std::string>& column_names,
                                const std::string& alias) {
  const bool whole_row = use.all || use.bare.count(alias) > 0;
  std::vector<bool> needed(column_names.size(), true);
  if (whole_row) return needed;
  for (size_t i = 0; i < column_names.size(); ++i) needed[i] = use.names.count(column_names[i]) > 0;
  return needed;
}

}  // namespace db9::sql
