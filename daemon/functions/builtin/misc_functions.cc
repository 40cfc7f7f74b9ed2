// gen_random_uuid, pg_typeof, format_type, pg_sleep.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "daemon/functions/builtin/builtin_modules.h"
#include "daemon/functions/builtin/helpers.h"

namespace db9::functions {
namespace {

namespace oid = types::oid;
using Args = std::span<const Value>;

Result<Value> GenRandomUuid(FunctionContext&, Args) {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  std::string bytes(16, '\0');
  uint64_t a = gen(), b = gen();
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<char>(a >> (8 * i));
    bytes[8 + i] = static_cast<char>(b >> (8 * i));
  }
  bytes[6] = static_cast<char>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  return Value::OfString(oid::kUuid, std::move(bytes));
}

// Sleeps in short slices so a cancel request or statement_timeout ends it
// promptly, as PostgreSQL's pg_sleep checks for interrupts.
Result<Value> PgSleep(FunctionContext& ctx, Args a) {
  using Clock = std::chrono::steady_clock;
  double seconds = a[0].as_double();
  if (std::isnan(seconds) || seconds <= 0) return Value::Null(oid::kVoid);
  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(std::min(seconds, 1e7)));
  constexpr auto kSlice = std::chrono::milliseconds(10);
  for (auto now = Clock::now(); now < end; now = Clock::now()) {
    if (ctx.interrupt) DB9_RETURN_IF_ERROR(ctx.interrupt->CheckInterrupt());
    std::this_thread::sleep_for(std::min<Clock::duration>(kSlice, end - now));
  }
  return Value::Null(oid::kVoid);
}

}  // namespace

Status RegisterMiscFunctions(Registries& r) {
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "pg_sleep", {oid::kFloat8}, oid::kVoid, PgSleep, Volatility::kVolatile));
  DB9_RETURN_IF_ERROR(
      AddFunction(r, "gen_random_uuid", {}, oid::kUuid, GenRandomUuid, Volatility::kVolatile));
  DB9_RETURN_IF_ERROR(AddFunction(
      r, "pg_typeof", {oid::kAny}, oid::kRegtype,
      [](FunctionContext& ctx, Args a) -> Result<Value> {
        Oid t = !ctx.arg_types.empty() ? ctx.arg_types[0] : a[0].type();
        return Value::OfInt(oid::kRegtype, t);
      },
      Volatility::kStable, /*strict=*/false));
  return AddFunction(
      r, "format_type", {oid::kOid, oid::kInt4}, oid::kText,
      [](FunctionContext& ctx, Args a) -> Result<Value> {
        if (a[0].is_null()) return Value::Null(oid::kText);
        int32_t typmod = a[1].is_null() ? -1 : static_cast<int32_t>(a[1].as_int());
        return Value::Text(
            types::FormatType(ctx.types(), static_cast<Oid>(a[0].as_int()), typmod));
      },
      Volatility::kStable, /*strict=*/false);
}

}  // namespace db9::functions
