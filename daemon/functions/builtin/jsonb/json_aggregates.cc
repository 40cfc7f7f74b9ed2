// json_agg / jsonb_agg (every row, NULLs as json null) and
// json_object_agg / jsonb_object_agg (key, value pairs). No rows: NULL.
// json keeps PostgreSQL's text spelling: `[1, 2]`, `{ "a" : 1, "b" : 2 }`.
#include "daemon/functions/builtin/jsonb/json_args.h"
#include "daemon/functions/builtin/jsonb/json_module.h"
#include "daemon/types/json_text.h"

namespace db9::functions::json {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

class JsonbAggState : public AggregateState {
 public:
  explicit JsonbAggState(bool object) : object_(object) {
    doc_ = object ? JsonValue::Object() : JsonValue::Array();
  }
  Status Add(FunctionContext& ctx, Args a) override {
    seen_ = true;
    if (object_) {
      DB9_ASSIGN_OR_RETURN(std::string key, KeyText(ctx, a[0], ArgType(ctx, a, 0), 0));
      DB9_ASSIGN_OR_RETURN(JsonValue v, ToJsonb(ctx, a[1], ArgType(ctx, a, 1)));
      doc_.members.emplace_back(std::move(key), std::move(v));
    } else {
      DB9_ASSIGN_OR_RETURN(JsonValue v, ToJsonb(ctx, a[0], ArgType(ctx, a, 0)));
      doc_.elements.push_back(std::move(v));
    }
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (!seen_) return Value::Null(oid::kJsonb);
    return JsonbResult(std::move(doc_));
  }

 private:
  bool object_;
  bool seen_ = false;
  JsonValue doc_;
};

class JsonAggState : public AggregateState {
 public:
  explicit JsonAggState(bool object) : object_(object) {}
  Status Add(FunctionContext& ctx, Args a) override {
    out_ += out_.empty() ? (object_ ? "{ " : "[") : ", ";
    if (object_) {
      DB9_ASSIGN_OR_RETURN(std::string key, KeyText(ctx, a[0], ArgType(ctx, a, 0), 0));
      types::AppendJsonString(key, &out_);
      out_ += " : ";
    }
    DB9_ASSIGN_OR_RETURN(std::string v,
                         ToJsonText(ctx, a[object_ ? 1 : 0], ArgType(ctx, a, object_ ? 1 : 0)));
    out_ += v;
    return Status::OK();
  }
  Result<Value> Finish(FunctionContext&) override {
    if (out_.empty()) return Value::Null(oid::kJson);
    return Value::OfString(oid::kJson, out_ + (object_ ? " }" : "]"));
  }

 private:
  bool object_;
  std::string out_;
};

Status Add(Registries& r, const char* name, std::vector<Oid> args, Oid result, bool object) {
  AggregateInfo info;
  info.name = name;
  info.arg_types = std::move(args);
  info.return_type = result;
  bool is_json = result == oid::kJson;
  info.create = [is_json, object](FunctionContext&) -> std::unique_ptr<AggregateState> {
    if (is_json) return std::make_unique<JsonAggState>(object);
    return std::make_unique<JsonbAggState>(object);
  };
  return r.aggregates.Register(std::move(info));
}

}  // namespace

Status RegisterJsonAggregates(Registries& r) {
  DB9_RETURN_IF_ERROR(Add(r, "jsonb_agg", {oid::kAnyElement}, oid::kJsonb, false));
  DB9_RETURN_IF_ERROR(Add(r, "json_agg", {oid::kAnyElement}, oid::kJson, false));
  DB9_RETURN_IF_ERROR(Add(r, "jsonb_object_agg", {oid::kAny, oid::kAny}, oid::kJsonb, true));
  return Add(r, "json_object_agg", {oid::kAny, oid::kAny}, oid::kJson, true);
}

}  // namespace db9::functions::json
