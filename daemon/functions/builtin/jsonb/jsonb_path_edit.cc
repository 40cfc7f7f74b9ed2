#include "daemon/functions/builtin/jsonb/jsonb_path_edit.h"

#include <climits>

namespace db9::functions::json {
namespace {

using K = JsonValue::Kind;

bool Inserts(PathEdit e) {
  return e == PathEdit::kCreate || e == PathEdit::kInsertBefore || e == PathEdit::kInsertAfter;
}

Status EditAt(JsonValue* at, const Path& path, size_t level, const JsonValue& value,
              PathEdit edit);

Status EditObject(JsonValue* obj, const Path& path, size_t level, const JsonValue& value,
                  PathEdit edit) {
  const std::string& key = *path[level];
  bool last = level + 1 == path.size();
  for (auto it = obj->members.begin(); it != obj->members.end(); ++it) {
    if (it->first != key) continue;
    if (!last) return EditAt(&it->second, path, level + 1, value, edit);
    if (edit == PathEdit::kInsertBefore || edit == PathEdit::kInsertAfter) {
      return Status::Error(sqlstate::kInvalidParameterValue, "cannot replace existing key")
          .WithHint("Try using the function jsonb_set to replace key value.");
    }
    if (edit == PathEdit::kDelete) {
      obj->members.erase(it);
    } else {
      it->second = value;
    }
    return Status::OK();
  }
  // A missing key is added only as the last step (no intermediate levels
  // are made up); the caller normalizes the key order afterwards.
  if (last && Inserts(edit)) obj->members.emplace_back(key, value);
  return Status::OK();
}

Status EditArray(JsonValue* arr, const Path& path, size_t level, const JsonValue& value,
                 PathEdit edit) {
  const std::string& step = *path[level];
  std::optional<int> parsed = ParseIndex(step);
  if (!parsed) {
    return Status::Error(sqlstate::kInvalidTextRepresentation,
                         "path element at position " + std::to_string(level + 1) +
                             " is not an integer: \"" + step + "\"");
  }
  auto& items = arr->elements;
  int64_t n = static_cast<int64_t>(items.size());
  int64_t idx = *parsed;
  bool before_all = false;
  if (idx < 0) {
    if (-idx > n) {
      before_all = true;
    } else {
      idx += n;
    }
  }
  bool last = level + 1 == path.size();
  if (!last) {
    if (before_all || idx >= n) return Status::OK();
    return EditAt(&items[static_cast<size_t>(idx)], path, level + 1, value, edit);
  }
  // Past either end: inserting edits add at that end, the others do nothing.
  if (before_all || n == 0) {
    if (Inserts(edit)) items.insert(items.begin(), value);
    return Status::OK();
  }
  if (idx >= n) {
    if (Inserts(edit)) items.push_back(value);
    return Status::OK();
  }
  auto pos = items.begin() + idx;
  switch (edit) {
    case PathEdit::kReplace:
    case PathEdit::kCreate: *pos = value; break;
    case PathEdit::kInsertBefore: items.insert(pos, value); break;
    case PathEdit::kInsertAfter: items.insert(pos + 1, value); break;
    case PathEdit::kDelete: items.erase(pos); break;
  }
  return Status::OK();
}

Status EditAt(JsonValue* at, const Path& path, size_t level, const JsonValue& value,
              PathEdit edit) {
  if (!path[level].has_value()) {
    return Status::Error(sqlstate::kNullValueNotAllowed,
                         "path element at position " + std::to_string(level + 1) + " is null");
  }
  if (at->kind == K::kObject) return EditObject(at, path, level, value, edit);
  if (at->kind == K::kArray) return EditArray(at, path, level, value, edit);
  return Status::OK();  // a scalar in the way: nothing to edit
}

}  // namespace

Status EditPath(JsonValue* doc, const Path& path, const JsonValue& value, PathEdit edit) {
  if (path.empty()) return Status::OK();
  return EditAt(doc, path, 0, value, edit);
}

}  // namespace db9::functions::json
