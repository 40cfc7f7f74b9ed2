// Array functions and operators: array_length/upper/lower/ndims,
// cardinality, array_to_string, string_to_array, array_append/prepend/cat,
// array_position and the || operators on arrays.
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "daemon/types/array_value.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;
using types::ArrayValue;

constexpr Oid kArr = oid::kAnyArray, kElem = oid::kAnyElement, kI4 = oid::kInt4, kT = oid::kText;

// The dimension `dim` (1-based) of the array, or nullopt (NULL result).
ScalarImpl DimInfo(int32_t (*pick)(const ArrayValue&, size_t)) {
  return [pick](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(ArrayValue arr, types::DecodeArray(a[0].as_string()));
    int64_t dim = a[1].as_int();
    if (dim < 1 || dim > static_cast<int64_t>(arr.dims.size())) return Value::Null(kI4);
    return Value::Int4(pick(arr, static_cast<size_t>(dim - 1)));
  };
}

Status ArrayTooLarge() {
  return Status::Error(sqlstate::kProgramLimitExceeded, "array size exceeds the maximum allowed");
}

Result<ArrayValue> OneDimOrEmpty(const Value& v, const char* what) {
  DB9_ASSIGN_OR_RETURN(ArrayValue arr, types::DecodeArray(v.as_string()));
  if (arr.dims.size() > 1) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         std::string(what) + " of multidimensional arrays is not supported");
  }
  return arr;
}

Result<Value> Append(FunctionContext& ctx, const Value& array, const Value& elem, bool at_end) {
  Oid elem_type = ctx.types().Find(ctx.result_type)->element_oid;
  ArrayValue arr;
  if (array.is_null()) {
    arr.element_type = elem_type;
  } else {
    DB9_ASSIGN_OR_RETURN(arr, OneDimOrEmpty(array, "appending to"));
  }
  Value item = elem.is_null() ? Value::Null(elem_type) : elem;
  if (at_end) {
    arr.items.push_back(item);
  } else {
    arr.items.insert(arr.items.begin(), item);
  }
  if (arr.items.size() > (1u << 27)) return ArrayTooLarge();
  // The lower bound stays (prepending to {1,2} gives {0,1,2} at 1).
  int32_t lb = arr.lbounds.empty() ? 1 : arr.lbounds[0];
  arr.dims = {static_cast<int32_t>(arr.items.size())};
  arr.lbounds = {lb};
  return types::MakeArrayValue(ctx.result_type, arr);
}

Result<Value> Concat(FunctionContext& ctx, Args a) {
  if (a[0].is_null()) return a[1].is_null() ? Value::Null(ctx.result_type) : a[1];
  if (a[1].is_null()) return a[0];
  DB9_ASSIGN_OR_RETURN(ArrayValue x, OneDimOrEmpty(a[0], "concatenating"));
  DB9_ASSIGN_OR_RETURN(ArrayValue y, OneDimOrEmpty(a[1], "concatenating"));
  if (x.items.empty()) return a[1];
  for (Value& v : y.items) x.items.push_back(std::move(v));
  x.dims = {static_cast<int32_t>(x.items.size())};
  return types::MakeArrayValue(ctx.result_type, x);
}

Result<Value> ArrayToString(FunctionContext& ctx, Args a) {
  if (a[0].is_null() || a[1].is_null()) return Value::Null(kT);
  DB9_ASSIGN_OR_RETURN(ArrayValue arr, types::DecodeArray(a[0].as_string()));
  const types::TypeInfo* et = ctx.types().Find(arr.element_type);
  std::string out;
  bool first = true;
  for (const Value& item : arr.items) {
    std::string piece;
    if (item.is_null()) {
      if (a.size() < 3 || a[2].is_null()) continue;
      piece = a[2].as_string();
    } else {
      DB9_ASSIGN_OR_RETURN(piece, et->output(*et, item, *ctx.io));
    }
    if (!first) out += a[1].as_string();
    out += piece;
    first = false;
  }
  return Value::Text(std::move(out));
}

Result<Value> StringToArray(FunctionContext&, Args a) {
  if (a[0].is_null()) return Value::Null(oid::kTextArray);
  const std::string& s = a[0].as_string();
  std::vector<Value> items;
  auto push = [&](std::string piece) {
    if (a.size() > 2 && !a[2].is_null() && piece == a[2].as_string()) {
      items.push_back(Value::Null(kT));
    } else {
      items.push_back(Value::Text(std::move(piece)));
    }
  };
  if (!s.empty()) {
    if (a[1].is_null()) {  // NULL delimiter: one element per character
      for (size_t i = 0; i < s.size();) {
        size_t n = 1;
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
        push(s.substr(i, n));
        i += n;
      }
    } else if (a[1].as_string().empty()) {
      push(s);
    } else {
      const std::string& d = a[1].as_string();
      size_t pos = 0;
      for (size_t at; (at = s.find(d, pos)) != std::string::npos; pos = at + d.size()) {
        push(s.substr(pos, at - pos));
      }
      push(s.substr(pos));
    }
  }
  return types::MakeArrayValue(oid::kTextArray, ArrayValue::OneDim(kT, std::move(items)));
}

Result<Value> ArrayPosition(FunctionContext& ctx, Args a) {
  if (a[0].is_null()) return Value::Null(kI4);
  DB9_ASSIGN_OR_RETURN(ArrayValue arr, OneDimOrEmpty(a[0], "searching for elements in"));
  const types::TypeInfo* et = ctx.types().Find(arr.element_type);
  int32_t lb = arr.lbounds.empty() ? 1 : arr.lbounds[0];
  for (size_t i = 0; i < arr.items.size(); ++i) {
    const Value& item = arr.items[i];
    // IS NOT DISTINCT FROM semantics: NULL finds NULL.
    bool match = item.is_null() ? a[1].is_null()
                                : !a[1].is_null() && et->compare != nullptr &&
                                      et->compare(*et, item, a[1]) == 0;
    if (match) return Value::Int4(lb + static_cast<int32_t>(i));
  }
  return Value::Null(kI4);
}

}  // namespace

Status RegisterArrayFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_length", {kArr, kI4}, kI4,
                                  DimInfo([](const ArrayValue& a, size_t d) { return a.dims[d]; })));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_lower", {kArr, kI4}, kI4,
                                  DimInfo([](const ArrayValue& a, size_t d) { return a.lbounds[d]; })));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_upper", {kArr, kI4}, kI4, DimInfo([](const ArrayValue& a, size_t d) {
                                    return a.lbounds[d] + a.dims[d] - 1;
                                  })));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_ndims", {kArr}, kI4, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(ArrayValue arr, types::DecodeArray(a[0].as_string()));
    if (arr.dims.empty()) return Value::Null(kI4);
    return Value::Int4(static_cast<int64_t>(arr.dims.size()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "cardinality", {kArr}, kI4, [](FunctionContext&, Args a) -> Result<Value> {
    DB9_ASSIGN_OR_RETURN(ArrayValue arr, types::DecodeArray(a[0].as_string()));
    return Value::Int4(static_cast<int64_t>(arr.items.size()));
  }));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_to_string", {kArr, kT}, kT, ArrayToString, Volatility::kStable, false));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_to_string", {kArr, kT, kT}, kT, ArrayToString, Volatility::kStable, false));
  DB9_RETURN_IF_ERROR(AddFunction(r, "string_to_array", {kT, kT}, oid::kTextArray, StringToArray, Volatility::kImmutable, false));
  DB9_RETURN_IF_ERROR(AddFunction(r, "string_to_array", {kT, kT, kT}, oid::kTextArray, StringToArray, Volatility::kImmutable, false));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_append", {kArr, kElem}, kArr, [](FunctionContext& ctx, Args a) {
    return Append(ctx, a[0], a[1], true);
  }, Volatility::kImmutable, false));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_prepend", {kElem, kArr}, kArr, [](FunctionContext& ctx, Args a) {
    return Append(ctx, a[1], a[0], false);
  }, Volatility::kImmutable, false));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_cat", {kArr, kArr}, kArr, Concat, Volatility::kImmutable, false));
  DB9_RETURN_IF_ERROR(AddFunction(r, "array_position", {kArr, kElem}, kI4, ArrayPosition, Volatility::kImmutable, false));
  // || on arrays; not strict: NULL arrays act as empty, as in PostgreSQL.
  OperatorInfo cat;
  cat.name = "||";
  cat.left = kArr;
  cat.right = kArr;
  cat.result = kArr;
  cat.strict = false;
  cat.impl = Concat;
  DB9_RETURN_IF_ERROR(r.operators.Register(cat));
  OperatorInfo append = cat;
  append.right = kElem;
  append.impl = [](FunctionContext& ctx, Args a) { return Append(ctx, a[0], a[1], true); };
  DB9_RETURN_IF_ERROR(r.operators.Register(append));
  OperatorInfo prepend = cat;
  prepend.left = kElem;
  prepend.impl = [](FunctionContext& ctx, Args a) { return Append(ctx, a[1], a[0], false); };
  return r.operators.Register(prepend);
}

}  // namespace db9::functions
