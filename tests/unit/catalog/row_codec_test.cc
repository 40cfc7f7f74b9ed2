// Stored rows: what a scan decodes when it needs only some columns, and
// rows written before columns were added or dropped.
#include <QtTest>

#include "daemon/catalog/row_keys.h"

namespace db9::catalog {
namespace {

using types::Value;
namespace oid = types::oid;

Column MakeColumn(const char* name, int16_t attnum, types::Oid type) {
  Column c;
  c.name = name;
  c.attnum = attnum;
  c.type = type;
  return c;
}

Table ThreeColumns() {
  Table t;
  t.oid = 16384;
  t.name = "t";
  t.columns = {MakeColumn("id", 1, oid::kInt4), MakeColumn("val", 2, oid::kInt4),
               MakeColumn("note", 3, oid::kText)};
  t.next_attnum = 4;
  return t;
}

std::vector<Value> Decode(const Table& t, const std::string& data, const ColumnSelection* needed) {
  std::vector<Value> row;
  Status s = DecodeRowInto(t, data, &row, needed);
  if (!s.ok()) qFatal("decode failed: %s", s.ToString().c_str());
  return row;
}

}  // namespace

class RowCodecTest : public QObject {
  Q_OBJECT

 private slots:
  void selectionEndsAfterTheLastNeededColumn() {
    QCOMPARE(ColumnSelection({false, true, false}).end, size_t{2});
    QCOMPARE(ColumnSelection({true, false, true}).end, size_t{3});
    QCOMPARE(ColumnSelection({false, false, false}).end, size_t{0});
  }

  void decodesOnlyTheNeededColumns() {
    Table t = ThreeColumns();
    std::string data = EncodeRow(t, {Value::Int4(7), Value::Int4(42), Value::Text("seven")});
    ColumnSelection middle({false, true, false});
    std::vector<Value> row = Decode(t, data, &middle);
    QCOMPARE(row.size(), size_t{3});
    QVERIFY(row[0].is_null());
    QCOMPARE(row[1].as_int(), int64_t{42});
    QVERIFY(row[2].is_null());
    QCOMPARE(row[2].type(), oid::kText);  // NULLs keep the column's type
    ColumnSelection last({false, false, true});
    row = Decode(t, data, &last);
    QCOMPARE(row[2].as_string(), std::string("seven"));
    QVERIFY(row[1].is_null());
    row = Decode(t, data, nullptr);
    QCOMPARE(row[0].as_int(), int64_t{7});
    QCOMPARE(row[2].as_string(), std::string("seven"));
  }

  void reusedRowBuffersForgetTheLastRow() {
    Table t = ThreeColumns();
    std::vector<Value> row;
    QVERIFY(DecodeRowInto(t, EncodeRow(t, {Value::Int4(1), Value::Int4(2), Value::Text("x")}), &row).ok());
    ColumnSelection first({true, false, false});
    QVERIFY(DecodeRowInto(t, EncodeRow(t, {Value::Int4(3), Value::Int4(4), Value::Text("y")}), &row,
                          &first).ok());
    QCOMPARE(row[0].as_int(), int64_t{3});
    QVERIFY(row[1].is_null());
    QVERIFY(row[2].is_null());
    // A stored NULL in a needed column reads as NULL, not as the last row's value.
    QVERIFY(DecodeRowInto(t, EncodeRow(t, {Value::Null(oid::kInt4), Value::Int4(5), Value::Text("z")}),
                          &row, &first).ok());
    QVERIFY(row[0].is_null());
  }

  // A select list of plain columns: each goes straight to its place in the
  // output, in the list's order; stored NULLs and columns the row lacks
  // (added later) read as NULL of the column's type, even in a reused row.
  void decodesIntoTheSelectListsPositions() {
    Table t = ThreeColumns();
    ColumnSelection note_then_id = ColumnSelection::Into(t, {2, 0});
    std::vector<Value> row =
        Decode(t, EncodeRow(t, {Value::Int4(7), Value::Int4(42), Value::Text("seven")}), &note_then_id);
    QCOMPARE(row.size(), size_t{2});
    QCOMPARE(row[0].as_string(), std::string("seven"));
    QCOMPARE(row[1].as_int(), int64_t{7});
    QVERIFY(DecodeRowInto(t, EncodeRow(t, {Value::Int4(8), Value::Int4(1), Value::Null(oid::kText)}),
                          &row, &note_then_id).ok());
    QVERIFY(row[0].is_null());
    QCOMPARE(row[0].type(), oid::kText);
    QCOMPARE(row[1].as_int(), int64_t{8});

    std::string before_add = EncodeRow(t, {Value::Int4(9), Value::Int4(2), Value::Text("x")});
    t.columns.push_back(MakeColumn("extra", 4, oid::kInt8));
    t.next_attnum = 5;
    ColumnSelection extra_then_val = ColumnSelection::Into(t, {3, 1});
    row = Decode(t, before_add, &extra_then_val);
    QCOMPARE(row.size(), size_t{2});
    QVERIFY(row[0].is_null());
    QCOMPARE(row[0].type(), oid::kInt8);
    QCOMPARE(row[1].as_int(), int64_t{2});
  }

  // Whole rows for a scan (ColumnSelection::Of): columns not needed read as
  // NULL, also in a row buffer that held the last row's values.
  void decodesWholeRowsWithTheTable() {
    Table t = ThreeColumns();
    ColumnSelection middle = ColumnSelection::Of(t, {false, true, false});
    std::vector<Value> row = Decode(t, EncodeRow(t, {Value::Int4(7), Value::Int4(42), Value::Text("s")}),
                                    nullptr);
    QVERIFY(DecodeRowInto(t, EncodeRow(t, {Value::Int4(8), Value::Int4(43), Value::Text("u")}), &row,
                          &middle).ok());
    QCOMPARE(row.size(), size_t{3});
    QVERIFY(row[0].is_null());
    QCOMPARE(row[0].type(), oid::kInt4);
    QCOMPARE(row[1].as_int(), int64_t{43});
    QVERIFY(row[2].is_null());
    QCOMPARE(row[2].type(), oid::kText);
    // A NULL before the needed column: the row takes the general decoder.
    QVERIFY(DecodeRowInto(t, EncodeRow(t, {Value::Null(oid::kInt4), Value::Int4(44), Value::Text("v")}),
                          &row, &middle).ok());
    QCOMPARE(row[1].as_int(), int64_t{44});
    QVERIFY(row[2].is_null());
    ColumnSelection all = ColumnSelection::Of(t, {true, true, true});
    row = Decode(t, EncodeRow(t, {Value::Int4(9), Value::Int4(45), Value::Text("w")}), &all);
    QCOMPARE(row[0].as_int(), int64_t{9});
    QCOMPARE(row[2].as_string(), std::string("w"));
  }

  void oldRowsReadAfterAddAndDropColumn() {
    Table t = ThreeColumns();
    std::string old_row = EncodeRow(t, {Value::Int4(1), Value::Int4(2), Value::Text("x")});
    // DROP COLUMN val, then ADD COLUMN extra: the stored value of val is
    // skipped, extra reads as NULL.
    t.columns.erase(t.columns.begin() + 1);
    t.columns.push_back(MakeColumn("extra", 4, oid::kInt8));
    t.next_attnum = 5;
    ColumnSelection note({false, true, false});
    std::vector<Value> row = Decode(t, old_row, &note);
    QCOMPARE(row[1].as_string(), std::string("x"));
    ColumnSelection extra({false, false, true});
    row = Decode(t, old_row, &extra);
    QVERIFY(row[2].is_null());
    QCOMPARE(row[2].type(), oid::kInt8);
    ColumnSelection extra_note_id = ColumnSelection::Into(t, {2, 1, 0});
    row = Decode(t, old_row, &extra_note_id);
    QVERIFY(row[0].is_null());
    QCOMPARE(row[1].as_string(), std::string("x"));
    QCOMPARE(row[2].as_int(), int64_t{1});
  }

  void corruptRowsAreErrors() {
    Table t = ThreeColumns();
    std::vector<Value> row;
    QCOMPARE(DecodeRowInto(t, std::string("\x7f", 1), &row).sqlstate(), std::string_view("XX001"));
    std::string data = EncodeRow(t, {Value::Int4(1), Value::Int4(2), Value::Text("x")});
    QVERIFY(!DecodeRowInto(t, data.substr(0, data.size() - 2), &row).ok());
    // Values are stored in attnum order; one out of order is damage, not a
    // value to guess a column for.
    Table swapped = ThreeColumns();
    std::swap(swapped.columns[0], swapped.columns[1]);
    std::string out_of_order = EncodeRow(swapped, {Value::Int4(2), Value::Int4(1), Value::Text("x")});
    QCOMPARE(DecodeRowInto(t, out_of_order, &row).sqlstate(), std::string_view("XX001"));
  }
};

}  // namespace db9::catalog

QTEST_GUILESS_MAIN(db9::catalog::RowCodecTest)
#include "row_codec_test.moc"
