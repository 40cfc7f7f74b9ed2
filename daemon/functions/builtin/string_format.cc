// concat, concat_ws, format (%s %I %L), quote_ident, quote_literal and the
// text concatenation operator ||. These print arguments of any type with
// the type's output function, as PostgreSQL does.
#include <algorithm>
#include <climits>
#include <cstdlib>

#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/text_case.h"
#include "shared/base/sql_identifier.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Result<std::string> AsText(FunctionContext& ctx, const Value& v) {
  return types::FormatText(ctx.types(), v, *ctx.io);
}

}  // namespace

std::string QuoteLiteral(const std::string& s) {
  bool backslash = s.find('\\') != std::string::npos;
  std::string out = backslash ? "E'" : "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back(c);
    out.push_back(c);
  }
  return out + "'";
}

namespace {

Status FormatError(std::string message) {
  return Status::Error(sqlstate::kInvalidParameterValue, std::move(message));
}

// Digits at fmt[*i] as a number (advancing *i); -1 when there are none.
int64_t ParseDigits(const std::string& fmt, size_t* i) {
  if (*i >= fmt.size() || fmt[*i] < '0' || fmt[*i] > '9') return -1;
  int64_t n = 0;
  while (*i < fmt.size() && fmt[*i] >= '0' && fmt[*i] <= '9') {
    n = std::min<int64_t>(n * 10 + (fmt[(*i)++] - '0'), INT32_MAX);
  }
  return n;
}

// One conversion's "n$" position, "-" flag and width ("*" or "*n$" reads
// it from an argument), as PostgreSQL's format() accepts them.
struct FormatSpec {
  size_t arg = 0;         // 0: the next argument
  bool left = false;      // "-": pad on the right
  int64_t width = -1;     // -1: no width
  size_t width_arg = 0;   // "*": the argument holding the width (0: none)
  bool width_from_arg = false;
  char type = 0;
};

Result<FormatSpec> ParseSpec(const std::string& fmt, size_t* i) {
  FormatSpec spec;
  auto need_more = [&]() -> Status {
    if (*i >= fmt.size()) return FormatError("unterminated format() type specifier");
    return Status::OK();
  };
  int64_t n = ParseDigits(fmt, i);
  DB9_RETURN_IF_ERROR(need_more());
  if (n >= 0 && fmt[*i] == '$') {
    if (n == 0) return FormatError("format specifies argument 0, but arguments are numbered from 1");
    spec.arg = static_cast<size_t>(n);
    ++*i;
    n = -1;
  }
  if (n >= 0) {
    spec.width = n;  // digits without "$" are the width
  } else {
    for (; *i < fmt.size() && fmt[*i] == '-'; ++*i) spec.left = true;
    DB9_RETURN_IF_ERROR(need_more());
    if (fmt[*i] == '*') {
      ++*i;
      spec.width_from_arg = true;
      int64_t wpos = ParseDigits(fmt, i);
      DB9_RETURN_IF_ERROR(need_more());
      if (wpos >= 0) {
        if (fmt[*i] != '$') return FormatError("width argument position must be ended by \"$\"");
        if (wpos == 0) {
          return FormatError("format specifies argument 0, but arguments are numbered from 1");
        }
        spec.width_arg = static_cast<size_t>(wpos);
        ++*i;
      }
    } else {
      spec.width = ParseDigits(fmt, i);
    }
  }
  DB9_RETURN_IF_ERROR(need_more());
  spec.type = fmt[*i];
  if (spec.type != 's' && spec.type != 'I' && spec.type != 'L') {
    return FormatError(std::string("unrecognized format() type specifier \"") + spec.type + "\"")
        .WithHint("For a single \"%\" use \"%%\".");
  }
  return spec;
}

// Pads to `width` characters (UTF-8 code points, not bytes).
void AppendPadded(std::string* out, const std::string& s, int64_t width, bool left) {
  int64_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  std::string pad(width > chars ? static_cast<size_t>(width - chars) : 0, ' ');
  *out += left ? s + pad : pad + s;
}

// The width from its argument: NULL is no width, negative means "-".
Status ReadWidth(FunctionContext& ctx, const Value& v, FormatSpec* spec) {
  if (v.is_null()) {
    spec->width = -1;
    return Status::OK();
  }
  DB9_ASSIGN_OR_RETURN(std::string text, AsText(ctx, v));
  char* end = nullptr;
  long long w = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || w < INT32_MIN || w > INT32_MAX) {
    return Status::Error(sqlstate::kInvalidTextRepresentation,
                         "invalid input syntax for type integer: \"" + text + "\"");
  }
  if (w < 0) {
    spec->left = true;
    w = w == INT32_MIN ? INT32_MAX : -w;
  }
  spec->width = w;
  return Status::OK();
}

Result<Value> Format(FunctionContext& ctx, Args a) {
  if (a[0].is_null()) return Value::Null(oid::kText);
  const std::string& fmt = a[0].as_string();
  std::string out;
  size_t next_arg = 1;
  auto too_few = [] { return FormatError("too few arguments for format()"); };
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out.push_back(fmt[i]);
      continue;
    }
    if (++i >= fmt.size()) {
      return FormatError("unterminated format() type specifier")
          .WithHint("For a single \"%\" use \"%%\".");
    }
    if (fmt[i] == '%') {
      out.push_back('%');
      continue;
    }
    DB9_ASSIGN_OR_RETURN(FormatSpec spec, ParseSpec(fmt, &i));
    if (spec.width_from_arg) {
      size_t w = spec.width_arg != 0 ? spec.width_arg : next_arg;
      if (w >= a.size()) return too_few();
      DB9_RETURN_IF_ERROR(ReadWidth(ctx, a[w], &spec));
      next_arg = w + 1;
    }
    size_t arg = spec.arg != 0 ? spec.arg : next_arg;
    if (arg >= a.size()) return too_few();
    next_arg = arg + 1;
    const Value& v = a[arg];
    std::string s;
    if (v.is_null()) {
      if (spec.type == 'I') {
        return Status::Error(sqlstate::kNullValueNotAllowed,
                             "null values cannot be formatted as an SQL identifier");
      }
      if (spec.type == 'L') s = "NULL";
    } else {
      DB9_ASSIGN_OR_RETURN(std::string text, AsText(ctx, v));
      s = spec.type == 's' ? text : (spec.type == 'I' ? QuoteIdentifierIfNeeded(text) : QuoteLiteral(text));
    }
    AppendPadded(&out, s, spec.width, spec.left);
  }
  return Value::Text(std::move(out));
}

}  // namespace

Status RegisterStringFormatting(Registries& r) {
  const Oid t = oid::kText;
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "concat", {oid::kAny}, t,
      [](FunctionContext& ctx, Args a) -> Result<Value> {
        std::string out;
        for (const Value& v : a) {
          if (v.is_null()) continue;
          DB9_ASSIGN_OR_RETURN(std::string s, AsText(ctx, v));
          out += s;
        }
        return Value::Text(std::move(out));
      },
      Volatility::kStable, /*strict=*/false, /*variadic=*/true));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "concat_ws", {t, oid::kAny}, t,
      [](FunctionContext& ctx, Args a) -> Result<Value> {
        if (a[0].is_null()) return Value::Null(oid::kText);
        std::string out;
        bool first = true;
        for (size_t i = 1; i < a.size(); ++i) {
          if (a[i].is_null()) continue;
          DB9_ASSIGN_OR_RETURN(std::string s, AsText(ctx, a[i]));
          if (!first) out += a[0].as_string();
          out += s;
          first = false;
        }
        return Value::Text(std::move(out));
      },
      Volatility::kStable, false, true));
  DB9_RETURN_IF_ERROR(AddFunction(r, "format", {t}, t, Format, Volatility::kStable, false));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "format", {t, oid::kAny}, t, Format, Volatility::kStable, false, true));
  DB9_RETURN_IF_ERROR(AddFunction(r, "quote_ident", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Text(QuoteIdentifierIfNeeded(a[0].as_string()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "quote_literal", {t}, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Text(QuoteLiteral(a[0].as_string()));
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "||", t, t, t, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::Text(a[0].as_string() + a[1].as_string());
  }));
  // text || anynonarray and the reverse print the other side as text.
  DB9_RETURN_IF_ERROR(AddOperator(r, "||", t, oid::kAnyNonArray, t, [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(std::string s, AsText(ctx, a[1]));
    return Value::Text(a[0].as_string() + s);
  }));
  DB9_RETURN_IF_ERROR(AddOperator(r, "||", oid::kAnyNonArray, t, t, [](FunctionContext& ctx, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(std::string s, AsText(ctx, a[0]));
    return Value::Text(s + a[1].as_string());
  }));
  return AddOperator(r, "||", oid::kBytea, oid::kBytea, oid::kBytea, [](FunctionContext&, Args a) -> Result<Value> {
    return Value::OfString(oid::kBytea, a[0].as_string() + a[1].as_string());
  });
}

}  // namespace db9::functions
