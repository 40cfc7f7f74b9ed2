#include "daemon/sql/exec/group_key.h"

#include "daemon/catalog/row_keys.h"

#include "daemon/storage/encoding/key_encoding.h"

namespace db9::sql {

Status AppendGroupKey(const types::TypeRegistry& types, const Value& value, std::string* out) {
  if (value.is_null()) {
    keyenc::AppendNullMarker(out, keyenc::NullsOrder::kLast);
    return Status::OK();
  }
  keyenc::AppendNotNullMarker(out);
  const types::TypeInfo* info = types.Find(value.type());
  if (info != nullptr && info->key_encode != nullptr) {
    info->key_encode(*info, value, keyenc::Direction::kAscending, out);
    return Status::OK();
  }
  // Types without a key encoding (json) group by their text form, as
  // PostgreSQL would refuse them; being lenient here costs nothing.
  if (info == nullptr || info->output == nullptr) {
    return Status::Error(sqlstate::kUndefinedFunction,
                         "could not identify an equality operator for type " +
                             std::to_string(value.type()));
  }
  types::IoContext io;
  DB9_ASSIGN_OR_RETURN(std::string text, info->output(*info, value, io));
  keyenc::AppendBytes(out, text);
  return Status::OK();
}

Result<std::string> GroupKey(const types::TypeRegistry& types, std::span<const Value> row) {
  std::string key;
  for (const Value& value : row) DB9_RETURN_IF_ERROR(AppendGroupKey(types, value, &key));
  return key;
}

}  // namespace db9::sql
