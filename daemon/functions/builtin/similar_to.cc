// similar_to_escape: turns an SQL SIMILAR TO pattern into the regular
// expression the ~ operator matches (the parser writes
// `a SIMILAR TO p` as `a ~ similar_to_escape(p)`), following PostgreSQL's
// similar_escape_internal.
#include <algorithm>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/text_util.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Status InvalidRegex(std::string message) { return Status::Error("2201B", std::move(message)); }

// The whole pattern must match: ^(?: ... )$. % is .*, _ is ., a bare ( opens
// a non-capturing group, regex metacharacters SQL treats literally are
// escaped, bracket expressions pass through, and escape-" splits the
// pattern into the parts substring(... SIMILAR ...) would return.
Result<std::string> SimilarToRegex(std::string_view p, std::string_view esc) {
  std::string out = "^(?:";
  bool after_escape = false, in_class = false;
  int quotes = 0;
  for (size_t i = 0; i < p.size();) {
    size_t n = std::min(types::Utf8CharLen(static_cast<unsigned char>(p[i])), p.size() - i);
    std::string_view c = p.substr(i, n);
    i += n;
    if (after_escape) {
      after_escape = false;
      if (c == "\"" && !in_class) {
        if (quotes >= 2) {
          return InvalidRegex(
              "SQL regular expression may not contain more than two escape-double-quote separators");
        }
        out += quotes++ == 0 ? "){1,1}?(" : "){1,1}(";
      } else {
        out += '\\';
        out += c;
      }
    } else if (!esc.empty() && c == esc) {
      after_escape = true;
    } else if (in_class) {
      if (c == "\\") out += '\\';
      out += c;
      if (c == "]") in_class = false;
    } else if (c == "[") {
      out += c;
      in_class = true;
    } else if (c == "%") {
      out += ".*";
    } else if (c == "_") {
      out += '.';
    } else if (c == "(") {
      out += "(?:";
    } else if (c == "\\" || c == "." || c == "^" || c == "$") {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  out += ")$";
  return out;
}

}  // namespace

Status RegisterSimilarTo(Registries& r) {
  const Oid t = oid::kText;
  DB9_RETURN_IF_ERROR(AddFunction(r, "similar_to_escape", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(std::string re, SimilarToRegex(a[0].as_string(), "\\"));
    return Value::Text(std::move(re));
  }));
  return AddFunction(r, "similar_to_escape", {t, t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    const std::string& esc = a[1].as_string();
    if (types::Utf8Length(esc) > 1) {
      return Status::Error(sqlstate::kInvalidEscapeSequence, "invalid escape string")
          .WithHint("Escape string must be empty or one character.");
    }
    DB9_ASSIGN_OR_RETURN(std::string re, SimilarToRegex(a[0].as_string(), esc));
    return Value::Text(std::move(re));
  });
}

}  // namespace db9::functions
