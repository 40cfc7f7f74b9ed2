// TypeRegistry: every SQL type is one TypeInfo entry, found by OID or name.
// The engine, the wire layer and storage never switch on a type; they call
// the entry's functions:
//
//   const TypeInfo* t = registry.Find(oid::kInt4);
//   Result<Value> v = t->input(*t, "42", -1, io);          // text  -> Value
//   Result<std::string> s = t->output(*t, v.value(), io);  // Value -> text
//   t->receive / t->send                                    // PostgreSQL binary wire format
//   t->compare(a, b)  t->hash(a)  t->key_encode(...)        // ordering, hashing, index keys
//
// Contracts for every entry's functions:
//   * Values passed in are non-NULL and carry the payload kind value.h lists
//     for the entry's type (or for a binary-coercible type: varchar/text).
//   * input/receive return a Value typed with the entry's OID, with the
//     typmod already applied (varchar(n) checked, numeric(p,s) rounded).
//   * Errors carry PostgreSQL's SQLSTATE and message text, e.g. 22P02
//     `invalid input syntax for type integer: "abc"`.
//   * compare is a total order consistent with equality and with key_encode:
//     for a, b of the entry's type, sign(compare(a,b)) ==
//     sign(memcmp-order of key_encode(a) vs key_encode(b)).
//
// Modules (jsonb, vector, tsvector...) add their types with Register() from
// their own folder; see daemon/functions/registries.h for the module hook.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "daemon/storage/encoding/key_encoding.h"
#include "daemon/types/io_context.h"
#include "daemon/types/oid.h"
#include "daemon/types/value.h"
#include "shared/base/result.h"

namespace db9::types {

namespace oid {
// Pseudo-type missing from oid.h (to move there): any non-array type, as
// in PostgreSQL's text || anynonarray.
inline constexpr Oid kAnyNonArray = 2776;
}  // namespace oid

struct TypeInfo;
class TypeRegistry;

// PostgreSQL's pg_type.typcategory letters.
namespace category {
inline constexpr char kArray = 'A';
inline constexpr char kBoolean = 'B';
inline constexpr char kComposite = 'C';
inline constexpr char kDateTime = 'D';
inline constexpr char kGeometric = 'G';
inline constexpr char kNetwork = 'I';
inline constexpr char kNumeric = 'N';
inline constexpr char kPseudo = 'P';
inline constexpr char kString = 'S';
inline constexpr char kTimespan = 'T';
inline constexpr char kUser = 'U';
inline constexpr char kBitString = 'V';
inline constexpr char kUnknown = 'X';
}  // namespace category

// Text input: `text` is the external form (no NULL handling: callers map SQL
// NULL themselves). typmod is -1 when the target has none.
using InputFn = Result<Value> (*)(const TypeInfo& self, std::string_view text, int32_t typmod,
                                  const IoContext& io);
using OutputFn = Result<std::string> (*)(const TypeInfo& self, const Value& value,
                                         const IoContext& io);
// Binary wire format exactly as PostgreSQL's typreceive/typsend (the bytes of
// one field, without the length word).
using ReceiveFn = Result<Value> (*)(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                                    const IoContext& io);
using SendFn = Result<std::string> (*)(const TypeInfo& self, const Value& value,
                                       const IoContext& io);
// <0, 0, >0. Both non-NULL. NaN sorts above all numbers as in PostgreSQL.
using CompareFn = int (*)(const TypeInfo& self, const Value& a, const Value& b);
// Equal values (compare == 0) hash equal. Non-NULL.
using HashFn = uint64_t (*)(const TypeInfo& self, const Value& value);
// Appends an order-preserving, prefix-free encoding of `value` to *out
// using db9_keyenc's primitives (daemon/storage/encoding/key_encoding.h);
// kDescending reverses the order. Non-NULL: NULL markers are the caller's
// (keyenc::AppendNullMarker / AppendNotNullMarker).
using KeyEncodeFn = void (*)(const TypeInfo& self, const Value& value, keyenc::Direction dir,
                             std::string* out);
// Reads one value written by KeyEncodeFn and advances the decoder; XX001 on
// malformed input. Types whose equal values can differ in form decode to a
// canonical one: numeric at its minimal scale (1.50 -> 1.5), interval
// normalized to days and microseconds. Row values must therefore come from
// the stored row, not from the key, for those types.
using KeyDecodeFn = Result<Value> (*)(const TypeInfo& self, keyenc::KeyDecoder& in,
                                      keyenc::Direction dir);
// Coerces a value of this type to `typmod` (varchar(n) length check, bpchar
// padding, numeric(p,s) rounding, timestamp(p) precision). is_explicit is
// true for an explicit CAST, where varchar/bpchar truncate instead of
// raising 22001, as in PostgreSQL.
using ApplyTypmodFn = Result<Value> (*)(const TypeInfo& self, const Value& value, int32_t typmod,
                                        bool is_explicit);
// Typmod from the modifiers written in a type name: varchar(10) -> {10},
// numeric(10,2) -> {10,2}. 22023 on bad modifiers.
using TypmodInFn = Result<int32_t> (*)(const TypeInfo& self, const std::vector<int32_t>& mods);
// The "(10,2)" suffix format_type() shows for a typmod ("" when none).
using TypmodOutFn = std::string (*)(const TypeInfo& self, int32_t typmod);

struct TypeInfo {
  Oid oid = oid::kInvalid;
  std::string name;          // pg_type.typname, e.g. "int4", "_int4", "bpchar"
  std::string sql_name;      // format_type() spelling, e.g. "integer", "character varying"
  // pg_type.typnamespace: pg_catalog (11) for PostgreSQL's own types; an
  // extension's types are where CREATE EXTENSION puts them (vector: public).
  Oid namespace_oid = 11;
  int16_t typlen = -1;       // pg_type.typlen: fixed size in bytes, -1 varlena, -2 cstring
  bool byval = false;        // pg_type.typbyval
  char align = 'i';          // pg_type.typalign
  char category = category::kUser;
  bool preferred = false;    // pg_type.typispreferred within its category
  Oid array_oid = oid::kInvalid;  // the "_name" array type, 0 if none
  Oid element_oid = oid::kInvalid;  // for array types: the element type
  char delimiter = ',';       // pg_type.typdelim
  // Set by TypeRegistry::Register for array types; never null for them.
  const TypeInfo* element = nullptr;

  InputFn input = nullptr;
  OutputFn output = nullptr;
  ReceiveFn receive = nullptr;  // null: no binary input (22P03 / 0A000)
  SendFn send = nullptr;        // null: no binary output
  CompareFn compare = nullptr;  // null: not orderable (json, void...)
  HashFn hash = nullptr;        // null: not hashable
  KeyEncodeFn key_encode = nullptr;  // null: cannot be an index key
  KeyDecodeFn key_decode = nullptr;
  ApplyTypmodFn apply_typmod = nullptr;  // null: type has no typmod
  TypmodInFn typmod_in = nullptr;
  TypmodOutFn typmod_out = nullptr;

  // The registry holding this entry, set by TypeRegistry::Register: lets
  // I/O functions name other types (regtype prints "integer").
  const TypeRegistry* registry = nullptr;
};

class TypeRegistry {
 public:
  TypeRegistry() = default;
  TypeRegistry(const TypeRegistry&) = delete;
  TypeRegistry& operator=(const TypeRegistry&) = delete;

  // Adds an entry. For an array type (element_oid != 0) the element must be
  // registered already. 42710 duplicate_object if the OID or name is taken.
  // Entries never move once registered: TypeInfo pointers stay valid for the
  // registry's lifetime.
  Status Register(TypeInfo info);

  // nullptr when unknown.
  const TypeInfo* Find(Oid oid) const;
  // By typname ("int4") or SQL spelling ("integer", "character varying",
  // "double precision", "timestamp with time zone" ...); nullptr when unknown.
  const TypeInfo* FindByName(std::string_view name) const;
  // The array type whose element is `element`, nullptr if none.
  const TypeInfo* ArrayOf(Oid element) const;

  // Like Find, but 42704 `type with OID 123 does not exist` when unknown.
  Result<const TypeInfo*> Get(Oid oid) const;

  // All entries, in registration order (pg_type rows).
  const std::vector<std::unique_ptr<TypeInfo>>& all() const { return entries_; }

 private:
  std::vector<std::unique_ptr<TypeInfo>> entries_;
  std::unordered_map<Oid, const TypeInfo*> by_oid_;
  std::unordered_map<std::string, const TypeInfo*> by_name_;
};

// Registers the built-in types (bool ... uuid, json, jsonb, arrays). Called
// once by the functions layer's module list; tests may call it directly.
Status RegisterBuiltinTypes(TypeRegistry& registry);

// Convenience wrappers that check for a missing entry or missing function
// and handle nothing else; the SQL engine and wire layer can use these.
Result<Value> ParseText(const TypeRegistry& registry, Oid type, std::string_view text,
                        int32_t typmod, const IoContext& io);
Result<std::string> FormatText(const TypeRegistry& registry, const Value& value,
                               const IoContext& io);
Result<Value> ParseBinary(const TypeRegistry& registry, Oid type, std::string_view bytes,
                          int32_t typmod, const IoContext& io);
Result<std::string> FormatBinary(const TypeRegistry& registry, const Value& value,
                                 const IoContext& io);
// Three-way comparison with NULLs sorting last (PostgreSQL's ASC default).
// REQUIRES: a and b have the same type or binary-coercible types; the type
// of `a` decides.
Result<int> CompareValues(const TypeRegistry& registry, const Value& a, const Value& b);

// format_type(oid, typmod): "integer", "character varying(10)",
// "numeric(10,2)", "integer[]"; "???" for an unknown OID as PostgreSQL prints.
std::string FormatType(const TypeRegistry& registry, Oid type, int32_t typmod);

}  // namespace db9::types
