// date, time, timestamp, timestamptz and interval entries. Parsing and
// formatting live in datetime.cc / interval.cc; this file adapts them to
// TypeInfo and handles the binary formats and typmods (precision 0..6).
#include "daemon/types/builtin/builtin_types.h"
#include "daemon/types/builtin/scalar_codecs.h"
#include "daemon/types/datetime.h"
#include "daemon/types/interval.h"
#include "daemon/types/type_util.h"

namespace db9::types {
namespace {

Result<Value> DateIn(const TypeInfo&, std::string_view text, int32_t, const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(int64_t days, ParseDate(text, io, io.now_micros));
  return Value::OfInt(oid::kDate, days);
}

Result<std::string> DateOut(const TypeInfo&, const Value& v, const IoContext&) {
  return FormatDate(v.as_int());
}

Result<Value> DateRecv(const TypeInfo&, std::string_view bytes, int32_t, const IoContext&) {
  uint32_t u;
  if (bytes.size() != 4 || !GetU32(&bytes, &u)) return InvalidBinary("incorrect binary data format");
  int64_t days = static_cast<int32_t>(u);
  if (days != kDateInfinity && days != kDateNegInfinity && !DateInRange(days)) {
    return Status::Error(sqlstate::kDatetimeFieldOverflow, "date out of range");
  }
  return Value::OfInt(oid::kDate, days);
}

Result<std::string> DateSend(const TypeInfo&, const Value& v, const IoContext&) {
  std::string out;
  PutU32(&out, static_cast<uint32_t>(static_cast<int32_t>(v.as_int())));
  return out;
}

// time / timestamp / timestamptz share typmod = precision.
Result<int64_t> ApplyPrecision(Oid type, int64_t micros, int32_t typmod) {
  if (typmod < 0 || typmod >= 6) return micros;
  if (type != oid::kTime && (micros == kTimestampInfinity || micros == kTimestampNegInfinity)) {
    return micros;
  }
  return RoundMicros(micros, typmod);
}

Result<Value> TimeIn(const TypeInfo&, std::string_view text, int32_t typmod, const IoContext&) {
  DB9_ASSIGN_OR_RETURN(int64_t micros, ParseTime(text));
  DB9_ASSIGN_OR_RETURN(micros, ApplyPrecision(oid::kTime, micros, typmod));
  return Value::OfInt(oid::kTime, micros);
}

Result<std::string> TimeOut(const TypeInfo&, const Value& v, const IoContext&) {
  return FormatTime(v.as_int());
}

Result<Value> TimestampIn(const TypeInfo& self, std::string_view text, int32_t typmod,
                          const IoContext& io) {
  DB9_ASSIGN_OR_RETURN(int64_t micros,
                       ParseTimestamp(text, self.oid == oid::kTimestamptz, io, io.now_micros));
  DB9_ASSIGN_OR_RETURN(micros, ApplyPrecision(self.oid, micros, typmod));
  return Value::OfInt(self.oid, micros);
}

Result<std::string> TimestampOut(const TypeInfo& self, const Value& v, const IoContext& io) {
  if (self.oid == oid::kTimestamptz) return FormatTimestamptz(v.as_int(), io);
  return FormatTimestamp(v.as_int());
}

Result<Value> Int64Recv(const TypeInfo& self, std::string_view bytes, int32_t typmod,
                        const IoContext&) {
  uint64_t u;
  if (bytes.size() != 8 || !GetU64(&bytes, &u)) return InvalidBinary("incorrect binary data format");
  int64_t v = static_cast<int64_t>(u);
  if (self.oid == oid::kTime) {
    if (v < 0 || v > kUsecPerDay) {
      return Status::Error(sqlstate::kDatetimeFieldOverflow, "time out of range");
    }
  } else if (v != kTimestampInfinity && v != kTimestampNegInfinity && !TimestampInRange(v)) {
    return Status::Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  DB9_ASSIGN_OR_RETURN(v, ApplyPrecision(self.oid, v, typmod));
  return Value::OfInt(self.oid, v);
}

Result<std::string> Int64Send(const TypeInfo&, const Value& v, const IoContext&) {
  std::string out;
  PutU64(&out, static_cast<uint64_t>(v.as_int()));
  return out;
}

Result<Value> PrecisionTypmod(const TypeInfo& self, const Value& v, int32_t typmod, bool) {
  DB9_ASSIGN_OR_RETURN(int64_t micros, ApplyPrecision(self.oid, v.as_int(), typmod));
  return Value::OfInt(self.oid, micros);
}

Result<int32_t> PrecisionTypmodIn(const TypeInfo& self, const std::vector<int32_t>& mods) {
  if (mods.size() != 1) {
    return Status::Error(sqlstate::kInvalidParameterValue, "invalid type modifier");
  }
  if (mods[0] < 0) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "TIMESTAMP(" + std::to_string(mods[0]) + ") precision must not be negative");
  }
  return std::min(mods[0], 6);  // PostgreSQL warns and reduces to 6
}

Result<Value> IntervalIn(const TypeInfo&, std::string_view text, int32_t, const IoContext&) {
  DB9_ASSIGN_OR_RETURN(Interval v, ParseInterval(text));
  return Value::OfInterval(v);
}

Result<std::string> IntervalOut(const TypeInfo&, const Value& v, const IoContext&) {
  return FormatInterval(v.as_interval());
}

Result<Value> IntervalRecv(const TypeInfo&, std::string_view bytes, int32_t, const IoContext&) {
  uint64_t micros;
  uint32_t days, months;
  if (bytes.size() != 16 || !GetU64(&bytes, &micros) || !GetU32(&bytes, &days) ||
      !GetU32(&bytes, &months)) {
    return InvalidBinary("incorrect binary data format");
  }
  return Value::OfInterval(Interval{static_cast<int32_t>(months), static_cast<int32_t>(days),
                                    static_cast<int64_t>(micros)});
}

Result<std::string> IntervalSend(const TypeInfo&, const Value& v, const IoContext&) {
  std::string out;
  const Interval& i = v.as_interval();
  PutU64(&out, static_cast<uint64_t>(i.micros));
  PutU32(&out, static_cast<uint32_t>(i.days));
  PutU32(&out, static_cast<uint32_t>(i.months));
  return out;
}

int IntervalCompare(const TypeInfo&, const Value& a, const Value& b) {
  return Cmp3(IntervalSpan(a.as_interval()), IntervalSpan(b.as_interval()));
}

uint64_t IntervalHash(const TypeInfo&, const Value& v) {
  __int128 span = IntervalSpan(v.as_interval());
  return HashInt(static_cast<int64_t>(span)) ^ HashInt(static_cast<int64_t>(span >> 64));
}

// The span as a 128-bit integer: signed high half, then the low half
// with its top bit flipped so AppendInt64's signed order sorts it unsigned.
void IntervalKey(const TypeInfo&, const Value& v, keyenc::Direction dir, std::string* out) {
  __int128 span = IntervalSpan(v.as_interval());
  keyenc::AppendInt64(out, static_cast<int64_t>(span >> 64), dir);
  uint64_t low = static_cast<uint64_t>(span);
  keyenc::AppendInt64(out, static_cast<int64_t>(low ^ (1ULL << 63)), dir);
}

Result<Value> IntervalKeyDecode(const TypeInfo&, keyenc::KeyDecoder& in, keyenc::Direction dir) {
  DB9_ASSIGN_OR_RETURN(int64_t high, in.ReadInt64(dir));
  DB9_ASSIGN_OR_RETURN(int64_t low_flipped, in.ReadInt64(dir));
  __int128 span = (static_cast<__int128>(high) << 64) |
                  static_cast<__int128>(static_cast<uint64_t>(low_flipped) ^ (1ULL << 63));
  const __int128 month = static_cast<__int128>(30) * kUsecPerDay;
  Interval i;
  i.months = static_cast<int32_t>(span / month);
  span -= static_cast<__int128>(i.months) * month;
  i.days = static_cast<int32_t>(span / kUsecPerDay);
  i.micros = static_cast<int64_t>(span - static_cast<__int128>(i.days) * kUsecPerDay);
  return Value::OfInterval(i);
}

TypeInfo DatetimeEntry(Oid oid, const char* name, const char* sql_name, int16_t len, Oid array,
                       bool preferred) {
  TypeInfo t = BuiltinTypeEntry(oid, name, sql_name, len, category::kDateTime, array, preferred);
  t.receive = Int64Recv;
  t.send = Int64Send;
  t.compare = CompareInt;
  t.hash = HashIntValue;
  t.key_encode = KeyEncodeInt;
  t.key_decode = KeyDecodeInt;
  t.apply_typmod = PrecisionTypmod;
  t.typmod_in = PrecisionTypmodIn;
  t.typmod_out = PlainTypmodOut;
  return t;
}

}  // namespace

Status RegisterDatetimeTypes(TypeRegistry& r) {
  TypeInfo date = DatetimeEntry(oid::kDate, "date", "date", 4, 1182, false);
  date.input = DateIn;
  date.output = DateOut;
  date.receive = DateRecv;
  date.send = DateSend;
  date.apply_typmod = nullptr;
  date.typmod_in = nullptr;
  date.typmod_out = nullptr;
  DB9_RETURN_IF_ERROR(r.Register(std::move(date)));

  TypeInfo time = DatetimeEntry(oid::kTime, "time", "time without time zone", 8, 1183, false);
  time.input = TimeIn;
  time.output = TimeOut;
  DB9_RETURN_IF_ERROR(r.Register(std::move(time)));

  TypeInfo ts = DatetimeEntry(oid::kTimestamp, "timestamp", "timestamp without time zone", 8,
                              1115, false);
  ts.input = TimestampIn;
  ts.output = TimestampOut;
  DB9_RETURN_IF_ERROR(r.Register(std::move(ts)));

  // timestamptz is the preferred type of the datetime category.
  TypeInfo tstz = DatetimeEntry(oid::kTimestamptz, "timestamptz", "timestamp with time zone", 8,
                                1185, true);
  tstz.input = TimestampIn;
  tstz.output = TimestampOut;
  DB9_RETURN_IF_ERROR(r.Register(std::move(tstz)));

  TypeInfo iv;
  iv.oid = oid::kInterval;
  iv.name = "interval";
  iv.typlen = 16;
  iv.align = 'd';
  iv.category = category::kTimespan;
  iv.preferred = true;
  iv.array_oid = 1187;
  iv.input = IntervalIn;
  iv.output = IntervalOut;
  iv.receive = IntervalRecv;
  iv.send = IntervalSend;
  iv.compare = IntervalCompare;
  iv.hash = IntervalHash;
  iv.key_encode = IntervalKey;
  iv.key_decode = IntervalKeyDecode;
  return r.Register(std::move(iv));
}

}  // namespace db9::types
