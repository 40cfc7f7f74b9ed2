// Array types of the basic element types ("_int4" = integer[] ...). Text
// form as PostgreSQL's array_in/array_out ({1,2,NULL}, {{1,2},{3,4}},
// [0:1]={a,b}), binary form as array_send/array_recv. Elements go through
// the element type's own entry.
#include "daemon/types/array_value.h"
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

constexpr int kMaxDims = 6;

class ArrayParser {
 public:
  ArrayParser(const TypeInfo& self, std::string_view text, int32_t typmod, const IoContext& io)
      : self_(self), text_(text), typmod_(typmod), io_(io) {}

  Result<ArrayValue> Parse() {
    ArrayValue a;
    a.element_type = self_.element_oid;
    size_t i = SkipSpace(0);
    std::vector<int32_t> declared_lb;
    std::vector<int32_t> declared_len;
    // Optional "[lb:ub][lb:ub]=" decoration.
    while (i < text_.size() && text_[i] == '[') {
      size_t close = text_.find(']', i);
      if (close == std::string_view::npos) return Malformed("Missing \"]\" after array dimensions.");
      std::string_view dim = text_.substr(i + 1, close - i - 1);
      size_t colon = dim.find(':');
      int64_t lb = 1, ub;
      if (colon == std::string_view::npos) {
        if (!ParseInt(dim, &ub)) return Malformed("\"[\" must introduce explicitly-specified array dimensions.");
      } else if (!ParseInt(dim.substr(0, colon), &lb) || !ParseInt(dim.substr(colon + 1), &ub)) {
        return Malformed("\"[\" must introduce explicitly-specified array dimensions.");
      }
      if (ub < lb) {
        return Status::Error(sqlstate::kArraySubscriptError,
                             "upper bound cannot be less than lower bound");
      }
      declared_lb.push_back(static_cast<int32_t>(lb));
      declared_len.push_back(static_cast<int32_t>(ub - lb + 1));
      i = close + 1;
    }
    if (!declared_lb.empty()) {
      i = SkipSpace(i);
      if (i >= text_.size() || text_[i] != '=') return Malformed("Missing \"=\" after array dimensions.");
      i = SkipSpace(i + 1);
    }
    if (i >= text_.size() || text_[i] != '{') {
      return Malformed("Array value must start with \"{\" or dimension information.");
    }
    DB9_RETURN_IF_ERROR(ParseLevel(&i, 0, &a));
    if (SkipSpace(i) != text_.size()) return Malformed("Junk after closing right brace.");
    if (a.items.empty()) {
      a.dims.clear();
    } else {
      a.dims = dims_;
    }
    if (!declared_lb.empty() && !a.items.empty()) {
      if (declared_len != a.dims) {
        return Malformed("Specified array dimensions do not match array contents.");
      }
      a.lbounds = declared_lb;
    } else {
      a.lbounds.assign(a.dims.size(), 1);
    }
    return a;
  }

 private:
  Status Malformed(const std::string& detail) {
    return Status::Error(sqlstate::kInvalidTextRepresentation,
                         "malformed array literal: \"" + std::string(text_) + "\"")
        .WithDetail(detail);
  }

  size_t SkipSpace(size_t i) const {
    while (i < text_.size() && IsPgSpace(text_[i])) ++i;
    return i;
  }

  static bool ParseInt(std::string_view s, int64_t* out) {
    s = TrimPgSpace(s);
    bool neg = !s.empty() && s[0] == '-';
    if (neg || (!s.empty() && s[0] == '+')) s.remove_prefix(1);
    if (s.empty() || s.size() > 9) return false;
    int64_t v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *out = neg ? -v : v;
    return true;
  }

  // Parses "{...}" starting at *i (pointing at '{') for nesting `depth`.
  Status ParseLevel(size_t* i, int depth, ArrayValue* a) {
    if (depth >= kMaxDims) {
      return Status::Error(sqlstate::kProgramLimitExceeded,
                           "number of array dimensions exceeds the maximum allowed (6)");
    }
    ++*i;  // '{'
    int32_t count = 0;
    *i = SkipSpace(*i);
    if (*i < text_.size() && text_[*i] == '}') {
      ++*i;
      if (depth > 0 || !a->items.empty()) {
        return Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
      }
      return Status::OK();
    }
    bool nested = *i < text_.size() && text_[*i] == '{';
    while (true) {
      *i = SkipSpace(*i);
      if (*i >= text_.size()) return Malformed("Unexpected end of input.");
      if (nested) {
        if (text_[*i] != '{') return Malformed("Unexpected array element.");
        DB9_RETURN_IF_ERROR(ParseLevel(i, depth + 1, a));
      } else {
        if (text_[*i] == '{') return Malformed("Unexpected \"{\" character.");
        DB9_RETURN_IF_ERROR(ParseElement(i, a));
      }
      ++count;
      *i = SkipSpace(*i);
      if (*i >= text_.size()) return Malformed("Unexpected end of input.");
      if (text_[*i] == self_.delimiter) {
        ++*i;
        continue;
      }
      if (text_[*i] == '}') {
        ++*i;
        break;
      }
      return Malformed("Unexpected \"" + std::string(1, text_[*i]) + "\" character.");
    }
    // Inner levels finish first, so dims_ is indexed by depth, not filled
    // in order.
    if (static_cast<int>(dims_.size()) <= depth) dims_.resize(depth + 1, -1);
    if (dims_[depth] == -1) {
      dims_[depth] = count;
    } else if (dims_[depth] != count) {
      return Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
    }
    if (!nested) {
      if (leaf_depth_ >= 0 && leaf_depth_ != depth) {
        return Malformed("Multidimensional arrays must have sub-arrays with matching dimensions.");
      }
      leaf_depth_ = depth;
    }
    return Status::OK();
  }

  Status ParseElement(size_t* i, ArrayValue* a) {
    std::string raw;
    bool quoted = false;
    size_t last_significant = 0;  // raw.size() after the last non-space or escaped char
    if (text_[*i] == '"') {
      quoted = true;
      ++*i;
      while (true) {
        if (*i >= text_.size()) return Malformed("Unexpected end of input.");
        char c = text_[*i];
        if (c == '"') {
          ++*i;
          break;
        }
        if (c == '\\') {
          if (++*i >= text_.size()) return Malformed("Unexpected end of input.");
          c = text_[*i];
        }
        raw.push_back(c);
        ++*i;
      }
    } else {
      while (*i < text_.size()) {
        char c = text_[*i];
        if (c == self_.delimiter || c == '}') break;
        if (c == '{' || c == '"') return Malformed("Unexpected \"" + std::string(1, c) + "\" character.");
        if (c == '\\') {
          if (++*i >= text_.size()) return Malformed("Unexpected end of input.");
          raw.push_back(text_[*i]);
          last_significant = raw.size();
        } else {
          raw.push_back(c);
          if (!IsPgSpace(c)) last_significant = raw.size();
        }
        ++*i;
      }
      raw.resize(last_significant);
      if (raw.empty()) return Malformed("Unexpected \"" + std::string(1, text_[*i]) + "\" character.");
    }
    if (!quoted && AsciiLower(raw) == "null" && last_significant == 4) {
      a->items.push_back(Value::Null(self_.element_oid));
      return Status::OK();
    }
    DB9_ASSIGN_OR_RETURN(Value v, self_.element->input(*self_.element, raw, typmod_, io_));
    a->items.push_back(std::move(v));
    return Status::OK();
  }

  const TypeInfo& self_;
  std::string_view text_;
  int32_t typmod_;
  const IoContext& io_;
  std::vector<int32_t> dims_;
  int leaf_depth_ = -1;
};

Result<Value> ArrayIn(const TypeInfo& self, std::string_view text, int32_t typmod,
                      const IoContext& io) {
  ArrayParser parser(self, text, typmod, io);
  DB9_ASSIGN_OR_RETURN(ArrayValue a, parser.Parse());
  return MakeArrayValue(self.oid, a);
}

bool NeedsQuotes(std::string_view s, char delim) {
  if (s.empty() || AsciiLower(s) == "null") return true;
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '{' || c == '}' || c == delim || IsPgSpace(c)) return true;
  }
  return false;
}

Result<std::string> ArrayOut(const TypeInfo& self, const Value& v, const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(ArrayValue a, DecodeArray(v.as_string()));
  if (a.dims.empty()) return std::string("{}");
  std::string out;
  bool custom_bounds = false;
  for (int32_t lb : a.lbounds) custom_bounds |= lb != 1;
  if (custom_bounds) {
    for (size_t d = 0; d < a.dims.size(); ++d) {
      out += '[';
      out += std::to_string(a.lbounds[d]);
      out += ':';
      out += std::to_string(a.lbounds[d] + a.dims[d] - 1);
      out += ']';
    }
    out += "=";
  }
  const TypeInfo& elem = *self.element;
  size_t n = a.items.size();
  // block[d]: elements in one sub-array of dimension d.
  std::vector<size_t> block(a.dims.size(), 1);
  for (size_t d = a.dims.size(); d-- > 0;) {
    block[d] = static_cast<size_t>(a.dims[d]) * (d + 1 < a.dims.size() ? block[d + 1] : 1);
  }
  for (size_t k = 0; k < n; ++k) {
    if (k > 0) out.push_back(self.delimiter);
    for (size_t d = 0; d < a.dims.size(); ++d) {
      if (k % block[d] == 0) out.push_back('{');
    }
    const Value& item = a.items[k];
    if (item.is_null()) {
      out += "NULL";
    } else {
      DB9_ASSIGN_OR_RETURN(std::string s, elem.output(elem, item.Relabel(elem.oid), io));
      if (NeedsQuotes(s, self.delimiter)) {
        out.push_back('"');
        for (char c : s) {
          if (c == '"' || c == '\\') out.push_back('\\');
          out.push_back(c);
        }
        out.push_back('"');
      } else {
        out += s;
      }
    }
    for (size_t d = a.dims.size(); d-- > 0;) {
      if ((k + 1) % block[d] == 0) out.push_back('}');
    }
  }
  return out;
}

Result<Value> ArrayRecv(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                        const IoContext& io) {
  uint32_t ndim, flags, elem;
  if (!GetU32(&bytes, &ndim) || !GetU32(&bytes, &flags) || !GetU32(&bytes, &elem)) {
    return InvalidBinary("insufficient data left in message");
  }
  if (ndim > kMaxDims) {
    return InvalidBinary("invalid number of dimensions: " + std::to_string(ndim));
  }
  if (flags > 1) return InvalidBinary("invalid array flags");
  if (elem != self.element_oid) {
    return Status::Error(sqlstate::kDatatypeMismatch, "wrong element type");
  }
  ArrayValue a;
  a.element_type = elem;
  uint64_t count = ndim == 0 ? 0 : 1;
  for (uint32_t d = 0; d < ndim; ++d) {
    uint32_t len, lb;
    if (!GetU32(&bytes, &len) || !GetU32(&bytes, &lb)) {
      return InvalidBinary("insufficient data left in message");
    }
    a.dims.push_back(static_cast<int32_t>(len));
    a.lbounds.push_back(static_cast<int32_t>(lb));
    count *= len;
    if (count > bytes.size()) return InvalidBinary("insufficient data left in message");
  }
  const TypeInfo& et = *self.element;
  for (uint64_t k = 0; k < count; ++k) {
    uint32_t len;
    if (!GetU32(&bytes, &len)) return InvalidBinary("insufficient data left in message");
    if (len == 0xFFFFFFFFu) {
      a.items.push_back(Value::Null(elem));
      continue;
    }
    if (bytes.size() < len) return InvalidBinary("insufficient data left in message");
    if (et.receive == nullptr) return InvalidBinary("no binary input function available for type " + et.sql_name);
    DB9_ASSIGN_OR_RETURN(Value v, et.receive(et, bytes.substr(0, len), typmod, io));
    a.items.push_back(std::move(v));
    bytes.remove_prefix(len);
  }
  if (!bytes.empty()) return InvalidBinary("incorrect binary data format in array");
  if (count == 0) {
    a.dims.clear();
    a.lbounds.clear();
  }
  return MakeArrayValue(self.oid, a);
}

Result<std::string> ArraySend(const TypeInfo& self, const Value& v, const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(ArrayValue a, DecodeArray(v.as_string()));
  std::string out;
  bool has_null = false;
  for (const Value& item : a.items) has_null |= item.is_null();
  PutU32(&out, static_cast<uint32_t>(a.dims.size()));
  PutU32(&out, has_null ? 1 : 0);
  PutU32(&out, self.element_oid);
  for (size_t d = 0; d < a.dims.size(); ++d) {
    PutU32(&out, static_cast<uint32_t>(a.dims[d]));
    PutU32(&out, static_cast<uint32_t>(a.lbounds[d]));
  }
  const TypeInfo& et = *self.element;
  for (const Value& item : a.items) {
    if (item.is_null()) {
      PutU32(&out, 0xFFFFFFFFu);
      continue;
    }
    DB9_ASSIGN_OR_RETURN(std::string bytes, et.send(et, item.Relabel(et.oid), io));
    PutU32(&out, static_cast<uint32_t>(bytes.size()));
    out += bytes;
  }
  return out;
}

// Elementwise, NULL elements after non-NULL ones, then by length, then by
// dimensions, as PostgreSQL's array_cmp.
int ArrayCompare(const TypeInfo& self, const Value& x, const Value& y) {
  Result<ArrayValue> a = DecodeArray(x.as_string()), b = DecodeArray(y.as_string());
  if (!a.ok() || !b.ok()) return Cmp3(x.as_string(), y.as_string());
  const TypeInfo& et = *self.element;
  size_t n = std::min(a->items.size(), b->items.size());
  for (size_t k = 0; k < n; ++k) {
    const Value& p = a->items[k];
    const Value& q = b->items[k];
    if (p.is_null() || q.is_null()) {
      if (p.is_null() != q.is_null()) return p.is_null() ? 1 : -1;
      continue;
    }
    int c = et.compare(et, p, q);
    if (c != 0) return c;
  }
  if (a->items.size() != b->items.size()) return Cmp3(a->items.size(), b->items.size());
  if (a->dims != b->dims) return a->dims < b->dims ? -1 : 1;
  if (a->lbounds != b->lbounds) return a->lbounds < b->lbounds ? -1 : 1;
  return 0;
}

uint64_t ArrayHash(const TypeInfo& self, const Value& v) {
  Result<ArrayValue> a = DecodeArray(v.as_string());
  if (!a.ok()) return HashBytes(v.as_string());
  const TypeInfo& et = *self.element;
  uint64_t h = 0x9e3779b97f4a7c15ull;
  for (const Value& item : a->items) {
    uint64_t e = item.is_null() ? 0 : et.hash(et, item);
    h = (h ^ e) * 0x100000001b3ull + 31;
  }
  return h;
}

keyenc::NullsOrder ElementNulls(keyenc::Direction dir) {
  // NULL elements sort after non-NULL ones in ascending order.
  return dir == keyenc::Direction::kAscending ? keyenc::NullsOrder::kLast
                                              : keyenc::NullsOrder::kFirst;
}

// Each element: "more follows" (true) + null marker + element key; then
// false. false < true makes a prefix sort first, as array_cmp does.
void ArrayKey(const TypeInfo& self, const Value& v, keyenc::Direction dir, std::string* out) {
  Result<ArrayValue> a = DecodeArray(v.as_string());
  const TypeInfo& et = *self.element;
  if (a.ok()) {
    for (const Value& item : a->items) {
      keyenc::AppendBool(out, true, dir);
      if (item.is_null()) {
        keyenc::AppendNullMarker(out, ElementNulls(dir));
      } else {
        keyenc::AppendNotNullMarker(out);
        et.key_encode(et, item, dir, out);
      }
    }
  }
  keyenc::AppendBool(out, false, dir);
}

Result<Value> ArrayKeyDecode(const TypeInfo& self, keyenc::KeyDecoder& in,
                             keyenc::Direction dir) {
  const TypeInfo& et = *self.element;
  std::vector<Value> items;
  while (true) {
    DB9_ASSIGN_OR_RETURN(bool more, in.ReadBool(dir));
    if (!more) break;
    DB9_ASSIGN_OR_RETURN(bool is_null, in.ReadNullMarker());
    if (is_null) {
      items.push_back(Value::Null(et.oid));
    } else {
      DB9_ASSIGN_OR_RETURN(Value item, et.key_decode(et, in, dir));
      items.push_back(std::move(item));
    }
  }
  return MakeArrayValue(self.oid, ArrayValue::OneDim(et.oid, std::move(items)));
}

Result<Value> ArrayTypmod(const TypeInfo& self, const Value& v, int32_t typmod,
                          bool is_explicit) {
  const TypeInfo& et = *self.element;
  if (et.apply_typmod == nullptr || typmod < 0) return v;
  DB9_ASSIGN_OR_RETURN(ArrayValue a, DecodeArray(v.as_string()));
  for (Value& item : a.items) {
    if (item.is_null()) continue;
    DB9_ASSIGN_OR_RETURN(item, et.apply_typmod(et, item, typmod, is_explicit));
  }
  return MakeArrayValue(self.oid, a);
}

// int2vector / oidvector: one-dimensional arrays with lower bound 0 whose
// text form is the elements separated by spaces ("1 2"), as PostgreSQL's
// int2vectorin/out and oidvectorin/out. NULL elements are not allowed.
Result<Value> VectorIn(const TypeInfo& self, std::string_view text, int32_t, const IoContext& io) {
  const TypeInfo& et = *self.element;
  std::vector<Value> items;
  size_t i = 0;
  while (true) {
    while (i < text.size() && IsPgSpace(text[i])) ++i;
    if (i == text.size()) break;
    size_t start = i;
    while (i < text.size() && !IsPgSpace(text[i])) ++i;
    DB9_ASSIGN_OR_RETURN(Value item, et.input(et, text.substr(start, i - start), -1, io));
    items.push_back(std::move(item));
  }
  ArrayValue a = ArrayValue::OneDim(et.oid, std::move(items));
  if (!a.lbounds.empty()) a.lbounds[0] = 0;
  return MakeArrayValue(self.oid, a);
}

Result<std::string> VectorOut(const TypeInfo& self, const Value& v, const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(ArrayValue a, DecodeArray(v.as_string()));
  const TypeInfo& et = *self.element;
  std::string out;
  for (const Value& item : a.items) {
    if (!out.empty()) out.push_back(' ');
    if (item.is_null()) {
      return Status::Error(sqlstate::kNullValueNotAllowed,
                           "array must not contain nulls");
    }
    DB9_ASSIGN_OR_RETURN(std::string s, et.output(et, item.Relabel(et.oid), io));
    out += s;
  }
  return out;
}

// Keys decode to a lower bound of 1 like arrays; vectors start at 0.
Result<Value> VectorKeyDecode(const TypeInfo& self, keyenc::KeyDecoder& in,
                              keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(Value v, ArrayKeyDecode(self, in, dir));
  DB9_ASSIGN_OR_RETURN(ArrayValue a, DecodeArray(v.as_string()));
  if (!a.lbounds.empty()) a.lbounds[0] = 0;
  return MakeArrayValue(self.oid, a);
}

}  // namespace

Status RegisterVectorTypes(TypeRegistry& r) {
  struct Vec {
    Oid oid;
    const char* name;
    Oid element;
  };
  for (Vec v : {Vec{oid::kInt2Vector, "int2vector", oid::kInt2},
                Vec{oid::kOidVector, "oidvector", oid::kOid}}) {
    TypeInfo t;
    t.oid = v.oid;
    t.name = v.name;
    t.sql_name = v.name;
    t.typlen = -1;
    t.align = 'i';
    t.category = category::kArray;
    t.element_oid = v.element;
    t.input = VectorIn;
    t.output = VectorOut;
    // Binary form is array_send/array_recv's, as in PostgreSQL.
    t.receive = ArrayRecv;
    t.send = ArraySend;
    t.compare = ArrayCompare;
    t.hash = ArrayHash;
    t.key_encode = ArrayKey;
    t.key_decode = VectorKeyDecode;
    DB9_RETURN_IF_ERROR(r.Register(std::move(t)));
  }
  return Status::OK();
}

Status RegisterArrayTypes(TypeRegistry& r) {
  // Every registered scalar with an array OID gets its array entry.
  std::vector<const TypeInfo*> elements;
  for (const auto& t : r.all()) {
    if (t->array_oid != oid::kInvalid && t->element == nullptr && r.Find(t->array_oid) == nullptr) {
      elements.push_back(t.get());
    }
  }
  for (const TypeInfo* e : elements) {
    TypeInfo t;
    t.oid = e->array_oid;
    t.name = "_" + e->name;
    t.sql_name = e->sql_name + "[]";
    t.namespace_oid = e->namespace_oid;
    t.typlen = -1;
    t.align = e->align == 'd' ? 'd' : 'i';
    t.category = category::kArray;
    t.element_oid = e->oid;
    t.input = ArrayIn;
    t.output = ArrayOut;
    if (e->receive != nullptr) t.receive = ArrayRecv;
    if (e->send != nullptr) t.send = ArraySend;
    if (e->compare != nullptr) t.compare = ArrayCompare;
    if (e->hash != nullptr) t.hash = ArrayHash;
    if (e->key_encode != nullptr) {
      t.key_encode = ArrayKey;
      t.key_decode = ArrayKeyDecode;
    }
    t.apply_typmod = ArrayTypmod;
    t.typmod_in = e->typmod_in;
    t.typmod_out = e->typmod_out;
    DB9_RETURN_IF_ERROR(r.Register(std::move(t)));
  }
  return Status::OK();
}

}  // namespace db9::types
