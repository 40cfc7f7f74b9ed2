#include "daemon/sql/session/statement_io.h"

namespace db9::sql {
namespace {

bool IsRegType(types::Oid t) {
  return t == types::oid::kRegclass || t == types::oid::kRegtype || t == types::oid::kRegproc ||
         t == types::oid::kRegnamespace;
}

// reg* itself or an array of it (regtype[] from proargtypes::regtype[]).
bool PrintsNames(const types::TypeRegistry& types, types::Oid t) {
  if (IsRegType(t)) return true;
  const types::TypeInfo* info = types.Find(t);
  return info != nullptr && info->element_oid != types::oid::kInvalid && IsRegType(info->element_oid);
}

// Per column as in the Bind message: none means all text, one applies to all.
Format FormatOf(const std::vector<Format>& formats, size_t i) {
  if (formats.empty()) return Format::kText;
  if (formats.size() == 1) return formats[0];
  return i < formats.size() ? formats[i] : Format::kText;
}

}  // namespace

StatementIo::StatementIo(const types::IoContext& settings,
                         std::shared_ptr<const catalog::CatalogState> catalog,
                         std::vector<std::string> search_path)
    : catalog_(std::move(catalog)),
      search_path_(std::move(search_path)),
      resolver_(*catalog_, search_path_) {
  Refresh(settings);
}

void StatementIo::Refresh(const types::IoContext& settings) {
  io_ = settings;
  io_.reg_resolver = &resolver_;
}

Status StatementIo::NameRegValues(const types::TypeRegistry& types,
                                  const std::vector<OutputColumn>& columns,
                                  const std::vector<Format>& formats,
                                  std::vector<types::Value>& row) {
  if (!named_columns_) {
    named_columns_.emplace();
    for (size_t i = 0; i < columns.size(); ++i) {
      if (FormatOf(formats, i) == Format::kText && PrintsNames(types, columns[i].type)) {
        named_columns_->push_back(i);
      }
    }
  }
  for (size_t i : *named_columns_) {
    if (i >= row.size() || row[i].is_null()) continue;
    types::Value& v = row[i];
    DB9_ASSIGN_OR_RETURN(std::string text, types::FormatText(types, v, io_));
    v = types::Value::Text(std::move(text));
  }
  return Status::OK();
}

}  // namespace db9::sql
