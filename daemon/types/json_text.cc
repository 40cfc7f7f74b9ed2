#include "daemon/types/json_text.h"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "daemon/types/numeric.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

// A parsed JSON value that keeps number lexemes (nlohmann's DOM would turn
// 1.50 into a double and lose the trailing zero jsonb preserves).
struct Node {
  enum Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = kNull;
  std::string scalar;  // number text, string contents, "true"/"false"
  std::vector<std::pair<std::string, Node>> members;
  std::vector<Node> elements;
};

// nlohmann SAX handler building Node trees.
class Builder : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return Put(Node{}); }
  bool boolean(bool v) override {
    Node n;
    n.kind = Node::kBool;
    n.scalar = v ? "true" : "false";
    return Put(std::move(n));
  }
  bool number_integer(number_integer_t v) override { return Number(std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Number(std::to_string(v)); }
  bool number_float(number_float_t, const string_t& lexeme) override { return Number(lexeme); }
  bool string(string_t& v) override {
    Node n;
    n.kind = Node::kString;
    n.scalar = std::move(v);
    return Put(std::move(n));
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return Open(Node::kObject); }
  bool key(string_t& k) override {
    pending_key_.push_back(std::move(k));
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(Node::kArray); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_ = ex.what();
    return false;
  }

  Node root;
  std::string error_;

 private:
  bool Number(const std::string& lexeme) {
    Result<Numeric> n = Numeric::Parse(lexeme);
    if (!n.ok()) return false;
    Node node;
    node.kind = Node::kNumber;
    node.scalar = n->ToString();
    return Put(std::move(node));
  }
  bool Open(Node::Kind kind) {
    // PostgreSQL stops at its stack depth limit; we bound nesting so the
    // recursive normalizer cannot overflow the stack.
    if (stack_.size() >= kMaxDepth) {
      error_ = "JSON nesting exceeds " + std::to_string(kMaxDepth) + " levels.";
      return false;
    }
    Node n;
    n.kind = kind;
    stack_.push_back(std::move(n));
    return true;
  }
  bool Close() {
    Node n = std::move(stack_.back());
    stack_.pop_back();
    return Put(std::move(n));
  }
  bool Put(Node n) {
    if (stack_.empty()) {
      root = std::move(n);
      return true;
    }
    Node& parent = stack_.back();
    if (parent.kind == Node::kArray) {
      parent.elements.push_back(std::move(n));
    } else {
      std::string key = std::move(pending_key_.back());
      pending_key_.pop_back();
      parent.members.emplace_back(std::move(key), std::move(n));
    }
    return true;
  }

  static constexpr size_t kMaxDepth = 4096;
  std::vector<Node> stack_;
  std::vector<std::string> pending_key_;
};

// jsonb key order: shorter first, then bytewise; last duplicate wins.
void Normalize(Node* n) {
  for (Node& e : n->elements) Normalize(&e);
  if (n->kind != Node::kObject) return;
  std::stable_sort(n->members.begin(), n->members.end(), [](const auto& a, const auto& b) {
    if (a.first.size() != b.first.size()) return a.first.size() < b.first.size();
    return a.first < b.first;
  });
  std::vector<std::pair<std::string, Node>> unique;
  for (auto& m : n->members) {
    if (!unique.empty() && unique.back().first == m.first) {
      unique.back().second = std::move(m.second);
    } else {
      unique.push_back(std::move(m));
    }
  }
  n->members = std::move(unique);
  for (auto& m : n->members) Normalize(&m.second);
}

void Write(const Node& n, std::string* out) {
  switch (n.kind) {
    case Node::kNull: *out += "null"; break;
    case Node::kBool:
    case Node::kNumber: *out += n.scalar; break;
    case Node::kString: *out += QuoteJsonString(n.scalar); break;
    case Node::kArray:
      out->push_back('[');
      for (size_t i = 0; i < n.elements.size(); ++i) {
        if (i > 0) *out += ", ";
        Write(n.elements[i], out);
      }
      out->push_back(']');
      break;
    case Node::kObject:
      out->push_back('{');
      for (size_t i = 0; i < n.members.size(); ++i) {
        if (i > 0) *out += ", ";
        *out += QuoteJsonString(n.members[i].first);
        *out += ": ";
        Write(n.members[i].second, out);
      }
      out->push_back('}');
      break;
  }
}

Result<Node> Parse(std::string_view text, std::string_view type_name) {
  Builder b;
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &b,
                                      nlohmann::json::input_format_t::json, true, false);
  if (!ok) {
    return Status::Error(sqlstate::kInvalidTextRepresentation,
                         "invalid input syntax for type " + std::string(type_name))
        .WithDetail(b.error_.empty() ? "The input string ended unexpectedly." : b.error_);
  }
  return std::move(b.root);
}

}  // namespace

Status ValidateJson(std::string_view text, std::string_view type_name) {
  Result<Node> n = Parse(text, type_name);
  return n.ok() ? Status::OK() : n.status();
}

Result<std::string> NormalizeJsonb(std::string_view text) {
  DB9_ASSIGN_OR_RETURN(Node n, Parse(text, "json"));
  Normalize(&n);
  std::string out;
  Write(n, &out);
  return out;
}

std::string QuoteJsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace db9::types
