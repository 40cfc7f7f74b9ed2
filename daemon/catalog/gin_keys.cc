// GIN terms of jsonb_ops, jsonb_path_ops and array_ops (gin_keys.h).
#include "daemon/catalog/gin_keys.h"

#include <algorithm>

#include "daemon/catalog/row_keys.h"
#include "daemon/storage/encoding/key_encoding.h"
#include "daemon/types/array_value.h"
#include "daemon/types/json_value.h"
#include "daemon/types/type_util.h"

namespace db9::catalog::gin {
namespace {

using types::JsonValue;
using K = JsonValue::Kind;

constexpr std::string_view kJsonbOps = "jsonb_ops";
constexpr std::string_view kJsonbPathOps = "jsonb_path_ops";
constexpr std::string_view kArrayOps = "array_ops";

// jsonb_ops kind bytes, PostgreSQL's JGINFLAG_* values. Text longer than
// kMaxTermText is stored as its hash (kHashed added to the kind), as
// PostgreSQL hashes keys over its entry size limit: keys stay short, the
// recheck settles collisions.
constexpr char kKey = 0x01, kNull = 0x02, kBool = 0x03, kNumber = 0x04, kString = 0x05;
constexpr char kHashed = 0x10;
constexpr size_t kMaxTermText = 128;

// array_ops kind bytes: an element, or the term of an array without any.
constexpr char kArrayEmpty = 0x00, kArrayElement = 0x01;

// jsonb numbers compare as numerics (1.0 = 1), so their terms drop the
// trailing fraction zeros of the canonical text.
std::string NormalNumber(std::string_view text) {
  std::string out(text);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

std::string TextTerm(char kind, std::string_view text) {
  std::string term;
  if (text.size() > kMaxTermText) {
    term.push_back(static_cast<char>(kind | kHashed));
    keyenc::AppendUint64(&term, types::HashBytes(text));
  } else {
    term.push_back(kind);
    keyenc::AppendBytes(&term, text);
  }
  return term;
}

// A scalar as jsonb_ops stores it; `as_key` for strings standing as keys.
std::string ScalarTerm(const JsonValue& v, bool as_key) {
  switch (v.kind) {
    case K::kNull: return TextTerm(kNull, "");
    case K::kBool: return TextTerm(kBool, v.boolean ? "t" : "f");
    case K::kNumber: return TextTerm(kNumber, NormalNumber(v.text));
    case K::kString: return TextTerm(as_key ? kKey : kString, v.text);
    default: return {};
  }
}

void JsonbOpsTerms(const JsonValue& v, std::vector<std::string>* out) {
  if (v.kind == K::kObject) {
    for (const auto& [key, member] : v.members) {
      out->push_back(TextTerm(kKey, key));
      if (member.is_container()) {
        JsonbOpsTerms(member, out);
      } else {
        out->push_back(ScalarTerm(member, false));
      }
    }
  } else if (v.kind == K::kArray) {
    for (const JsonValue& e : v.elements) {
      if (e.is_container()) {
        JsonbOpsTerms(e, out);
      } else {
        out->push_back(ScalarTerm(e, e.kind == K::kString));
      }
    }
  } else {  // a top-level scalar is an array of one element
    out->push_back(ScalarTerm(v, v.kind == K::kString));
  }
}

// `path` holds the keys leading to `v`, each appended as bytes; a scalar's
// term is the hash of that path followed by its own kind and text.
void JsonbPathTerms(const JsonValue& v, std::string* path, std::vector<std::string>* out) {
  if (v.kind == K::kObject) {
    for (const auto& [key, member] : v.members) {
      const size_t mark = path->size();
      keyenc::AppendBytes(path, key);
      JsonbPathTerms(member, path, out);
      path->resize(mark);
    }
    return;
  }
  if (v.kind == K::kArray) {
    for (const JsonValue& e : v.elements) JsonbPathTerms(e, path, out);
    return;
  }
  std::string hashed = *path;
  hashed.push_back(static_cast<char>(v.kind));
  hashed += v.kind == K::kNumber ? NormalNumber(v.text) : v.kind == K::kBool ? (v.boolean ? "t" : "f") : v.text;
  std::string term;
  keyenc::AppendUint64(&term, types::HashBytes(hashed));
  out->push_back(std::move(term));
}

void SortUnique(std::vector<std::string>* terms) {
  std::sort(terms->begin(), terms->end());
  terms->erase(std::unique(terms->begin(), terms->end()), terms->end());
}

// The terms of an array's non-NULL elements; `*any_null` tells whether it
// held NULLs.
Status ArrayElementTerms(const types::TypeRegistry& types, const types::Value& value,
                         std::vector<std::string>* out, bool* any_null) {
  DB9_ASSIGN_OR_RETURN(types::ArrayValue array, types::DecodeArray(value.as_string()));
  const types::TypeInfo* element = types.Find(array.element_type);
  if (element == nullptr || element->key_encode == nullptr) {  // json[]: PostgreSQL's error
    return Status::Error(sqlstate::kUndefinedFunction,
                         "could not identify a comparison function for type " +
                             (element == nullptr ? std::to_string(array.element_type) : element->name));
  }
  *any_null = false;
  for (const types::Value& item : array.items) {
    if (item.is_null()) {
      *any_null = true;
      continue;
    }
    std::string term(1, kArrayElement);
    element->key_encode(*element, item.Relabel(array.element_type), keyenc::Direction::kAscending, &term);
    out->push_back(std::move(term));
  }
  return Status::OK();
}

Result<JsonValue> Jsonb(const types::Value& value) { return types::DecodeJsonb(value.as_string()); }

bool IsJsonbClass(std::string_view opclass) { return opclass == kJsonbOps || opclass == kJsonbPathOps; }

}  // namespace

std::optional<Strategy> StrategyOf(std::string_view opclass, std::string_view op, Oid right_type) {
  if (IsJsonbClass(opclass)) {
    if (op == "@>" && right_type == types::oid::kJsonb) return Strategy::kContains;
    if (opclass != kJsonbOps) return std::nullopt;
    if (op == "?" && right_type == types::oid::kText) return Strategy::kExists;
    if (op == "?|" && right_type == types::oid::kTextArray) return Strategy::kExistsAny;
    if (op == "?&" && right_type == types::oid::kTextArray) return Strategy::kExistsAll;
    return std::nullopt;
  }
  if (opclass != kArrayOps) return std::nullopt;
  if (op == "@>") return Strategy::kContains;
  if (op == "<@") return Strategy::kContainedBy;
  if (op == "&&") return Strategy::kOverlap;
  if (op == "=") return Strategy::kEqual;
  return std::nullopt;
}

Status ValueTerms(const types::TypeRegistry& types, std::string_view opclass, const types::Value& value,
                  std::vector<std::string>* out) {
  out->clear();
  if (opclass == kJsonbOps) {
    DB9_ASSIGN_OR_RETURN(JsonValue doc, Jsonb(value));
    JsonbOpsTerms(doc, out);
  } else if (opclass == kJsonbPathOps) {
    DB9_ASSIGN_OR_RETURN(JsonValue doc, Jsonb(value));
    std::string path;
    JsonbPathTerms(doc, &path, out);
  } else {
    bool any_null = false;
    DB9_RETURN_IF_ERROR(ArrayElementTerms(types, value, out, &any_null));
    if (out->empty()) out->push_back(std::string(1, kArrayEmpty));
  }
  SortUnique(out);
  return Status::OK();
}

Result<Query> QueryTerms(const types::TypeRegistry& types, std::string_view opclass, Strategy strategy,
                         const types::Value& query) {
  Query q;
  if (query.is_null()) return q;  // every indexable operator is strict
  switch (strategy) {
    case Strategy::kExists:
      q.terms.push_back(TextTerm(kKey, query.as_string()));
      q.match = Query::Match::kAllTerms;
      return q;
    case Strategy::kExistsAny:
    case Strategy::kExistsAll: {
      DB9_ASSIGN_OR_RETURN(types::ArrayValue keys, types::DecodeArray(query.as_string()));
      for (const types::Value& key : keys.items) {
        if (!key.is_null()) q.terms.push_back(TextTerm(kKey, key.as_string()));
      }
      SortUnique(&q.terms);
      const bool all = strategy == Strategy::kExistsAll;
      // No keys: ?| matches nothing, ?& everything (PostgreSQL's results).
      q.match = q.terms.empty() ? (all ? Query::Match::kEveryRow : Query::Match::kNoRow)
                                : (all ? Query::Match::kAllTerms : Query::Match::kAnyTerm);
      return q;
    }
    default: break;
  }
  if (IsJsonbClass(opclass)) {  // @>: the query's own terms, all of them
    DB9_RETURN_IF_ERROR(ValueTerms(types, opclass, query, &q.terms));
    q.match = q.terms.empty() ? Query::Match::kEveryRow : Query::Match::kAllTerms;
    return q;
  }
  bool any_null = false;
  DB9_RETURN_IF_ERROR(ArrayElementTerms(types, query, &q.terms, &any_null));
  SortUnique(&q.terms);
  switch (strategy) {
    case Strategy::kOverlap:
      q.match = q.terms.empty() ? Query::Match::kNoRow : Query::Match::kAnyTerm;
      break;
    case Strategy::kContainedBy:
      // Rows whose elements all lie in the query, the empty arrays included.
      q.terms.push_back(std::string(1, kArrayEmpty));
      SortUnique(&q.terms);
      q.match = Query::Match::kAnyTerm;
      break;
    default:  // @> and =: every element; without any, = still needs a scan
      q.match = q.terms.empty() ? Query::Match::kEveryRow : Query::Match::kAllTerms;
      break;
  }
  return q;
}

std::string TermKeyPrefix(Oid index_oid, size_t column, std::string_view term) {
  std::string key = IndexKeyPrefix(index_oid);
  key.push_back(static_cast<char>(column));
  key.append(term);
  return key;
}

}  // namespace db9::catalog::gin
