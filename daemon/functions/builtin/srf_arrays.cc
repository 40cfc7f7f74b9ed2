// Set-returning array functions: unnest(anyarray) and generate_subscripts.
// int2vector and oidvector reach these through anyarray (their element type
// binds anyelement), which is how pg_index.indkey is unnested by clients.
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/types/array_value.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

// unnest: every element in storage (row-major) order, any dimensions.
class ElementIterator final : public SetIterator {
 public:
  ElementIterator(types::ArrayValue array, Oid element_type)
      : array_(std::move(array)), element_type_(element_type) {}
  Result<bool> Next(FunctionContext&, std::vector<Value>* row) override {
    if (next_ >= array_.items.size()) return false;
    const Value& item = array_.items[next_++];
    // Element payloads are stored untyped; give them the element type.
    *row = {item.is_null() ? Value::Null(element_type_) : item.Relabel(element_type_)};
    return true;
  }

 private:
  types::ArrayValue array_;
  Oid element_type_;
  size_t next_ = 0;
};

Result<std::unique_ptr<SetIterator>> Unnest(FunctionContext& ctx, Args a) {
  DB9_ASSIGN_OR_RETURN(types::ArrayValue array, types::DecodeArray(a[0].as_string()));
  Oid element = ctx.result_type != oid::kInvalid ? ctx.result_type : array.element_type;
  return std::unique_ptr<SetIterator>(std::make_unique<ElementIterator>(std::move(array), element));
}

class SubscriptIterator final : public SetIterator {
 public:
  SubscriptIterator(int64_t low, int64_t high, bool reverse)
      : current_(reverse ? high : low), end_(reverse ? low : high), step_(reverse ? -1 : 1) {}
  Result<bool> Next(FunctionContext&, std::vector<Value>* row) override {
    if (step_ > 0 ? current_ > end_ : current_ < end_) return false;
    *row = {Value::Int4(current_)};
    current_ += step_;
    return true;
  }

 private:
  int64_t current_, end_, step_;
};

// generate_subscripts(array, dim [, reverse]): the subscripts of dimension
// `dim`; no rows when the array lacks that dimension.
Result<std::unique_ptr<SetIterator>> GenerateSubscripts(FunctionContext&, Args a) {
  DB9_ASSIGN_OR_RETURN(types::ArrayValue array, types::DecodeArray(a[0].as_string()));
  int64_t dim = a[1].as_int();
  bool reverse = a.size() > 2 && a[2].as_bool();
  if (dim < 1 || dim > static_cast<int64_t>(array.dims.size())) return MakeRowsIterator({});
  int64_t low = array.lbounds[dim - 1];
  int64_t high = low + array.dims[dim - 1] - 1;
  return std::unique_ptr<SetIterator>(std::make_unique<SubscriptIterator>(low, high, reverse));
}

Status AddSetFunction(Registries& r, std::string name, std::vector<Oid> args, Oid ret,
                      SetReturningImpl impl) {
  FunctionInfo f;
  f.name = std::move(name);
  f.arg_types = std::move(args);
  f.return_type = ret;
  f.set_impl = std::move(impl);
  return r.functions.Register(std::move(f));
}

}  // namespace

Status RegisterArraySetFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(AddSetFunction(r, "unnest", {oid::kAnyArray}, oid::kAnyElement, Unnest));
  DB9_RETURN_IF_ERROR(AddSetFunction(r, "generate_subscripts", {oid::kAnyArray, oid::kInt4},
                                     oid::kInt4, GenerateSubscripts));
  DB9_RETURN_IF_ERROR(AddSetFunction(r, "generate_subscripts",
                                     {oid::kAnyArray, oid::kInt4, oid::kBool}, oid::kInt4,
                                     GenerateSubscripts));
  return Status::OK();
}

}  // namespace db9::functions
