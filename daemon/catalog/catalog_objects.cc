#include "daemon/catalog/catalog_objects.h"

namespace db9::catalog {

const Index* Table::primary_key() const {
  for (const Index& index : indexes) {
    if (index.primary) return &index;
  }
  return nullptr;
}

const Column* Table::FindColumn(std::string_view column_name) const {
  for (const Column& column : columns) {
    if (column.name == column_name) return &column;
  }
  return nullptr;
}

const Column* Table::ColumnByAttnum(int16_t attnum) const {
  int i = ColumnIndex(attnum);
  return i < 0 ? nullptr : &columns[i];
}

int Table::ColumnIndex(int16_t attnum) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].attnum == attnum) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace db9::catalog
