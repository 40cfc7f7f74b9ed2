#include "daemon/types/json_text.h"

#include <cstdio>

#include "daemon/types/numeric.h"

namespace db9::types {
namespace {

// Recursive descent over the input; depth is bounded by kMaxJsonDepth.
class Parser {
 public:
  Parser(std::string_view text, JsonTarget target) : s_(text), target_(target) {}

  Result<JsonValue> Document() {
    SkipSpace();
    DB9_ASSIGN_OR_RETURN(JsonValue v, ParseValue(0));
    SkipSpace();
    if (pos_ < s_.size()) return Syntax("Expected end of input, but found \"" + Token() + "\".");
    return v;
  }

 private:
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  void SkipSpace() {
    while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
  }
  bool AtEnd() const { return pos_ >= s_.size(); }

  // The token starting at pos_, for error details (PostgreSQL shows the
  // offending token, up to the next delimiter).
  std::string Token() const {
    if (AtEnd()) return "";
    size_t e = pos_;
    auto delim = [](char c) {
      return IsSpace(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' ||
             c == '}' || c == '"';
    };
    if (delim(s_[e])) return std::string(1, s_[e]);
    while (e < s_.size() && !delim(s_[e]) && e - pos_ < 40) ++e;
    return std::string(s_.substr(pos_, e - pos_));
  }

  Status Syntax(std::string detail) const {
    return Status::Error(sqlstate::kInvalidTextRepresentation, "invalid input syntax for type json")
        .WithDetail(std::move(detail));
  }
  Status Unexpected(const char* expected) const {
    if (AtEnd()) return Syntax("The input string ended unexpectedly.");
    return Syntax(std::string("Expected ") + expected + ", but found \"" + Token() + "\".");
  }

  Result<JsonValue> ParseValue(int depth) {
    if (AtEnd()) return Syntax("The input string ended unexpectedly.");
    size_t begin = pos_;
    Result<JsonValue> v = ParseAt(depth);
    if (v.ok()) {
      v->begin = begin;
      v->end = pos_;
    }
    return v;
  }

  Result<JsonValue> ParseAt(int depth) {
    char c = s_[pos_];
    if (c == '{' || c == '[') {
      if (depth >= kMaxJsonDepth) return JsonTooDeep();
      return c == '{' ? ParseObject(depth) : ParseArray(depth);
    }
    if (c == '"') {
      DB9_ASSIGN_OR_RETURN(std::string str, ParseString());
      return JsonValue::String(std::move(str));
    }
    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
    std::string word = Token();
    if (word == "true" || word == "false" || word == "null") {
      pos_ += word.size();
      if (word == "null") return JsonValue::Null();
      return JsonValue::Bool(word == "true");
    }
    if (word == "," || word == ":" || word == "]" || word == "}") {
      return Syntax("Expected JSON value, but found \"" + word + "\".");
    }
    return Syntax("Token \"" + word + "\" is invalid.");
  }

  // `open item (, item)* close`, with `item` parsing one entry; `expected`
  // names what may follow an entry, for the error detail.
  template <typename Item>
  Status ParseList(char close, const char* expected, Item&& item) {
    ++pos_;  // the opening bracket
    SkipSpace();
    if (!AtEnd() && s_[pos_] == close) {
      ++pos_;
      return Status::OK();
    }
    while (true) {
      SkipSpace();
      DB9_RETURN_IF_ERROR(item());
      SkipSpace();
      if (AtEnd() || (s_[pos_] != ',' && s_[pos_] != close)) return Unexpected(expected);
      if (s_[pos_++] == close) return Status::OK();
    }
  }

  Result<JsonValue> ParseArray(int depth) {
    JsonValue a = JsonValue::Array();
    DB9_RETURN_IF_ERROR(ParseList(']', "\",\" or \"]\"", [&]() -> Status {
      DB9_ASSIGN_OR_RETURN(JsonValue e, ParseValue(depth + 1));
      a.elements.push_back(std::move(e));
      return Status::OK();
    }));
    return a;
  }

  Result<JsonValue> ParseObject(int depth) {
    JsonValue o = JsonValue::Object();
    DB9_RETURN_IF_ERROR(ParseList('}', "\",\" or \"}\"", [&]() -> Status {
      if (AtEnd() || s_[pos_] != '"') return Unexpected("string");
      DB9_ASSIGN_OR_RETURN(std::string key, ParseString());
      SkipSpace();
      if (AtEnd() || s_[pos_] != ':') return Unexpected("\":\"");
      ++pos_;
      SkipSpace();
      DB9_ASSIGN_OR_RETURN(JsonValue v, ParseValue(depth + 1));
      o.members.emplace_back(std::move(key), std::move(v));
      return Status::OK();
    }));
    return o;
  }

  Result<JsonValue> ParseNumber() {
    size_t start = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (!AtEnd() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (s_[pos_] == '-') ++pos_;
    size_t int_start = pos_;
    size_t n = digits();
    bool ok = n > 0 && !(n > 1 && s_[int_start] == '0');
    if (ok && !AtEnd() && s_[pos_] == '.') {
      ++pos_;
      ok = digits() > 0;
    }
    if (ok && !AtEnd() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (!AtEnd() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      ok = digits() > 0;
    }
    // A number runs into the next delimiter; "12abc" is one bad token.
    if (!ok || (!AtEnd() && !IsDelimiterStart(s_[pos_]))) {
      pos_ = start;
      return Syntax("Token \"" + Token() + "\" is invalid.");
    }
    std::string_view lexeme = s_.substr(start, pos_ - start);
    if (target_ == JsonTarget::kJson) return JsonValue::Number(std::string(lexeme));
    DB9_ASSIGN_OR_RETURN(Numeric num, Numeric::Parse(lexeme));
    return JsonValue::Number(num.ToString());
  }
  static bool IsDelimiterStart(char c) {
    return IsSpace(c) || c == ',' || c == ':' || c == ']' || c == '}' || c == '[' || c == '{' ||
           c == '"';
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // REQUIRES: s_[pos_] == '"'. Returns the de-escaped contents.
  Result<std::string> ParseString() {
    ++pos_;
    std::string out;
    int high_surrogate = -1;
    while (true) {
      if (AtEnd()) return Syntax("The input string ended unexpectedly.");
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        if (high_surrogate != -1) {
          return Syntax("Unicode low surrogate must follow a high surrogate.");
        }
        ++pos_;
        return out;
      }
      if (c < 0x20) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "Character with value 0x%02x must be escaped.", c);
        return Syntax(buf);
      }
      if (c != '\\') {
        if (high_surrogate != -1) {
          return Syntax("Unicode low surrogate must follow a high surrogate.");
        }
        out.push_back(static_cast<char>(c));
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= s_.size()) return Syntax("The input string ended unexpectedly.");
      char e = s_[pos_ + 1];
      if (e != 'u' && high_surrogate != -1) {
        return Syntax("Unicode low surrogate must follow a high surrogate.");
      }
      pos_ += 2;
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          uint32_t cp = 0;
          for (int i = 0; i < 4; ++i) {
            int h = pos_ + i < s_.size() ? Hex(s_[pos_ + i]) : -1;
            if (h < 0) return Syntax("\"\\u\" must be followed by four hexadecimal digits.");
            cp = cp * 16 + static_cast<uint32_t>(h);
          }
          pos_ += 4;
          DB9_RETURN_IF_ERROR(AddCodePoint(cp, &high_surrogate, &out));
          break;
        }
        default: {
          // PostgreSQL names the escape and the character after the backslash.
          std::string esc(1, e);
          return Syntax("Escape sequence \"\\" + esc + "\" is invalid.");
        }
      }
    }
  }

  Status AddCodePoint(uint32_t cp, int* high_surrogate, std::string* out) {
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (*high_surrogate != -1) {
        return Syntax("Unicode high surrogate must not follow a high surrogate.");
      }
      *high_surrogate = static_cast<int>(cp);
      return Status::OK();
    }
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      if (*high_surrogate == -1) {
        return Syntax("Unicode low surrogate must follow a high surrogate.");
      }
      cp = 0x10000 + ((static_cast<uint32_t>(*high_surrogate) - 0xD800) << 10) + (cp - 0xDC00);
      *high_surrogate = -1;
    } else if (*high_surrogate != -1) {
      return Syntax("Unicode low surrogate must follow a high surrogate.");
    }
    if (cp == 0 && target_ == JsonTarget::kJsonb) {
      return Status::Error("22P05", "unsupported Unicode escape sequence")
          .WithDetail("\\u0000 cannot be converted to text.");
    }
    AppendUtf8(cp, out);
    return Status::OK();
  }

  std::string_view s_;
  JsonTarget target_;
  size_t pos_ = 0;
};

}  // namespace

Result<JsonValue> ParseJson(std::string_view text, JsonTarget target) {
  return Parser(text, target).Document();
}

Status ValidateJson(std::string_view text) {
  Result<JsonValue> v = ParseJson(text, JsonTarget::kJson);
  return v.ok() ? Status::OK() : v.status();
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

std::string QuoteJsonString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonString(s, &out);
  return out;
}

}  // namespace db9::types
