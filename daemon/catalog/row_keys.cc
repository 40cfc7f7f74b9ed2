#include "daemon/catalog/row_keys.h"

#include <bit>
#include <cstring>
#include <type_traits>

#include "daemon/storage/encoding/key_encoding.h"

namespace db9::catalog {
namespace {

// Payload kind tags of the row value format; part of the on-disk format.
enum Tag : uint8_t { kNull = 0, kBool = 1, kInt = 2, kDouble = 3, kString = 4, kInterval = 5 };
constexpr uint8_t kRowFormatVersion = 1;

void PutFixed(std::string* out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

template <int kBytes>
uint64_t LoadBigEndian(const char* p) {
  using Word = std::conditional_t<kBytes == 1, uint8_t,
                                  std::conditional_t<kBytes == 2, uint16_t,
                                                     std::conditional_t<kBytes == 4, uint32_t,
                                                                        uint64_t>>>;
  Word word;
  std::memcpy(&word, p, kBytes);
  if constexpr (std::endian::native == std::endian::little && kBytes > 1) {
    if constexpr (kBytes == 2) word = __builtin_bswap16(word);
    if constexpr (kBytes == 4) word = __builtin_bswap32(word);
    if constexpr (kBytes == 8) word = __builtin_bswap64(word);
  }
  return word;
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool done() const { return pos_ >= data_.size(); }
  // One load and a byte swap per field (GCC keeps a byte loop as a loop):
  // scans read millions of these.
  template <int kBytes>
  bool Fixed(uint64_t* v) {
    static_assert(kBytes == 1 || kBytes == 2 || kBytes == 4 || kBytes == 8);
    if (data_.size() - pos_ < static_cast<size_t>(kBytes)) return false;
    *v = LoadBigEndian<kBytes>(data_.data() + pos_);
    pos_ += kBytes;
    return true;
  }
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return false;
      uint8_t b = static_cast<uint8_t>(data_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
  bool Bytes(size_t n, std::string_view* v) {
    if (data_.size() - pos_ < n) return false;
    *v = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

Status Corrupt(const Table& table) {
  return Status::Error(sqlstate::kDataCorrupted,
                       "stored row of table \"" + table.name + "\" is damaged");
}

Status NoKeyEncoding(const types::TypeRegistry& types, Oid type) {
  const types::TypeInfo* info = types.Find(type);
  return Status::Error(sqlstate::kFeatureNotSupported,
                       "type " + (info ? info->sql_name : std::to_string(type)) +
                           " cannot be used in a key or B-tree index");
}

}  // namespace

std::string TableKeyPrefix(Oid table_oid) {
  return keyenc::KeyPrefix(keyenc::Keyspace::kTable, table_oid);
}

std::string IndexKeyPrefix(Oid index_oid) {
  return keyenc::KeyPrefix(keyenc::Keyspace::kIndex, index_oid);
}

Status AppendPrimaryKey(const types::TypeRegistry& types, const Table& table,
                        const std::vector<types::Value>& row, std::string* out) {
  const Index* pk = table.primary_key();
  for (const IndexColumn& column : pk->columns) {
    int i = table.ColumnIndex(column.attnum);
    const types::Value& value = row[i];
    const types::TypeInfo* info = types.Find(table.columns[i].type);
    if (info == nullptr || info->key_encode == nullptr) {
      return NoKeyEncoding(types, table.columns[i].type);
    }
    info->key_encode(*info, value, KeyDirection(column.descending), out);
  }
  return Status::OK();
}

std::string RowIdKeySuffix(uint64_t row_id) {
  std::string out;
  keyenc::AppendUint64(&out, row_id);
  return out;
}

Status AppendIndexValues(const types::TypeRegistry& types, const Index& index,
                         const std::vector<types::Value>& values, std::string* out,
                         bool* any_null) {
  for (size_t i = 0; i < index.columns.size() && i < values.size(); ++i) {
    const IndexColumn& column = index.columns[i];
    const types::Value& value = values[i];
    if (value.is_null()) {
      *any_null = true;
      keyenc::AppendNullMarker(out, column.nulls_first ? keyenc::NullsOrder::kFirst
                                                       : keyenc::NullsOrder::kLast);
      continue;
    }
    const types::TypeInfo* info = types.Find(value.type());
    if (info == nullptr || info->key_encode == nullptr) return NoKeyEncoding(types, value.type());
    keyenc::AppendNotNullMarker(out);
    info->key_encode(*info, value, KeyDirection(column.descending), out);
  }
  return Status::OK();
}

std::vector<types::Value> IndexValuesOfRow(const Table& table, const Index& index,
                                           const std::vector<types::Value>& row) {
  std::vector<types::Value> values;
  values.reserve(index.columns.size());
  for (const IndexColumn& column : index.columns) {
    int i = table.ColumnIndex(column.attnum);
    values.push_back(i < 0 ? types::Value() : row[i]);
  }
  return values;
}

std::string EncodeRow(const Table& table, const std::vector<types::Value>& row) {
  std::string out;
  out.push_back(static_cast<char>(kRowFormatVersion));
  for (size_t i = 0; i < table.columns.size() && i < row.size(); ++i) {
    const types::Value& value = row[i];
    if (value.is_null()) continue;  // absent attnum reads as NULL
    PutFixed(&out, static_cast<uint16_t>(table.columns[i].attnum), 2);
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>) {
            out.push_back(kBool);
            out.push_back(v ? 1 : 0);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            out.push_back(kInt);
            PutFixed(&out, static_cast<uint64_t>(v), 8);
          } else if constexpr (std::is_same_v<T, double>) {
            out.push_back(kDouble);
            uint64_t bits;
            std::memcpy(&bits, &v, 8);
            PutFixed(&out, bits, 8);
          } else if constexpr (std::is_same_v<T, std::string>) {
            out.push_back(kString);
            PutVarint(&out, v.size());
            out.append(v);
          } else if constexpr (std::is_same_v<T, types::Interval>) {
            out.push_back(kInterval);
            PutFixed(&out, static_cast<uint32_t>(v.months), 4);
            PutFixed(&out, static_cast<uint32_t>(v.days), 4);
            PutFixed(&out, static_cast<uint64_t>(v.micros), 8);
          } else {
            out.push_back(kNull);
          }
        },
        value.payload());
  }
  return out;
}

Result<std::vector<types::Value>> DecodeRow(const Table& table, std::string_view data) {
  std::vector<types::Value> row;
  DB9_RETURN_IF_ERROR(DecodeRowInto(table, data, &row));
  return row;
}

ColumnSelection::ColumnSelection(const std::vector<bool>& needed)
    : flags(needed.begin(), needed.end()) {
  for (size_t i = flags.size(); i > 0; --i) {
    if (flags[i - 1]) {
      end = i;
      break;
    }
  }
}

ColumnSelection ColumnSelection::Into(size_t table_columns, const std::vector<int>& sources) {
  std::vector<bool> needed(table_columns);
  for (int column : sources) needed[static_cast<size_t>(column)] = true;
  ColumnSelection selection(needed);
  selection.positions.assign(table_columns, -1);
  for (size_t k = 0; k < sources.size(); ++k) {
    selection.positions[static_cast<size_t>(sources[k])] = static_cast<int>(k);
  }
  selection.width = sources.size();
  if (table_columns <= 64) {
    for (int column : sources) selection.selected_bits |= uint64_t{1} << column;
  }
  return selection;
}

namespace {

// The columns a decode must assign: every column of a full row, only the
// selected ones of a row decoded into positions. A bit mask for tables of up to
// 64 columns (nearly every table): scans decode millions of rows, and the
// marks then cost no allocation and the NULLs at the end one step per
// missing column.
class SmallColumnSet {
 public:
  SmallColumnSet(size_t n, const ColumnSelection* selection) {
    if (selection == nullptr || selection->positions.empty()) {
      owed_ = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    } else {
      owed_ = selection->selected_bits;
    }
  }
  void Add(size_t i) { owed_ &= ~(uint64_t{1} << i); }
  template <class F>
  void ForEachMissing(F&& f) const {
    for (uint64_t missing = owed_; missing != 0; missing &= missing - 1) {
      f(static_cast<size_t>(std::countr_zero(missing)));
    }
  }

 private:
  uint64_t owed_ = 0;
};

class LargeColumnSet {
 public:
  LargeColumnSet(size_t n, const ColumnSelection* selection) : owed_(n, true) {
    if (selection != nullptr && !selection->positions.empty()) {
      for (size_t i = 0; i < n; ++i) owed_[i] = selection->Needs(i);
    }
  }
  void Add(size_t i) { owed_[i] = false; }
  template <class F>
  void ForEachMissing(F&& f) const {
    for (size_t i = 0; i < owed_.size(); ++i) {
      if (owed_[i]) f(i);
    }
  }

 private:
  std::vector<bool> owed_;
};

// Each value is assigned once; columns the row does not store (NULLs,
// columns added later) and columns the reader does not need become NULL at
// the end.
template <class ColumnSet>
Status DecodeColumns(const Table& table, std::string_view data, std::vector<types::Value>& row,
                     const ColumnSelection* needed) {
  const size_t n = table.columns.size();
  ColumnSet assigned(n, needed);
  const int* positions =
      needed != nullptr && !needed->positions.empty() ? needed->positions.data() : nullptr;
  if (data.empty() || static_cast<uint8_t>(data[0]) != kRowFormatVersion) return Corrupt(table);
  Reader reader(data.substr(1));
  size_t next_column = 0;
  const size_t needed_end = needed != nullptr ? needed->end : n;
  while (!reader.done()) {
    uint64_t attnum, tag, a, b, c;
    std::string_view bytes;
    if (!reader.Fixed<2>(&attnum) || !reader.Fixed<1>(&tag)) return Corrupt(table);
    // Stored in column order: the next column is almost always the one.
    size_t i = next_column < n && table.columns[next_column].attnum == static_cast<int16_t>(attnum)
                   ? next_column
                   : static_cast<size_t>(table.ColumnIndex(static_cast<int16_t>(attnum)));
    if (i < n && i >= needed_end) break;
    const bool keep = i < n && (needed == nullptr || needed->Needs(i));
    const Oid type = keep ? table.columns[i].type : 0;
    const size_t at = positions != nullptr && keep ? static_cast<size_t>(positions[i]) : i;
    if (i < n) next_column = i + 1;
    switch (tag) {
      case kNull: continue;
      case kBool:
        if (!reader.Fixed<1>(&a)) return Corrupt(table);
        if (keep) row[at].Set(type, a != 0);
        break;
      case kInt:
        if (!reader.Fixed<8>(&a)) return Corrupt(table);
        if (keep) row[at].Set(type, static_cast<int64_t>(a));
        break;
      case kDouble: {
        if (!reader.Fixed<8>(&a)) return Corrupt(table);
        double d;
        std::memcpy(&d, &a, 8);
        if (keep) row[at].Set(type, d);
        break;
      }
      case kString:
        if (!reader.Varint(&a) || !reader.Bytes(a, &bytes)) return Corrupt(table);
        if (keep) row[at].AssignString(type, bytes);
        break;
      case kInterval:
        if (!reader.Fixed<4>(&a) || !reader.Fixed<4>(&b) || !reader.Fixed<8>(&c)) {
          return Corrupt(table);
        }
        if (keep) {
          row[at].Set(type, types::Interval{static_cast<int32_t>(a), static_cast<int32_t>(b),
                                           static_cast<int64_t>(c)});
        }
        break;
      default: return Corrupt(table);
    }
    if (keep) assigned.Add(i);
  }
  assigned.ForEachMissing([&](size_t i) {
    types::Value& value = row[positions != nullptr ? static_cast<size_t>(positions[i]) : i];
    if (!(value.is_null() && value.type() == table.columns[i].type)) {
      value.Set(table.columns[i].type, std::monostate{});
    }
  });
  return Status::OK();
}

}  // namespace

Status DecodeRowInto(const Table& table, std::string_view data, std::vector<types::Value>* out,
                     const ColumnSelection* needed) {
  const size_t n = table.columns.size();
  out->resize(needed != nullptr && !needed->positions.empty() ? needed->width : n);
  if (n <= 64) return DecodeColumns<SmallColumnSet>(table, data, *out, needed);
  return DecodeColumns<LargeColumnSet>(table, data, *out, needed);
}

}  // namespace db9::catalog
