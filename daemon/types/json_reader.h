// JsonbReader: walks a jsonb payload (json_value.h's format) node by node
// in pre-order without building a tree, for decoding and for comparisons
// that should not allocate. Every read is bounds-checked; a malformed
// payload makes a read return false, never crash.
#pragma once

#include <cstdint>
#include <string_view>

#include "daemon/types/json_value.h"

namespace db9::types {

class JsonbReader {
 public:
  // One node's header. Containers' children follow in the payload: `count`
  // nodes for an array, `count` (key, node) pairs for an object.
  struct Node {
    JsonValue::Kind kind = JsonValue::Kind::kNull;
    bool boolean = false;
    uint32_t count = 0;
    std::string_view text;  // numbers and strings; views the payload
  };

  // Starts after the format version byte; ok() is false on a bad version.
  explicit JsonbReader(std::string_view payload);

  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }
  bool NextNode(Node* node);
  bool NextKey(std::string_view* key);

 private:
  bool Len(uint32_t* v);
  bool Bytes(std::string_view* s);
  bool Fail() { return ok_ = false; }

  std::string_view in_;
  bool ok_ = true;
};

}  // namespace db9::types
