// concat, concat_ws, format (%s %I %L), quote_ident, quote_literal and the
// text concatenation operator ||. These print arguments of any type with
// the type's output function, as PostgreSQL does.
#include "daemon/functions/builtin/helpers.h"
#include "daemon/functions/builtin/text_case.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Result<std::string> AsText(FunctionContext& ctx, const Value& v) {
  return types::FormatText(ctx.types(), v, *ctx.io);
}

bool IsReservedWord(const std::string& s) {
  static const char* const kWords[] = {
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
      "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
      "current_date", "current_role", "current_time", "current_timestamp", "current_user",
      "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
      "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
      "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
      "returning", "select", "session_user", "some", "symmetric", "table", "then", "to",
      "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
      "window", "with"};
  for (const char* w : kWords) {
    if (s == w) return true;
  }
  return false;
}

}  // namespace

std::string QuoteIdent(const std::string& s) {
  bool safe = !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');
  for (char c : s) {
    safe &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }
  if (safe && !IsReservedWord(s)) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

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

Result<Value> Format(FunctionContext& ctx, Args a) {
  if (a[0].is_null()) return Value::Null(oid::kText);
  const std::string& fmt = a[0].as_string();
  std::string out;
  size_t next_arg = 1;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out.push_back(fmt[i]);
      continue;
    }
    if (++i >= fmt.size()) {
      return Status::Error(sqlstate::kInvalidParameterValue, "unterminated format() type specifier")
          .WithHint("For a single \"%\" use \"%%\".");
    }
    if (fmt[i] == '%') {
      out.push_back('%');
      continue;
    }
    // Optional argument position "n$".
    size_t j = i;
    size_t pos = 0;
    while (j < fmt.size() && fmt[j] >= '0' && fmt[j] <= '9') pos = pos * 10 + (fmt[j++] - '0');
    size_t arg = next_arg;
    if (j < fmt.size() && fmt[j] == '$' && j > i) {
      if (pos == 0) {
        return Status::Error(sqlstate::kInvalidParameterValue,
                             "format specifies argument 0, but arguments are numbered from 1");
      }
      arg = pos;
      i = j + 1;
    }
    if (i >= fmt.size()) {
      return Status::Error(sqlstate::kInvalidParameterValue, "unterminated format() type specifier");
    }
    char type = fmt[i];
    if (type != 's' && type != 'I' && type != 'L') {
      return Status::Error(sqlstate::kInvalidParameterValue,
                           std::string("unrecognized format() type specifier \"") + type + "\"")
          .WithHint("For a single \"%\" use \"%%\".");
    }
    if (arg >= a.size()) {
      return Status::Error(sqlstate::kInvalidParameterValue, "too few arguments for format()");
    }
    next_arg = arg + 1;
    const Value& v = a[arg];
    if (v.is_null()) {
      if (type == 'I') {
        return Status::Error(sqlstate::kNullValueNotAllowed,
                             "null values cannot be formatted as an SQL identifier");
      }
      if (type == 'L') out += "NULL";
      continue;
    }
    DB9_ASSIGN_OR_RETURN(std::string s, AsText(ctx, v));
    out += type == 's' ? s : (type == 'I' ? QuoteIdent(s) : QuoteLiteral(s));
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
    return Value::Text(QuoteIdent(a[0].as_string()));
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
