// The objects the catalog describes: schemas, tables with their columns,
// constraints and indexes, sequences and views. Plain structs, copied freely: a CatalogState is
// an immutable set of them (see catalog.h).
//
// Numbering follows PostgreSQL where clients can see it: column attnum starts
// at 1, OIDs of user objects start at 16384, constraint types are pg_constraint's
// letters, FK actions pg_constraint's confdeltype letters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "daemon/types/oid.h"

namespace db9::catalog {

using types::Oid;

// Built-in namespaces, with PostgreSQL's OIDs.
inline constexpr Oid kPgCatalogNamespace = 11;
inline constexpr Oid kPublicNamespace = 2200;
inline constexpr Oid kInformationSchemaNamespace = 13183;  // varies in PostgreSQL; stable here
inline constexpr Oid kFirstUserOid = 16384;

// A schema. pg_catalog, public and information_schema are built in; the
// ones made by CREATE SCHEMA are stored records.
struct Namespace {
  Oid oid = 0;
  std::string name;
};

// IDENTITY columns: pg_attribute.attidentity.
enum class Identity : char { kNone = '\0', kAlways = 'a', kByDefault = 'd' };

struct Column {
  std::string name;
  int16_t attnum = 0;            // 1-based, stable: never reused after DROP COLUMN
  Oid type = 0;
  int32_t typmod = -1;           // varchar(n) -> n + 4, numeric(p,s) -> ((p << 16) | s) + 4
  bool not_null = false;
  std::string default_expr;      // SQL text of the DEFAULT, empty when none
  Identity identity = Identity::kNone;
  Oid identity_sequence = 0;     // the sequence behind serial / identity columns
  std::string comment;           // COMMENT ON COLUMN (pg_description); empty: none
};

enum class ConstraintType : char {
  kPrimaryKey = 'p',
  kUnique = 'u',
  kCheck = 'c',
  kForeignKey = 'f',
  kNotNull = 'n',  // not stored: NOT NULL lives on the column, as in PostgreSQL 15
};

// pg_constraint.confdeltype / confupdtype letters.
enum class ForeignKeyAction : char {
  kNoAction = 'a',
  kRestrict = 'r',
  kCascade = 'c',
  kSetNull = 'n',
  kSetDefault = 'd',
};

struct Constraint {
  Oid oid = 0;
  std::string name;
  ConstraintType type = ConstraintType::kCheck;
  std::vector<int16_t> columns;          // conkey (attnums)
  std::string check_expr;                // kCheck: SQL text of the expression
  Oid index_oid = 0;                     // kPrimaryKey / kUnique: the enforcing index
  Oid ref_table = 0;                     // kForeignKey: confrelid
  std::vector<int16_t> ref_columns;      // kForeignKey: confkey
  ForeignKeyAction on_delete = ForeignKeyAction::kNoAction;
  ForeignKeyAction on_update = ForeignKeyAction::kNoAction;
};

struct IndexColumn {
  int16_t attnum = 0;
  bool descending = false;
  bool nulls_first = false;
  // The operator class (pg_opclass.opcname) of the column, resolved at
  // CREATE INDEX: the one named there or the method's default for the
  // column's type. It decides which operators the index serves
  // (jsonb_path_ops, vector_cosine_ops ...). Empty in indexes stored before
  // it was recorded: the default applies.
  std::string opclass;
};

struct Index {
  Oid oid = 0;
  std::string name;
  Oid table_oid = 0;
  Oid namespace_oid = kPublicNamespace;
  std::vector<IndexColumn> columns;
  bool unique = false;
  bool primary = false;
  std::string access_method = "btree";  // a name in the IndexMethodRegistry
  std::vector<std::string> options;     // WITH (m = 16) as "m=16", checked by the method
};

struct Table {
  Oid oid = 0;
  std::string name;
  Oid namespace_oid = kPublicNamespace;
  std::vector<Column> columns;           // in attnum order; dropped columns removed
  int16_t next_attnum = 1;               // attnums are never reused
  std::vector<Constraint> constraints;
  std::vector<Index> indexes;            // including the primary key's index
  std::vector<std::string> options;      // WITH (fillfactor=100) as "fillfactor=100"
  std::string comment;                   // COMMENT ON TABLE (pg_description); empty: none

  // The primary key's index, or nullptr: then rows are keyed by a hidden row id.
  const Index* primary_key() const;
  const Column* FindColumn(std::string_view column_name) const;
  const Column* ColumnByAttnum(int16_t attnum) const;
  // Position of the column in `columns`, or -1.
  int ColumnIndex(int16_t attnum) const;
};

struct Sequence {
  Oid oid = 0;
  std::string name;
  Oid namespace_oid = kPublicNamespace;
  Oid type = types::oid::kInt8;
  int64_t start = 1;
  int64_t increment = 1;
  int64_t min_value = 1;
  int64_t max_value = INT64_MAX;
  bool cycle = false;
  Oid owned_by_table = 0;                // OWNED BY (serial columns)
  int16_t owned_by_column = 0;
};

// A view: a stored SELECT that the binder expands wherever the view is
// named, so it always reads the current rows of the relations beneath it.
struct View {
  Oid oid = 0;
  std::string name;
  Oid namespace_oid = kPublicNamespace;
  // The output columns fixed at CREATE VIEW (attnum 1..n, name, type,
  // typmod): a table column added later does not appear, as in PostgreSQL.
  std::vector<Column> columns;
  // The names the query itself gave those columns (before a column list
  // renamed them): binding the text later must give the same ones, or a
  // table change has shifted what the view would read.
  std::vector<std::string> query_names;
  // The SELECT as SQL text, deparsed with every relation name
  // schema-qualified, so binding it later does not depend on search_path.
  std::string definition;
  // The tables and views the definition reads: DROP of one of them fails
  // (2BP01) unless CASCADE drops this view too.
  std::vector<Oid> depends_on;
  // INSERT, UPDATE and DELETE write through it (a simple view, see
  // sql/binder/view_dml.h); decided at CREATE VIEW.
  bool updatable = false;
};

}  // namespace db9::catalog
