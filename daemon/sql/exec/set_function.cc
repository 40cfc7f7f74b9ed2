#include "daemon/sql/exec/set_function.h"

namespace db9::sql {
namespace {

// The function context a call sees: the result type of its (first)
// column, which polymorphic functions such as unnest read.
functions::FunctionContext CallContext(const SetFunctionCall& call, ExecContext& ctx) {
  functions::FunctionContext fn = ctx.fn;
  fn.result_type = call.columns.size() == 1 ? call.columns[0].type : types::oid::kRecord;
  fn.result_typmod = -1;
  fn.arg_types = call.arg_types;
  fn.interrupt = &ctx;
  return fn;
}

}  // namespace

Result<std::unique_ptr<functions::SetIterator>> SetFunctionCall::Start(ExecContext& ctx,
                                                                       const Row& row) const {
  if (scalar != nullptr) {
    DB9_ASSIGN_OR_RETURN(Value v, scalar->Eval(ctx, row));
    std::vector<std::vector<Value>> rows;
    rows.push_back({std::move(v)});
    return functions::MakeRowsIterator(std::move(rows));
  }
  std::vector<Value> values;
  values.reserve(args.size());
  for (const ExprPtr& arg : args) {
    DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
    values.push_back(std::move(v));
  }
  functions::FunctionContext fn = CallContext(*this, ctx);
  return functions::CallSetFunction(*function, fn, values);
}

Result<bool> NextSetRow(const SetFunctionCall& call, functions::SetIterator& it, ExecContext& ctx,
                        Row* out) {
  functions::FunctionContext fn = CallContext(call, ctx);
  DB9_ASSIGN_OR_RETURN(bool more, it.Next(fn, out));
  if (more && out->size() != call.columns.size()) {
    return Status::Internal("set-returning function produced a row of the wrong width");
  }
  return more;
}

Status StartCalls(const std::vector<SetFunctionCall>& calls, ExecContext& ctx, const Row& row,
                  RunningCalls* running) {
  running->clear();
  for (const SetFunctionCall& call : calls) {
    DB9_ASSIGN_OR_RETURN(std::unique_ptr<functions::SetIterator> it, call.Start(ctx, row));
    running->push_back(std::move(it));
  }
  return Status::OK();
}

Result<bool> AdvanceCalls(const std::vector<SetFunctionCall>& calls, RunningCalls& running,
                          ExecContext& ctx, Row* out) {
  bool any = false;
  Row part;
  for (size_t i = 0; i < calls.size(); ++i) {
    bool more = false;
    if (running[i] != nullptr) {
      DB9_ASSIGN_OR_RETURN(more, NextSetRow(calls[i], *running[i], ctx, &part));
      if (!more) running[i].reset();
    }
    if (more) {
      any = true;
      for (Value& v : part) out->push_back(std::move(v));
    } else {
      for (const OutputColumn& c : calls[i].columns) out->push_back(Value::Null(c.type));
    }
  }
  return any;
}

}  // namespace db9::sql
