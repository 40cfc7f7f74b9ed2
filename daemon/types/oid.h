// PostgreSQL's built-in type OIDs (pg_type.oid). Clients key their decoders on
// these, so they must be exactly PostgreSQL's.
#pragma once

#include <cstdint>

namespace db9::types {

using Oid = uint32_t;

namespace oid {
inline constexpr Oid kInvalid = 0;
inline constexpr Oid kBool = 16;
inline constexpr Oid kBytea = 17;
inline constexpr Oid kChar = 18;  // "char", one byte
inline constexpr Oid kName = 19;
inline constexpr Oid kInt8 = 20;
inline constexpr Oid kInt2 = 21;
inline constexpr Oid kInt2Vector = 22;
inline constexpr Oid kInt4 = 23;
inline constexpr Oid kRegproc = 24;
inline constexpr Oid kText = 25;
inline constexpr Oid kOid = 26;
inline constexpr Oid kOidVector = 30;
inline constexpr Oid kJson = 114;
inline constexpr Oid kPgNodeTree = 194;
inline constexpr Oid kFloat4 = 700;
inline constexpr Oid kFloat8 = 701;
inline constexpr Oid kUnknown = 705;
inline constexpr Oid kBoolArray = 1000;
inline constexpr Oid kInt2Array = 1005;
inline constexpr Oid kInt4Array = 1007;
inline constexpr Oid kTextArray = 1009;
inline constexpr Oid kVarcharArray = 1015;
inline constexpr Oid kInt8Array = 1016;
inline constexpr Oid kFloat4Array = 1021;
inline constexpr Oid kFloat8Array = 1022;
inline constexpr Oid kOidArray = 1028;
inline constexpr Oid kAclItem = 1033;
inline constexpr Oid kBpchar = 1042;
inline constexpr Oid kVarchar = 1043;
inline constexpr Oid kDate = 1082;
inline constexpr Oid kTime = 1083;
inline constexpr Oid kTimestamp = 1114;
inline constexpr Oid kTimestamptz = 1184;
inline constexpr Oid kInterval = 1186;
inline constexpr Oid kBit = 1560;
inline constexpr Oid kBitArray = 1561;
inline constexpr Oid kNumeric = 1700;
inline constexpr Oid kNumericArray = 1231;
inline constexpr Oid kRegclass = 2205;
inline constexpr Oid kRegtype = 2206;
inline constexpr Oid kRecord = 2249;
inline constexpr Oid kAny = 2276;
inline constexpr Oid kAnyArray = 2277;
inline constexpr Oid kVoid = 2278;
inline constexpr Oid kTrigger = 2279;
inline constexpr Oid kAnyElement = 2283;
inline constexpr Oid kUuid = 2950;
inline constexpr Oid kTsvector = 3614;
inline constexpr Oid kTsquery = 3615;
inline constexpr Oid kRegconfig = 3734;
inline constexpr Oid kJsonb = 3802;
inline constexpr Oid kJsonpath = 4072;
inline constexpr Oid kRegnamespace = 4089;
inline constexpr Oid kRegnamespaceArray = 4090;
inline constexpr Oid kNameArray = 1003;
inline constexpr Oid kCharArray = 1002;
inline constexpr Oid kInt2VectorArray = 1006;
inline constexpr Oid kOidVectorArray = 1013;
}  // namespace oid

}  // namespace db9::types
