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
  // A stored value's header: attnum (2 bytes) and tag (1 byte), in one load
  // when a payload byte follows (nearly always: only kNull has none).
  bool ColumnHeader(uint64_t* attnum, uint64_t* tag) {
    const size_t left = data_.size() - pos_;
    if (left < 3) return false;
    const uint64_t word = left >= 4 ? LoadBigEndian<4>(data_.data() + pos_) >> 8
                                    : LoadBigEndian<2>(data_.data() + pos_) << 8 |
                                          static_cast<uint8_t>(data_[pos_ + 2]);
    *attnum = word >> 8;
    *tag = word & 0xFF;
    pos_ += 3;
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

ColumnSelection ColumnSelection::Into(const Table& table, const std::vector<int>& sources) {
  const size_t table_columns = table.columns.size();
  std::vector<bool> needed(table_columns);
  for (int column : sources) needed[static_cast<size_t>(column)] = true;
  ColumnSelection selection(needed);
  selection.positions.assign(table_columns, -1);
  for (size_t k = 0; k < sources.size(); ++k) {
    selection.positions[static_cast<size_t>(sources[k])] = static_cast<int>(k);
  }
  selection.width = sources.size();
  selection.ListStoredOrder(table);
  return selection;
}

ColumnSelection ColumnSelection::Of(const Table& table, const std::vector<bool>& needed) {
  ColumnSelection selection(needed);
  selection.width = table.columns.size();
  selection.ListStoredOrder(table);
  return selection;
}

void ColumnSelection::ListStoredOrder(const Table& table) {
  for (size_t c = 0; c < end; ++c) {
    const Column& column = table.columns[c];
    const int at = Position(c);
    stored_order.push_back({static_cast<uint16_t>(column.attnum), at, at >= 0 && Needs(c), column.type});
  }
}

namespace {

// Reads one stored value's payload after its tag, into *value when kKeep
// (else skips it). False: the bytes end early or the tag is unknown. Inlined
// into the decoder's loop: it runs for every stored column a scan passes.
template <bool kKeep>
[[gnu::always_inline]] inline bool ReadPayload(uint64_t tag, Reader& reader, Oid type,
                                               types::Value* value) {
  uint64_t a, b, c;
  std::string_view bytes;
  switch (tag) {
    case kNull:
      if constexpr (kKeep) value->Set(type, std::monostate{});
      return true;
    case kBool:
      if (!reader.Fixed<1>(&a)) return false;
      if constexpr (kKeep) value->Set(type, a != 0);
      return true;
    case kInt:
      if (!reader.Fixed<8>(&a)) return false;
      if constexpr (kKeep) value->Set(type, static_cast<int64_t>(a));
      return true;
    case kDouble: {
      if (!reader.Fixed<8>(&a)) return false;
      double d;
      std::memcpy(&d, &a, 8);
      if constexpr (kKeep) value->Set(type, d);
      return true;
    }
    case kString:
      if (!reader.Varint(&a) || !reader.Bytes(a, &bytes)) return false;
      if constexpr (kKeep) value->AssignString(type, bytes);
      return true;
    case kInterval:
      if (!reader.Fixed<4>(&a) || !reader.Fixed<4>(&b) || !reader.Fixed<8>(&c)) return false;
      if constexpr (kKeep) {
        value->Set(type, types::Interval{static_cast<int32_t>(a), static_cast<int32_t>(b),
                                         static_cast<int64_t>(c)});
      }
      return true;
    default: return false;
  }
}

void SetNull(types::Value& value, Oid type) {
  // A reused row often holds this NULL already: no variant assignment then.
  if (!(value.is_null() && value.type() == type)) value.Set(type, std::monostate{});
}

// A full-width row's columns from `first` on, which the reader does not
// need, read as NULL.
void NullAfter(const Table& table, size_t first, std::vector<types::Value>& row) {
  for (size_t c = first; c < row.size(); ++c) SetNull(row[c], table.columns[c].type);
}

// The common row for a selection made with Into or Of: its columns stored one
// after the other as ColumnSelection::stored_order lists them. False for
// any other row (the general decoder reads it, or reports it damaged).
bool DecodeInStoredOrder(std::string_view data,
                         const std::vector<ColumnSelection::Step>& stored_order,
                         std::vector<types::Value>& row) {
  if (data.empty() || static_cast<uint8_t>(data[0]) != kRowFormatVersion) return false;
  Reader reader(data.substr(1));
  for (const ColumnSelection::Step& step : stored_order) {
    uint64_t attnum, tag;
    if (!reader.ColumnHeader(&attnum, &tag) || attnum != step.attnum) return false;
    if (step.keep) {
      if (!ReadPayload<true>(tag, reader, step.type, &row[static_cast<size_t>(step.at)])) {
        return false;
      }
      continue;
    }
    if (!ReadPayload<false>(tag, reader, 0, nullptr)) return false;
    if (step.at >= 0) SetNull(row[static_cast<size_t>(step.at)], step.type);
  }
  return true;
}

// Any row. Stored values and table columns are both in attnum order
// (EncodeRow writes the table's columns in order, attnums only grow), so one
// pass merges the two: a stored attnum below the column's is a dropped
// column's value, skipped; a column with no stored value (NULL, or added
// after the row was written) reads as NULL. Out of line: scans mostly take
// DecodeInStoredOrder, which then carries none of this frame.
[[gnu::noinline]] Status DecodeMerging(const Table& table, std::string_view data,
                                       std::vector<types::Value>& row,
                                       const ColumnSelection* needed) {
  const size_t n = table.columns.size();
  const bool into = needed != nullptr && !needed->positions.empty();
  row.resize(into ? needed->width : n);
  const size_t read_end = needed != nullptr ? needed->end : n;

  if (data.empty() || static_cast<uint8_t>(data[0]) != kRowFormatVersion) return Corrupt(table);
  Reader reader(data.substr(1));
  uint64_t attnum = 0, tag = 0, previous_attnum = 0;
  bool have_entry = false;
  auto next_entry = [&] {
    have_entry = !reader.done();
    if (!have_entry) return true;
    if (!reader.ColumnHeader(&attnum, &tag) || attnum <= previous_attnum) return false;
    previous_attnum = attnum;
    return true;
  };
  if (!next_entry()) return Corrupt(table);
  for (size_t c = 0; c < read_end; ++c) {
    const Column& column = table.columns[c];
    const uint64_t column_attnum = static_cast<uint16_t>(column.attnum);
    while (have_entry && attnum < column_attnum) {  // a dropped column's value
      if (!ReadPayload<false>(tag, reader, 0, nullptr) || !next_entry()) return Corrupt(table);
    }
    // Where column c goes (-1: nowhere) and whether its value is read.
    const int at = needed != nullptr ? needed->Position(c) : static_cast<int>(c);
    const bool keep = at >= 0 && (needed == nullptr || needed->Needs(c));
    if (have_entry && attnum == column_attnum) {
      const bool read = keep ? ReadPayload<true>(tag, reader, column.type, &row[static_cast<size_t>(at)])
                             : ReadPayload<false>(tag, reader, 0, nullptr);
      if (!read || !next_entry()) return Corrupt(table);
      if (keep || at < 0) continue;
    }
    if (at >= 0) SetNull(row[static_cast<size_t>(at)], column.type);
  }
  if (!into) NullAfter(table, read_end, row);
  return Status::OK();
}

}  // namespace

Status DecodeRowInto(const Table& table, std::string_view data, std::vector<types::Value>* out,
                     const ColumnSelection* needed) {
  if (needed != nullptr && !needed->stored_order.empty()) {
    if (out->size() != needed->width) out->resize(needed->width);
    if (DecodeInStoredOrder(data, needed->stored_order, *out)) {
      if (needed->positions.empty()) NullAfter(table, needed->end, *out);
      return Status::OK();
    }
  }
  return DecodeMerging(table, data, *out, needed);
}

}  // namespace db9::catalog
