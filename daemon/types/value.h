// Value: one SQL datum with its type OID. The engine, storage row encoding and
// the wire layer all pass these; what a type's payload means is the business
// of that type's entry in the TypeRegistry (type_registry.h), so new types
// (vector, tsvector, ...) plug in without new alternatives here.
//
// Payload by type (the contract every type module keeps):
//   bool                         -> bool
//   int2/int4/int8/oid/reg*      -> int64_t
//   date                         -> int64_t days since 2000-01-01 (PostgreSQL's epoch)
//   time                         -> int64_t microseconds since midnight
//   timestamp, timestamptz       -> int64_t microseconds since 2000-01-01 00:00 UTC
//   float4/float8                -> double
//   interval                     -> Interval
//   every other type             -> std::string: text/varchar/bpchar/name/json
//                                   hold UTF-8 text; bytea raw bytes; uuid its 16
//                                   bytes; numeric, jsonb, arrays and extension
//                                   types their own binary form defined by
//                                   their type module.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "daemon/types/oid.h"

namespace db9::types {

struct Interval {
  int32_t months = 0;
  int32_t days = 0;
  int64_t micros = 0;
  bool operator==(const Interval&) const = default;
};

class Value {
 public:
  using Payload = std::variant<std::monostate, bool, int64_t, double, std::string, Interval>;

  Value() = default;  // untyped NULL
  static Value Null(Oid type) { return Value(type, std::monostate{}); }
  static Value Bool(bool v) { return Value(oid::kBool, v); }
  static Value Int2(int64_t v) { return Value(oid::kInt2, v); }
  static Value Int4(int64_t v) { return Value(oid::kInt4, v); }
  static Value Int8(int64_t v) { return Value(oid::kInt8, v); }
  static Value Float4(double v) { return Value(oid::kFloat4, v); }
  static Value Float8(double v) { return Value(oid::kFloat8, v); }
  static Value Text(std::string v) { return Value(oid::kText, std::move(v)); }
  static Value OfInt(Oid type, int64_t v) { return Value(type, v); }
  static Value OfString(Oid type, std::string v) { return Value(type, std::move(v)); }
  static Value OfInterval(Interval v) { return Value(oid::kInterval, v); }
  static Value Of(Oid type, Payload payload) { return Value(type, std::move(payload)); }

  Oid type() const { return type_; }
  bool is_null() const { return std::holds_alternative<std::monostate>(payload_); }

  // REQUIRES: the payload kind matches (see the table at the top).
  bool as_bool() const { return std::get<bool>(payload_); }
  int64_t as_int() const { return std::get<int64_t>(payload_); }
  double as_double() const { return std::get<double>(payload_); }
  const std::string& as_string() const { return std::get<std::string>(payload_); }
  std::string&& take_string() && { return std::get<std::string>(std::move(payload_)); }
  const Interval& as_interval() const { return std::get<Interval>(payload_); }
  const Payload& payload() const { return payload_; }

  // Replaces type and payload in place (no temporary Value), for decoders
  // that fill the same row again and again.
  template <typename T>
  void Set(Oid type, T&& payload) {
    type_ = type;
    payload_ = std::forward<T>(payload);
  }
  // Sets a string payload, reusing this value's string storage when it
  // holds one (a scan decodes row after row into the same values).
  void AssignString(Oid type, std::string_view bytes) {
    type_ = type;
    if (auto* s = std::get_if<std::string>(&payload_)) {
      s->assign(bytes);
    } else {
      payload_ = std::string(bytes);
    }
  }

  // Same type as far as the payload goes, different OID (varchar -> text).
  Value Relabel(Oid type) const& { return Value(type, payload_); }
  Value Relabel(Oid type) && { return Value(type, std::move(payload_)); }

 private:
  Value(Oid type, Payload payload) : type_(type), payload_(std::move(payload)) {}

  Oid type_ = oid::kUnknown;
  Payload payload_;
};

}  // namespace db9::types
