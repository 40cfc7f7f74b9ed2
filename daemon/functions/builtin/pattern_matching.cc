// LIKE / ILIKE (operators ~~ ~~* !~~ !~~*, with like_escape for the
// ESCAPE clause) and POSIX-style regular expressions (~ ~* !~ !~*,
// regexp_replace, regexp_match, substring(text FROM pattern) via std::regex's
// ECMAScript grammar, which agrees with PostgreSQL's AREs on common patterns).
#include <regex>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/text_case.h"
#include "daemon/types/array_value.h"
#include "daemon/types/text_util.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Status EndsWithEscape() {
  return Status::Error(sqlstate::kInvalidEscapeSequence,
                       "LIKE pattern must not end with escape character");
}

size_t CharLen(std::string_view s, size_t i) {
  return std::min(types::Utf8CharLen(static_cast<unsigned char>(s[i])), s.size() - i);
}

// Backtracking matcher over UTF-8 characters; '\' escapes the next char.
Result<bool> LikeMatch(std::string_view s, std::string_view p) {
  size_t si = 0, pi = 0;
  size_t star_p = std::string_view::npos, star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '%') {
      star_p = ++pi;
      star_s = si;
      continue;
    }
    if (pi < p.size()) {
      size_t plen;
      bool literal = true;
      std::string_view pc;
      if (p[pi] == '\\') {
        if (pi + 1 >= p.size()) return EndsWithEscape();
        plen = 1 + CharLen(p, pi + 1);
        pc = p.substr(pi + 1, plen - 1);
      } else {
        plen = CharLen(p, pi);
        pc = p.substr(pi, plen);
        literal = p[pi] != '_';
      }
      size_t slen = CharLen(s, si);
      if (!literal || s.substr(si, slen) == pc) {
        si += slen;
        pi += plen;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    star_s += CharLen(s, star_s);
    si = star_s;
    pi = star_p;
  }
  while (pi < p.size() && p[pi] == '%') ++pi;
  if (pi < p.size() && p[pi] == '\\' && pi + 1 >= p.size()) return EndsWithEscape();
  return pi == p.size();
}

ScalarImpl Like(bool icase, bool negate) {
  return [icase, negate](FunctionContext&, Args a) -> Result<Value> {
    std::string s = a[0].as_string(), p = a[1].as_string();
    if (icase) {
      s = ToLowerUtf8(s);
      p = ToLowerUtf8(p);
    }
    DB9_ASSIGN_OR_RETURN(bool m, LikeMatch(s, p));
    return Value::Bool(m != negate);
  };
}

// Rewrites a pattern with a custom escape character to backslash escapes.
Result<Value> LikeEscape(FunctionContext&, Args a) {
  const std::string& p = a[0].as_string();
  const std::string& esc = a[1].as_string();
  if (!esc.empty() && types::Utf8Length(esc) != 1) {
    return Status::Error(sqlstate::kInvalidEscapeSequence, "invalid escape string")
        .WithHint("Escape string must be empty or one character.");
  }
  std::string out;
  for (size_t i = 0; i < p.size();) {
    size_t n = CharLen(p, i);
    std::string_view c = std::string_view(p).substr(i, n);
    if (esc.empty()) {
      if (c == "\\") out += "\\";  // no escape at all: backslash is literal
      out += c;
    } else if (c == esc) {
      if (i + n >= p.size()) return EndsWithEscape();
      size_t m = CharLen(p, i + n);
      out += "\\";
      out += p.substr(i + n, m);
      i += n + m;
      continue;
    } else if (c == "\\") {
      out += "\\\\";
    } else {
      out += c;
    }
    i += n;
  }
  return Value::Text(std::move(out));
}

// libstdc++'s default (backtracking) matcher recurses once per input
// character and overflows the thread's stack on long subjects (a 30000
// character string against '.*c' crashed the daemon). Patterns compile for
// the Thompson-NFA matcher (__polynomial), whose recursion is bounded by the
// pattern; only back-references need backtracking, and then the subject's
// length is capped instead of risking the stack.
constexpr size_t kMaxBacktrackingSubject = 2000;

struct CompiledRegex {
  std::regex re;
  bool backtracking = false;

  Status CheckSubject(const std::string& subject) const {
    if (!backtracking || subject.size() <= kMaxBacktrackingSubject) return Status::OK();
    return Status::Error(sqlstate::kProgramLimitExceeded,
                         "regular expression with back-references is too complex for a subject of " +
                             std::to_string(subject.size()) + " bytes")
        .WithHint("Back-references work on subjects up to " +
                  std::to_string(kMaxBacktrackingSubject) + " bytes.");
  }
};

// The regex compiler recurses once per nesting level: 100000 '(' crashed
// it. Deeper nesting than any real pattern uses is refused up front.
constexpr int kMaxRegexNesting = 1000;

Status CheckNesting(const std::string& pattern) {
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character never opens or closes anything
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(' && ++depth > kMaxRegexNesting) {
      return Status::Error("2201B", "invalid regular expression: regular expression is too complex")
          .WithDetail("Parentheses are nested more than " + std::to_string(kMaxRegexNesting) +
                      " deep.");
    } else if (c == ')' && depth > 0) {
      --depth;
    }
  }
  return Status::OK();
}

Result<CompiledRegex> Compile(const std::string& pattern, bool icase) {
  DB9_RETURN_IF_ERROR(CheckNesting(pattern));
  auto flags = std::regex::ECMAScript;
  if (icase) flags |= std::regex::icase;
  try {
    return CompiledRegex{std::regex(pattern, flags | std::regex_constants::__polynomial), false};
  } catch (const std::regex_error& e) {
    if (e.code() != std::regex_constants::error_complexity) {
      return Status::Error("2201B", std::string("invalid regular expression: ") + e.what());
    }
  }
  try {
    return CompiledRegex{std::regex(pattern, flags), true};  // back-references
  } catch (const std::regex_error& e) {
    return Status::Error("2201B", std::string("invalid regular expression: ") + e.what());
  }
}

// Whether `pattern` matches anywhere in `subject`. regex_search restarts
// the NFA at every position (quadratic: 20000 characters against '.*c' took
// 20 s); one anchored pass over a lazy any-prefix finds the same answer in
// linear time. The pattern is compiled alone first so that the wrapping
// cannot turn an unbalanced pattern ("a)|(b") into a valid one.
Result<bool> MatchesAnywhere(const std::string& subject, const std::string& pattern, bool icase) {
  DB9_ASSIGN_OR_RETURN(CompiledRegex alone, Compile(pattern, icase));
  DB9_RETURN_IF_ERROR(alone.CheckSubject(subject));
  if (alone.backtracking) return std::regex_search(subject, alone.re);
  DB9_ASSIGN_OR_RETURN(CompiledRegex wrapped, Compile("^[\\s\\S]*?(?:" + pattern + ")", icase));
  return std::regex_search(subject, wrapped.re, std::regex_constants::match_continuous);
}

ScalarImpl RegexMatch(bool icase, bool negate) {
  return [icase, negate](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(bool found, MatchesAnywhere(a[0].as_string(), a[1].as_string(), icase));
    return Value::Bool(found != negate);
  };
}

// PostgreSQL replacement syntax (\1, \&) to ECMAScript's ($1, $&).
std::string ConvertReplacement(const std::string& r) {
  std::string out;
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i] == '\\' && i + 1 < r.size()) {
      char n = r[i + 1];
      if (n >= '1' && n <= '9') {
        out += '$';
        out += n;
      } else if (n == '&') {
        out += "$&";
      } else {
        out += n;
      }
      ++i;
    } else if (r[i] == '$') {
      out += "$$";
    } else {
      out += r[i];
    }
  }
  return out;
}

Result<Value> RegexpReplace(FunctionContext&, Args a) {
  std::string flags = a.size() > 3 ? a[3].as_string() : "";
  bool global = false, icase = false;
  for (char f : flags) {
    if (f == 'g') global = true;
    else if (f == 'i') icase = true;
    else if (f != 'c') {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           std::string("invalid regular expression option: \"") + f + "\"");
    }
  }
  DB9_ASSIGN_OR_RETURN(CompiledRegex c, Compile(a[1].as_string(), icase));
  DB9_RETURN_IF_ERROR(c.CheckSubject(a[0].as_string()));
  auto mode = global ? std::regex_constants::format_default : std::regex_constants::format_first_only;
  return Value::Text(std::regex_replace(a[0].as_string(), c.re, ConvertReplacement(a[2].as_string()), mode));
}

Result<Value> RegexpMatch(FunctionContext&, Args a) {
  bool icase = a.size() > 2 && a[2].as_string().find('i') != std::string::npos;
  DB9_ASSIGN_OR_RETURN(CompiledRegex c, Compile(a[1].as_string(), icase));
  std::smatch m;
  const std::string& s = a[0].as_string();
  DB9_RETURN_IF_ERROR(c.CheckSubject(s));
  if (!std::regex_search(s, m, c.re)) return Value::Null(oid::kTextArray);
  std::vector<Value> items;
  if (m.size() == 1) {
    items.push_back(Value::Text(m[0].str()));
  } else {
    for (size_t i = 1; i < m.size(); ++i) {
      items.push_back(m[i].matched ? Value::Text(m[i].str()) : Value::Null(oid::kText));
    }
  }
  return types::MakeArrayValue(oid::kTextArray, types::ArrayValue::OneDim(oid::kText, std::move(items)));
}

// substring(text FROM pattern): the first parenthesized subexpression's
// match when the pattern has one (NULL if that group took no part), else the
// whole match; NULL when nothing matches. PostgreSQL's textregexsubstr.
Result<Value> RegexSubstring(FunctionContext&, Args a) {
  DB9_ASSIGN_OR_RETURN(CompiledRegex c, Compile(a[1].as_string(), false));
  const std::string& s = a[0].as_string();
  DB9_RETURN_IF_ERROR(c.CheckSubject(s));
  std::smatch m;
  if (!std::regex_search(s, m, c.re)) return Value::Null(oid::kText);
  const std::ssub_match& part = m.size() > 1 ? m[1] : m[0];
  if (!part.matched) return Value::Null(oid::kText);
  return Value::Text(part.str());
}

}  // namespace

Status RegisterPatternMatching(Registries& r) {
  const Oid t = oid::kText, b = oid::kBool;
  DB9_RETURN_IF_ERROR(AddOperator(r, "~~", t, t, b, Like(false, false)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "!~~", t, t, b, Like(false, true)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "~~*", t, t, b, Like(true, false)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "!~~*", t, t, b, Like(true, true)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "~", t, t, b, RegexMatch(false, false)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "!~", t, t, b, RegexMatch(false, true)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "~*", t, t, b, RegexMatch(true, false)));
  DB9_RETURN_IF_ERROR(AddOperator(r, "!~*", t, t, b, RegexMatch(true, true)));
  DB9_RETURN_IF_ERROR(AddFunction(r, "like_escape", {t, t}, t, LikeEscape));
  DB9_RETURN_IF_ERROR(AddFunction(r, "regexp_replace", {t, t, t}, t, RegexpReplace));
  DB9_RETURN_IF_ERROR(AddFunction(r, "regexp_replace", {t, t, t, t}, t, RegexpReplace));
  DB9_RETURN_IF_ERROR(AddFunction(r, "regexp_match", {t, t}, oid::kTextArray, RegexpMatch));
  DB9_RETURN_IF_ERROR(AddFunction(r, "substring", {t, t}, t, RegexSubstring));
  return AddFunction(r, "regexp_match", {t, t, t}, oid::kTextArray, RegexpMatch);
}

}  // namespace db9::functions
