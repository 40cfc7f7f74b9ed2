#include "daemon/types/json_reader.h"

#include "daemon/types/json_payload_tags.h"

namespace db9::types {

JsonbReader::JsonbReader(std::string_view payload) {
  if (payload.empty() || static_cast<uint8_t>(payload[0]) != json_payload::kFormatVersion) {
    ok_ = false;
    return;
  }
  in_ = payload.substr(1);
}

bool JsonbReader::Len(uint32_t* v) {
  if (in_.size() < 4) return Fail();
  *v = 0;
  for (int i = 0; i < 4; ++i) *v |= static_cast<uint32_t>(static_cast<uint8_t>(in_[i])) << (8 * i);
  in_.remove_prefix(4);
  return true;
}

bool JsonbReader::Bytes(std::string_view* s) {
  uint32_t n = 0;
  if (!Len(&n) || n > in_.size()) return Fail();
  *s = in_.substr(0, n);
  in_.remove_prefix(n);
  return true;
}

bool JsonbReader::NextKey(std::string_view* key) { return ok_ && Bytes(key); }

bool JsonbReader::NextNode(Node* node) {
  using K = JsonValue::Kind;
  namespace tag = json_payload;
  if (!ok_ || in_.empty()) return Fail();
  uint8_t t = static_cast<uint8_t>(in_[0]);
  in_.remove_prefix(1);
  *node = Node{};
  switch (t) {
    case tag::kNull: node->kind = K::kNull; return true;
    case tag::kFalse:
    case tag::kTrue:
      node->kind = K::kBool;
      node->boolean = t == tag::kTrue;
      return true;
    case tag::kNumber: node->kind = K::kNumber; return Bytes(&node->text);
    case tag::kString: node->kind = K::kString; return Bytes(&node->text);
    case tag::kArray:
    case tag::kObject:
      node->kind = t == tag::kArray ? K::kArray : K::kObject;
      if (!Len(&node->count)) return false;
      // Every element takes at least one byte, every member five: a count
      // beyond what is left is corruption (and bounds reservations).
      if (node->count > in_.size() / (t == tag::kArray ? 1 : 5)) return Fail();
      return true;
    default: return Fail();
  }
}

}  // namespace db9::types
