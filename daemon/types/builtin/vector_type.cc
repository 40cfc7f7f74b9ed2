// vector: pgvector 0.8's type, built in (payload: vector_value.h). Text
// form "[1,2.5,3]", elements printed as float4's shortest round-trip
// spelling whatever extra_float_digits says, as pgvector prints them.
// Binary form as vector_send: int16 dims, int16 unused (0), then each
// element as a big-endian float4. vector(n) fixes the dimension count.
// Ordering is pgvector's vector_cmp: element by element, then the shorter
// vector first, so a vector can be a B-tree key.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/float_format.h"
#include "daemon/types/type_util.h"
#include "daemon/types/vector_value.h"

namespace db9::types {
namespace {

constexpr std::string_view kTypeName = "vector";

// vector_in's grammar: '[' float (',' float)* ']' with whitespace around
// every token; floats as strtof reads them, like float4in.
Result<Value> VectorIn(const TypeInfo&, std::string_view text, int32_t typmod, const IoContext&) {
  const std::string lit(text);  // NUL-terminated for strtof
  const char* pt = lit.c_str();
  const char* const end = pt + lit.size();
  auto skip_space = [&] {
    while (pt < end && IsPgSpace(*pt)) ++pt;
  };
  auto syntax_error = [&] { return InvalidInputSyntax(kTypeName, text); };

  skip_space();
  if (pt == end || *pt != '[') {
    return syntax_error().WithDetail("Vector contents must start with \"[\".");
  }
  ++pt;
  skip_space();
  if (pt < end && *pt == ']') DB9_RETURN_IF_ERROR(CheckVectorDims(0));
  std::vector<float> x;
  while (true) {
    if (static_cast<int>(x.size()) == kVectorMaxDims) {
      DB9_RETURN_IF_ERROR(CheckVectorDims(kVectorMaxDims + 1));
    }
    skip_space();
    if (pt == end) return syntax_error();
    errno = 0;
    char* number_end = nullptr;
    float value = std::strtof(pt, &number_end);
    if (number_end == pt) return syntax_error();
    if (errno == ERANGE && std::isinf(value)) {
      return Status::Error(sqlstate::kNumericValueOutOfRange,
                           "\"" + std::string(pt, number_end - pt) +
                               "\" is out of range for type vector");
    }
    DB9_RETURN_IF_ERROR(CheckVectorElement(value));
    x.push_back(value);
    pt = number_end;
    skip_space();
    if (pt < end && *pt == ',') {
      ++pt;
    } else if (pt < end && *pt == ']') {
      ++pt;
      break;
    } else {
      return syntax_error();
    }
  }
  skip_space();
  if (pt != end) return syntax_error().WithDetail("Junk after closing right brace.");
  DB9_RETURN_IF_ERROR(CheckVectorDims(static_cast<int>(x.size())));
  DB9_RETURN_IF_ERROR(CheckExpectedDims(typmod, static_cast<int>(x.size())));
  return MakeVector(x);
}

Result<std::string> VectorOut(const TypeInfo&, const Value& v, const IoContext&) {
  std::string out = "[";
  for (float x : VectorElements(v)) {
    if (out.size() > 1) out += ',';
    out += FormatFloat4(x, 1);
  }
  out += ']';
  return out;
}

// vector_recv: the dimension count is checked before `unused`, and each
// element as it is read.
Result<Value> VectorRecv(const TypeInfo&, std::string_view bytes, int32_t typmod,
                         const IoContext&) {
  uint16_t dims_bits, unused_bits;
  if (!GetU16(&bytes, &dims_bits) || !GetU16(&bytes, &unused_bits)) {
    return InvalidBinary("insufficient data left in message");
  }
  int dims = static_cast<int16_t>(dims_bits);
  DB9_RETURN_IF_ERROR(CheckVectorDims(dims));
  DB9_RETURN_IF_ERROR(CheckExpectedDims(typmod, dims));
  if (unused_bits != 0) {
    return Status::Error(sqlstate::kDataException,
                         "expected unused to be 0, not " +
                             std::to_string(static_cast<int16_t>(unused_bits)));
  }
  std::vector<float> x(dims);
  for (float& element : x) {
    uint32_t bits;
    if (!GetU32(&bytes, &bits)) return InvalidBinary("insufficient data left in message");
    std::memcpy(&element, &bits, sizeof element);
    DB9_RETURN_IF_ERROR(CheckVectorElement(element));
  }
  if (!bytes.empty()) return InvalidBinary("incorrect binary data format");
  return MakeVector(x);
}

Result<std::string> VectorSend(const TypeInfo&, const Value& v, const IoContext&) {
  std::span<const float> x = VectorElements(v);
  std::string out;
  out.reserve(4 + 4 * x.size());
  PutU16(&out, static_cast<uint16_t>(x.size()));
  PutU16(&out, 0);
  for (float element : x) {
    uint32_t bits;
    std::memcpy(&bits, &element, sizeof bits);
    PutU32(&out, bits);
  }
  return out;
}

int VectorCompare(const TypeInfo&, const Value& a, const Value& b) {
  std::span<const float> x = VectorElements(a), y = VectorElements(b);
  size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    if (x[i] < y[i]) return -1;
    if (x[i] > y[i]) return 1;
  }
  return Cmp3(x.size(), y.size());
}

// -0 and 0 compare equal, so they hash alike.
uint64_t VectorHash(const TypeInfo&, const Value& v) {
  std::string bytes = v.as_string();
  for (size_t i = 0; i < bytes.size(); i += sizeof(float)) {
    float x;
    std::memcpy(&x, bytes.data() + i, sizeof x);
    if (x == 0) std::memset(bytes.data() + i, 0, sizeof x);
  }
  return HashBytes(bytes);
}

// Each element as "more follows" (true) plus the float widened to double
// (which encodes -0 as 0), then false: element order, shorter first.
void VectorKeyEncode(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  for (float x : VectorElements(v)) {
    keyenc::AppendBool(out, true, dir);
    keyenc::AppendDouble(out, x, dir);
  }
  keyenc::AppendBool(out, false, dir);
}

Result<Value> VectorKeyDecode(const TypeInfo&, keyenc::KeyDecoder& in, keyenc::Direction dir) {
  std::vector<float> x;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, in.ReadBool(dir));
    if (!more) break;
    DB9_ASSIGN_OR_RETURN(double element, in.ReadDouble(dir));
    x.push_back(static_cast<float>(element));
  }
  if (x.empty() || x.size() > static_cast<size_t>(kVectorMaxDims)) {
    return Status::Error(sqlstate::kDataCorrupted, "malformed vector key");
  }
  return MakeVector(x);
}

// vector(vector, integer, boolean): the dimension count must match,
// explicit cast or not.
Result<Value> VectorApplyTypmod(const TypeInfo&, const Value& v, int32_t typmod, bool) {
  DB9_RETURN_IF_ERROR(CheckExpectedDims(typmod, VectorDims(v)));
  return v.Relabel(oid::kVector);
}

Result<int32_t> VectorTypmodIn(const TypeInfo&, const std::vector<int32_t>& mods) {
  if (mods.size() != 1) {
    return Status::Error(sqlstate::kInvalidParameterValue, "invalid type modifier");
  }
  if (mods[0] < 1) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "dimensions for type vector must be at least 1");
  }
  if (mods[0] > kVectorMaxDims) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "dimensions for type vector cannot exceed " +
                             std::to_string(kVectorMaxDims));
  }
  return mods[0];
}

}  // namespace

Status RegisterPgvectorType(TypeRegistry& r) {
  TypeInfo t = BuiltinTypeEntry(oid::kVector, "vector", "vector", -1, category::kUser,
                                oid::kVectorArray, false);
  t.input = VectorIn;
  t.output = VectorOut;
  t.receive = VectorRecv;
  t.send = VectorSend;
  t.compare = VectorCompare;
  t.hash = VectorHash;
  t.key_encode = VectorKeyEncode;
  t.key_decode = VectorKeyDecode;
  t.apply_typmod = VectorApplyTypmod;
  t.typmod_in = VectorTypmodIn;
  t.typmod_out = PlainTypmodOut;
  t.namespace_oid = 2200;  // public
  return r.Register(std::move(t));
}

}  // namespace db9::types
