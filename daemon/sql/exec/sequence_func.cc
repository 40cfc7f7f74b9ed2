// nextval / currval / setval / lastval. Values come from the SequenceStore
// (non-transactional); currval/lastval read the session's memory of them.
#include <cctype>

#include "daemon/sql/exec/expr.h"

namespace db9::sql {
namespace {

// 'schema.name' or '"Mixed Case"' as regclass text input reads them.
void SplitQualifiedName(std::string_view text, std::string* schema, std::string* name) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      if (quoted && i + 1 < text.size() && text[i + 1] == '"') {
        parts.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == '.' && !quoted) {
      parts.emplace_back();
    } else {
      parts.back() += quoted ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  *name = parts.back();
  *schema = parts.size() > 1 ? parts[parts.size() - 2] : "";
}

Result<const catalog::Sequence*> FindSequence(ExecContext& ctx, const Value& arg) {
  if (arg.type() == types::oid::kRegclass || arg.type() == types::oid::kOid) {
    const catalog::Sequence* seq = ctx.catalog->SequenceByOid(static_cast<Oid>(arg.as_int()));
    if (seq == nullptr) {
      return Status::Error(sqlstate::kUndefinedTable,
                           "could not open relation with OID " + std::to_string(arg.as_int()));
    }
    return seq;
  }
  std::string schema, name;
  SplitQualifiedName(arg.as_string(), &schema, &name);
  return ctx.catalog->ResolveSequence(schema, name, ctx.session->search_path);
}

}  // namespace

Result<Value> SequenceFuncExpr::Eval(ExecContext& ctx, const Row& row) const {
  if (kind == Kind::kLastval) {
    if (!ctx.variables->last_sequence) {
      return Status::Error(sqlstate::kObjectNotInPrerequisiteState,
                           "lastval is not yet defined in this session");
    }
    return Value::Int8(ctx.variables->sequence_last_values[*ctx.variables->last_sequence]);
  }
  std::vector<Value> values;
  for (const ExprPtr& arg : args) {
    DB9_ASSIGN_OR_RETURN(Value v, arg->Eval(ctx, row));
    if (v.is_null() && (values.empty() || kind != Kind::kSetval || values.size() < 2)) {
      return Value::Null(types::oid::kInt8);
    }
    values.push_back(std::move(v));
  }
  DB9_ASSIGN_OR_RETURN(const catalog::Sequence* seq, FindSequence(ctx, values[0]));
  switch (kind) {
    case Kind::kNextval: {
      DB9_ASSIGN_OR_RETURN(int64_t next, ctx.sequences->NextValue(*seq));
      ctx.variables->sequence_last_values[seq->oid] = next;
      ctx.variables->last_sequence = seq->oid;
      return Value::Int8(next);
    }
    case Kind::kCurrval: {
      auto it = ctx.variables->sequence_last_values.find(seq->oid);
      if (it == ctx.variables->sequence_last_values.end()) {
        return Status::Error(sqlstate::kObjectNotInPrerequisiteState,
                             "currval of sequence \"" + seq->name +
                                 "\" is not yet defined in this session");
      }
      return Value::Int8(it->second);
    }
    case Kind::kSetval: {
      int64_t value = values[1].as_int();
      bool is_called = values.size() < 3 || values[2].is_null() || values[2].as_bool();
      DB9_RETURN_IF_ERROR(ctx.sequences->SetValue(*seq, value, is_called));
      if (is_called) {
        ctx.variables->sequence_last_values[seq->oid] = value;
        ctx.variables->last_sequence = seq->oid;
      }
      return Value::Int8(value);
    }
    case Kind::kLastval: break;
  }
  return Status::Internal("unknown sequence function");
}

}  // namespace db9::sql
