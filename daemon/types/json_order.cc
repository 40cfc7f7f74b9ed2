#include "daemon/types/json_order.h"

#include "daemon/types/json_reader.h"
#include "daemon/types/numeric.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

// Every node starts with one int64 "head": the kind in the high bits (in
// PostgreSQL's type order, after the raw-scalar wrapper rules), then
// the member count and flags, so a single integer comparison decides
// everything PostgreSQL decides before looking at children.
constexpr int kKindShift = 40;
constexpr int64_t kCountMask = (int64_t{1} << kKindShift) - 1;

constexpr int64_t KindCode(JsonValue::Kind k) { return static_cast<int64_t>(k) + 1; }

constexpr int64_t Head(JsonValue::Kind kind, int64_t extra) {
  return (KindCode(kind) << kKindShift) | extra;
}

// A top-level scalar is wrapped in this head: a one-element array, with the
// low bit 0 so it sorts below a real one-element array (low bit 1).
constexpr int64_t kRawScalarHead = Head(JsonValue::Kind::kArray, 1 << 1);

int64_t HeadOf(JsonValue::Kind kind, bool boolean, uint64_t count) {
  using K = JsonValue::Kind;
  int64_t n = static_cast<int64_t>(count);
  switch (kind) {
    case K::kBool: return Head(K::kBool, boolean ? 1 : 0);
    case K::kArray: return Head(K::kArray, (n << 1) | 1);
    case K::kObject: return Head(K::kObject, n << 1);
    default: return Head(kind, 0);
  }
}

int64_t NodeHead(const JsonValue& v) {
  return HeadOf(v.kind, v.boolean,
                v.kind == JsonValue::Kind::kArray ? v.elements.size() : v.members.size());
}

int64_t NodeHead(const JsonbReader::Node& n) { return HeadOf(n.kind, n.boolean, n.count); }

int64_t TopHead(const JsonbReader::Node& n) {
  bool container = n.kind == JsonValue::Kind::kArray || n.kind == JsonValue::Kind::kObject;
  return container ? NodeHead(n) : kRawScalarHead;
}

void AppendNode(const JsonValue& v, const TypeInfo& numeric, keyenc::Direction dir,
                std::string* out) {
  using K = JsonValue::Kind;
  keyenc::AppendInt64(out, NodeHead(v), dir);
  switch (v.kind) {
    case K::kString: keyenc::AppendBytes(out, v.text, dir); break;
    case K::kNumber:
      numeric.key_encode(numeric, Value::OfString(oid::kNumeric, v.text), dir, out);
      break;
    case K::kArray:
      for (const JsonValue& e : v.elements) AppendNode(e, numeric, dir, out);
      break;
    case K::kObject:
      for (const auto& m : v.members) {
        keyenc::AppendBytes(out, m.first, dir);
        AppendNode(m.second, numeric, dir, out);
      }
      break;
    default: break;  // null and booleans are all head
  }
}

int CompareNumbers(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  Result<Numeric> x = Numeric::Parse(a), y = Numeric::Parse(b);
  if (!x.ok() || !y.ok()) return Cmp3(a, b);
  return x->Compare(*y);
}

// The order of the keys AppendNode writes, read straight off two payloads
// (ORDER BY compares far more often than it encodes, and this allocates
// nothing). x and y are the headers just read from a and b; their children
// follow. *bad is set on a malformed payload.
int CompareFrom(const JsonbReader::Node& x, JsonbReader& a, const JsonbReader::Node& y,
                JsonbReader& b, int depth, bool* bad) {
  using K = JsonValue::Kind;
  int c = Cmp3(NodeHead(x), NodeHead(y));
  if (c != 0) return c;
  switch (x.kind) {
    case K::kString: return Cmp3(x.text, y.text);  // bytewise, as AppendBytes orders
    case K::kNumber: return CompareNumbers(x.text, y.text);
    case K::kArray:
    case K::kObject:
      for (uint32_t i = 0; i < x.count; ++i) {
        std::string_view ka, kb;
        JsonbReader::Node xc, yc;
        if (x.kind == K::kObject) {
          if (!a.NextKey(&ka) || !b.NextKey(&kb)) {
            *bad = true;
            return 0;
          }
          if ((c = Cmp3(ka, kb)) != 0) return c;
        }
        if (depth >= kMaxJsonDepth || !a.NextNode(&xc) || !b.NextNode(&yc)) {
          *bad = true;
          return 0;
        }
        c = CompareFrom(xc, a, yc, b, depth + 1, bad);
        if (c != 0 || *bad) return c;
      }
      return 0;
    default: return 0;
  }
}

Status CorruptKey() { return Status::Error(sqlstate::kDataCorrupted, "corrupt jsonb key"); }

Result<JsonValue> ReadNode(keyenc::KeyDecoder& in, const TypeInfo& numeric, keyenc::Direction dir,
                           int depth, bool top) {
  using K = JsonValue::Kind;
  if (depth > kMaxJsonDepth) return CorruptKey();
  DB9_ASSIGN_OR_RETURN(int64_t head, in.ReadInt64(dir));
  int64_t code = head >> kKindShift;
  int64_t extra = head & kCountMask;
  if (code < KindCode(K::kNull) || code > KindCode(K::kObject)) return CorruptKey();
  K kind = static_cast<K>(code - 1);
  switch (kind) {
    case K::kNull: return JsonValue::Null();
    case K::kBool: return JsonValue::Bool(extra != 0);
    case K::kString: {
      DB9_ASSIGN_OR_RETURN(std::string s, in.ReadBytes(dir));
      return JsonValue::String(std::move(s));
    }
    case K::kNumber: {
      DB9_ASSIGN_OR_RETURN(Value n, numeric.key_decode(numeric, in, dir));
      return JsonValue::Number(n.as_string());
    }
    case K::kArray: {
      int64_t count = extra >> 1;
      if ((extra & 1) == 0) {
        // The raw-scalar wrapper exists only at the top, around one scalar.
        if (!top || count != 1) return CorruptKey();
        DB9_ASSIGN_OR_RETURN(JsonValue v, ReadNode(in, numeric, dir, depth + 1, false));
        if (v.is_container()) return CorruptKey();
        return v;
      }
      if (static_cast<size_t>(count) > in.rest().size()) return CorruptKey();
      JsonValue a = JsonValue::Array();
      for (int64_t i = 0; i < count; ++i) {
        DB9_ASSIGN_OR_RETURN(JsonValue e, ReadNode(in, numeric, dir, depth + 1, false));
        a.elements.push_back(std::move(e));
      }
      return a;
    }
    case K::kObject: {
      int64_t count = extra >> 1;
      if (static_cast<size_t>(count) > in.rest().size()) return CorruptKey();
      JsonValue o = JsonValue::Object();
      for (int64_t i = 0; i < count; ++i) {
        DB9_ASSIGN_OR_RETURN(std::string key, in.ReadBytes(dir));
        DB9_ASSIGN_OR_RETURN(JsonValue v, ReadNode(in, numeric, dir, depth + 1, false));
        o.members.emplace_back(std::move(key), std::move(v));
      }
      return o;
    }
  }
  return CorruptKey();
}

const TypeInfo& NumericEntry(const TypeInfo& self) { return *self.registry->Find(oid::kNumeric); }

// The ascending key of a payload; a payload that does not decode (never
// written by us) orders by its bytes after every valid document.
std::string AscendingKey(const TypeInfo& self, const Value& v) {
  Result<JsonValue> doc = DecodeJsonb(v.as_string());
  std::string key;
  if (!doc.ok()) return "\xff" + v.as_string();
  AppendJsonbKey(*doc, NumericEntry(self), keyenc::Direction::kAscending, &key);
  return key;
}

}  // namespace

void AppendJsonbKey(const JsonValue& doc, const TypeInfo& numeric, keyenc::Direction dir,
                    std::string* out) {
  if (!doc.is_container()) keyenc::AppendInt64(out, kRawScalarHead, dir);
  AppendNode(doc, numeric, dir, out);
}

Result<JsonValue> ReadJsonbKey(keyenc::KeyDecoder& in, const TypeInfo& numeric,
                               keyenc::Direction dir) {
  return ReadNode(in, numeric, dir, 0, true);
}

int CompareJsonb(const TypeInfo& self, const Value& a, const Value& b) {
  JsonbReader ra(a.as_string()), rb(b.as_string());
  JsonbReader::Node x, y;
  bool bad = !ra.NextNode(&x);
  bad = !rb.NextNode(&y) || bad;
  if (!bad) {
    int c = Cmp3(TopHead(x), TopHead(y));
    if (c == 0) c = CompareFrom(x, ra, y, rb, 0, &bad);
    if (!bad) return c;
  }
  // Never for payloads we wrote; keeps the order total anyway.
  return Cmp3(AscendingKey(self, a), AscendingKey(self, b));
}

uint64_t HashJsonb(const TypeInfo& self, const Value& v) {
  return HashBytes(AscendingKey(self, v));
}

void KeyEncodeJsonb(const TypeInfo& self, const Value& v, keyenc::Direction dir, std::string* out) {
  Result<JsonValue> doc = DecodeJsonb(v.as_string());
  // Stored values always decode; a corrupt one still gets a key (null)
  // rather than crashing the index write.
  AppendJsonbKey(doc.ok() ? *doc : JsonValue::Null(), NumericEntry(self), dir, out);
}

Result<Value> KeyDecodeJsonb(const TypeInfo& self, keyenc::KeyDecoder& in, keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(JsonValue doc, ReadJsonbKey(in, NumericEntry(self), dir));
  return MakeJsonbValue(std::move(doc));
}

}  // namespace db9::types
