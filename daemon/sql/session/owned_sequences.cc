#include "daemon/sql/session/owned_sequences.h"

namespace db9::sql {

std::vector<catalog::Sequence> OwnedSequences(const catalog::CatalogState& catalog,
                                              const catalog::Table& table, int16_t attnum) {
  std::vector<catalog::Sequence> owned;
  for (const auto& [oid, seq] : catalog.sequences()) {
    bool by_owner = seq.owned_by_table == table.oid && (attnum == 0 || seq.owned_by_column == attnum);
    // A column's identity/serial sequence, in case its ownership was reset.
    bool by_column = false;
    for (const catalog::Column& c : table.columns) {
      by_column |= c.identity_sequence == oid && (attnum == 0 || c.attnum == attnum);
    }
    if (by_owner || by_column) owned.push_back(seq);
  }
  return owned;
}

}  // namespace db9::sql
