// current_setting and set_config: configuration parameters read and changed
// from SQL, through the session (FunctionContext::settings).
#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"
#include "shared/base/sqlstate.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Result<SessionSettingsAccess*> Settings(FunctionContext& ctx) {
  if (ctx.settings == nullptr) {
    return Status::Error(sqlstate::kFeatureNotSupported,
                         "configuration parameters are not available here");
  }
  return ctx.settings;
}

Result<Value> CurrentSetting(FunctionContext& ctx, Args a) {
  if (a[0].is_null()) return Value::Null(oid::kText);
  bool missing_ok = a.size() > 1 && !a[1].is_null() && a[1].as_bool();
  DB9_ASSIGN_OR_RETURN(SessionSettingsAccess * settings, Settings(ctx));
  DB9_ASSIGN_OR_RETURN(std::optional<std::string> value,
                       settings->GetSetting(a[0].as_string(), missing_ok));
  return value ? Value::Text(std::move(*value)) : Value::Null(oid::kText);
}

Result<Value> SetConfig(FunctionContext& ctx, Args a) {
  if (a[0].is_null()) {
    return Status::Error(sqlstate::kNullValueNotAllowed,
                         "SET requires parameter name");
  }
  // A NULL value resets the parameter, as in PostgreSQL.
  std::optional<std::string> value;
  if (!a[1].is_null()) value = a[1].as_string();
  bool is_local = !a[2].is_null() && a[2].as_bool();
  DB9_ASSIGN_OR_RETURN(SessionSettingsAccess * settings, Settings(ctx));
  DB9_ASSIGN_OR_RETURN(std::string stored, settings->SetSetting(a[0].as_string(), value, is_local));
  return Value::Text(std::move(stored));
}

}  // namespace

Status RegisterSettingsFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(AddFunction(r, "current_setting", {oid::kText}, oid::kText, CurrentSetting,
                                  Volatility::kStable));
  DB9_RETURN_IF_ERROR(AddFunction(r, "current_setting", {oid::kText, oid::kBool}, oid::kText,
                                  CurrentSetting, Volatility::kStable));
  return AddFunction(r, "set_config", {oid::kText, oid::kText, oid::kBool}, oid::kText, SetConfig,
                     Volatility::kVolatile, /*strict=*/false);
}

}  // namespace db9::functions
