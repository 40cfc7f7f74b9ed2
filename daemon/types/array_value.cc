#include "daemon/types/array_value.h"

#include <cstring>

#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

Status Corrupt() { return Status::Error(sqlstate::kDataCorrupted, "corrupt array value"); }

}  // namespace

ArrayValue ArrayValue::OneDim(Oid element_type, std::vector<Value> items) {
  ArrayValue a;
  a.element_type = element_type;
  if (!items.empty()) {
    a.dims = {static_cast<int32_t>(items.size())};
    a.lbounds = {1};
  }
  a.items = std::move(items);
  return a;
}

std::string EncodeArray(const ArrayValue& a) {
  std::string out;
  PutU32(&out, static_cast<uint32_t>(a.dims.size()));
  PutU32(&out, a.element_type);
  for (size_t i = 0; i < a.dims.size(); ++i) {
    PutU32(&out, static_cast<uint32_t>(a.dims[i]));
    PutU32(&out, static_cast<uint32_t>(a.lbounds[i]));
  }
  for (const Value& v : a.items) {
    const Value::Payload& p = v.payload();
    out.push_back(static_cast<char>(p.index()));
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, bool>) {
            out.push_back(x ? 1 : 0);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            PutU64(&out, static_cast<uint64_t>(x));
          } else if constexpr (std::is_same_v<T, double>) {
            uint64_t bits;
            std::memcpy(&bits, &x, 8);
            PutU64(&out, bits);
          } else if constexpr (std::is_same_v<T, std::string>) {
            PutU32(&out, static_cast<uint32_t>(x.size()));
            out += x;
          } else if constexpr (std::is_same_v<T, Interval>) {
            PutU64(&out, static_cast<uint64_t>(x.micros));
            PutU32(&out, static_cast<uint32_t>(x.days));
            PutU32(&out, static_cast<uint32_t>(x.months));
          }
        },
        p);
  }
  return out;
}

Result<ArrayValue> DecodeArray(std::string_view in) {
  ArrayValue a;
  uint32_t ndim, elem;
  if (!GetU32(&in, &ndim) || !GetU32(&in, &elem) || ndim > 6) return Corrupt();
  a.element_type = elem;
  uint64_t count = ndim == 0 ? 0 : 1;
  for (uint32_t i = 0; i < ndim; ++i) {
    uint32_t len, lb;
    if (!GetU32(&in, &len) || !GetU32(&in, &lb)) return Corrupt();
    a.dims.push_back(static_cast<int32_t>(len));
    a.lbounds.push_back(static_cast<int32_t>(lb));
    count *= len;
    if (count > in.size()) return Corrupt();  // each element takes >= 1 byte
  }
  a.items.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    if (in.empty()) return Corrupt();
    int kind = static_cast<unsigned char>(in[0]);
    in.remove_prefix(1);
    uint64_t u;
    uint32_t n, d, m;
    switch (kind) {
      case 0: a.items.push_back(Value::Null(elem)); break;
      case 1:
        if (in.empty()) return Corrupt();
        a.items.push_back(Value::Of(elem, in[0] != 0));
        in.remove_prefix(1);
        break;
      case 2:
        if (!GetU64(&in, &u)) return Corrupt();
        a.items.push_back(Value::OfInt(elem, static_cast<int64_t>(u)));
        break;
      case 3: {
        if (!GetU64(&in, &u)) return Corrupt();
        double x;
        std::memcpy(&x, &u, 8);
        a.items.push_back(Value::Of(elem, x));
        break;
      }
      case 4:
        if (!GetU32(&in, &n) || in.size() < n) return Corrupt();
        a.items.push_back(Value::OfString(elem, std::string(in.substr(0, n))));
        in.remove_prefix(n);
        break;
      case 5:
        if (!GetU64(&in, &u) || !GetU32(&in, &d) || !GetU32(&in, &m)) return Corrupt();
        a.items.push_back(Value::Of(elem, Interval{static_cast<int32_t>(m),
                                                   static_cast<int32_t>(d),
                                                   static_cast<int64_t>(u)}));
        break;
      default: return Corrupt();
    }
  }
  if (!in.empty()) return Corrupt();
  return a;
}

Value MakeArrayValue(Oid array_type, const ArrayValue& a) {
  return Value::OfString(array_type, EncodeArray(a));
}

}  // namespace db9::types
