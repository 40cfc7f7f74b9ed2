// The default B-tree operator classes of the built-in types, with
// PostgreSQL 15's OIDs and names (pg_opclass.dat). pg_index.indclass points
// at them and SQLAlchemy's index reflection reads opcname / opcdefault.
#pragma once

#include <string_view>

#include "daemon/types/oid.h"

namespace db9::catalog::system {

struct OpClass {
  types::Oid oid;
  std::string_view name;
  types::Oid input_type;  // opcintype
  types::Oid family;      // opcfamily
};

inline constexpr types::Oid kBtreeAm = 403;

inline constexpr OpClass kBtreeOpClasses[] = {
    {10003, "bool_ops", 16, 424},        {10006, "bytea_ops", 17, 428},
    {10007, "char_ops", 18, 429},        {10028, "name_ops", 19, 1994},
    {3124, "int8_ops", 20, 1976},        {1979, "int2_ops", 21, 1976},
    {1978, "int4_ops", 23, 1976},        {3126, "text_ops", 25, 1994},
    {1981, "oid_ops", 26, 1989},         {10012, "float4_ops", 700, 1970},
    {3123, "float8_ops", 701, 1970},     {10004, "bpchar_ops", 1042, 426},
    {3122, "date_ops", 1082, 434},       {10038, "time_ops", 1083, 1996},
    {3128, "timestamp_ops", 1114, 434},  {3127, "timestamptz_ops", 1184, 434},
    {10022, "interval_ops", 1186, 1982}, {3125, "numeric_ops", 1700, 1988},
    {10000, "array_ops", 2277, 397},     {10065, "uuid_ops", 2950, 2968},
    {10088, "jsonb_ops", 3802, 4033},
};

// The default B-tree opclass for a column of `type` (varchar uses text_ops,
// arrays array_ops, as in PostgreSQL); nullptr when there is none.
const OpClass* DefaultBtreeOpClass(types::Oid type);

}  // namespace db9::catalog::system
