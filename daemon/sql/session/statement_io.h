// StatementIo: the IoContext one statement reads and writes values with —
// the session's settings plus a reg* name resolver over the catalog view and
// search path the statement runs with. With it 'users' in a Bind parameter
// of type regclass becomes the table's OID, and a regclass result column
// prints "users" instead of a number, as in PostgreSQL.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/catalog/catalog.h"
#include "daemon/catalog/system/reg_name_resolver.h"
#include "daemon/sql/exec/operator.h"
#include "daemon/sql/session/client_channel.h"
#include "daemon/types/io_context.h"
#include "daemon/types/type_registry.h"

namespace db9::sql {

class StatementIo {
 public:
  // Pins `catalog` and copies `search_path`, so the resolver stays valid for
  // as long as a portal (or cursor) runs, whatever DDL or SET comes later.
  StatementIo(const types::IoContext& settings, std::shared_ptr<const catalog::CatalogState> catalog,
              std::vector<std::string> search_path);
  StatementIo(const StatementIo&) = delete;
  StatementIo& operator=(const StatementIo&) = delete;

  const types::IoContext& io() const { return io_; }
  // Takes the session's current settings (a SET between two FETCHes of a
  // cursor changes how the next rows print), keeping the resolver.
  void Refresh(const types::IoContext& settings);

  // The wire layer formats values with an IoContext of its own that cannot
  // name catalog objects, so reg* values (and arrays of them) of text-format
  // columns are turned into their text here; binary columns keep the OID,
  // which is what PostgreSQL sends for them. `columns` and `formats` must
  // be the same on every call (they are a portal's).
  Status NameRegValues(const types::TypeRegistry& types, const std::vector<OutputColumn>& columns,
                       const std::vector<Format>& formats, std::vector<types::Value>& row);

 private:
  std::shared_ptr<const catalog::CatalogState> catalog_;
  std::vector<std::string> search_path_;
  catalog::system::CatalogRegNameResolver resolver_;
  types::IoContext io_;
  // The text-format reg* columns, found on the first row.
  std::optional<std::vector<size_t>> named_columns_;
};

}  // namespace db9::sql
