// Window functions: the frame arithmetic (peers, ROWS/GROUPS/RANGE bounds,
// EXCLUDE) on its own, then WindowOp through SQL: ranking, offsets, frames,
// named windows, windows over grouped rows, and the errors PostgreSQL gives.
#include <QtTest>

#include "daemon/sql/exec/window_frame.h"
#include "sql_fixture.h"

using namespace db9;
using namespace db9::sql;
using namespace db9::sql::testing;

using Rows = std::vector<std::string>;
using Positions = std::vector<int64_t>;

namespace {

// A layout for peers given as "equal to the previous row" flags.
PartitionLayout Layout(std::vector<bool> equal_to_previous) {
  PartitionLayout layout;
  ComputePeers(equal_to_previous, &layout);
  return layout;
}

// Frames for a clause without RANGE offsets (no order values needed).
PartitionLayout Frames(std::vector<bool> peers, int options, int64_t start, int64_t end) {
  PartitionLayout layout = Layout(std::move(peers));
  FrameClause clause;
  clause.options = options;
  Status s = ComputeFrames(clause, FrameOffsets{start, end}, nullptr,
                           functions::BuiltinRegistries().types, {}, {}, {}, &layout);
  if (!s.ok()) qFatal("%s", s.ToString().c_str());
  return layout;
}

}  // namespace

class WindowTest : public QObject {
  Q_OBJECT
 private:
  void Load(SqlFixture& f) {
    Status s = f.Exec(
        "CREATE TABLE t (id int PRIMARY KEY, grp text, val int);"
        "INSERT INTO t VALUES (1, 'a', 10), (2, 'a', 20), (3, 'a', 20), (4, 'b', 5), (5, 'b', NULL),"
        " (6, 'c', 7)");
    QVERIFY2(s.ok(), s.ToString().c_str());
  }

 private slots:
  void peers() {
    // Rows 1 and 2 tie, 3 and 4 tie.
    PartitionLayout l = Layout({false, false, true, false, true});
    QCOMPARE(l.peer_start, (Positions{0, 1, 1, 3, 3}));
    QCOMPARE(l.peer_end, (Positions{1, 3, 3, 5, 5}));
    QCOMPARE(l.peer_group, (Positions{0, 1, 1, 2, 2}));
    QCOMPARE(l.group_start, (Positions{0, 1, 3, 5}));
  }
  void defaultFrameIncludesPeers() {
    PartitionLayout l = Frames({false, false, true}, frame::kDefault, 0, 0);
    QCOMPARE(l.frame_start, (Positions{0, 0, 0}));
    QCOMPARE(l.frame_end, (Positions{1, 3, 3}));
  }
  void rowsOffsets() {
    const int opts = frame::kNonDefault | frame::kRows | frame::kBetween |
                     frame::kStartOffsetPreceding | frame::kEndOffsetFollowing;
    PartitionLayout l = Frames({false, false, false, false}, opts, 1, 1);
    QCOMPARE(l.frame_start, (Positions{0, 0, 1, 2}));
    QCOMPARE(l.frame_end, (Positions{2, 3, 4, 4}));
    // A frame that ends before it starts is empty, never negative.
    const int backwards = frame::kNonDefault | frame::kRows | frame::kBetween |
                          frame::kStartOffsetFollowing | frame::kEndOffsetPreceding;
    PartitionLayout e = Frames({false, false, false}, backwards, 1, 1);
    for (int64_t i = 0; i < 3; ++i) QVERIFY(e.frame_end[i] == e.frame_start[i]);
    // Huge offsets clamp to the partition instead of overflowing.
    PartitionLayout h = Frames({false, false}, opts, INT64_MAX, INT64_MAX);
    QCOMPARE(h.frame_start, (Positions{0, 0}));
    QCOMPARE(h.frame_end, (Positions{2, 2}));
  }
  void groupsOffsets() {
    const int opts = frame::kNonDefault | frame::kGroups | frame::kBetween |
                     frame::kStartOffsetPreceding | frame::kEndCurrentRow;
    // Groups: {0}, {1, 2}, {3}.
    PartitionLayout l = Frames({false, false, true, false}, opts, 1, 0);
    QCOMPARE(l.frame_start, (Positions{0, 0, 0, 1}));
    QCOMPARE(l.frame_end, (Positions{1, 3, 3, 4}));
  }
  void exclusion() {
    PartitionLayout l = Frames({false, true, true}, frame::kNonDefault | frame::kRows |
                                                        frame::kStartUnboundedPreceding |
                                                        frame::kEndUnboundedFollowing, 0, 0);
    std::vector<const Row*> args;
    PartitionFrame current(l, frame::kExcludeCurrentRow, args);
    current.set_current(1);
    QVERIFY(current.InFrame(0) && !current.InFrame(1) && current.InFrame(2));
    PartitionFrame group(l, frame::kExcludeGroup, args);
    group.set_current(1);
    QVERIFY(!group.InFrame(0) && !group.InFrame(1) && !group.InFrame(2));
    PartitionFrame ties(l, frame::kExcludeTies, args);
    ties.set_current(1);
    QVERIFY(!ties.InFrame(0) && ties.InFrame(1) && !ties.InFrame(2));
  }

  void ranking() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT id, row_number() OVER (ORDER BY val NULLS FIRST, id), rank() OVER w, "
                    "dense_rank() OVER w FROM t WINDOW w AS (ORDER BY val NULLS FIRST) ORDER BY id"),
             (Rows{"1|4|4|4", "2|5|5|5", "3|6|5|5", "4|2|2|2", "5|1|1|1", "6|3|3|3"}));
    QCOMPARE(f.Rows("SELECT id, ntile(4) OVER (ORDER BY id) FROM t ORDER BY id"),
             (Rows{"1|1", "2|1", "3|2", "4|2", "5|3", "6|4"}));
    QCOMPARE(f.Rows("SELECT percent_rank() OVER (ORDER BY val), cume_dist() OVER (ORDER BY val) "
                    "FROM t WHERE grp = 'a' ORDER BY id"),
             (Rows{"0|0.3333333333333333", "0.5|1", "0.5|1"}));
  }
  void offsetsAndValues() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT id, lag(val) OVER w, lead(val, 2, -1) OVER w, lag(val, -1) OVER w "
                    "FROM t WINDOW w AS (PARTITION BY grp ORDER BY id) ORDER BY id"),
             (Rows{"1|NULL|20|20", "2|10|-1|20", "3|20|-1|NULL", "4|NULL|-1|NULL", "5|5|-1|NULL",
                   "6|NULL|-1|NULL"}));
    QCOMPARE(f.Rows("SELECT id, first_value(id) OVER w, last_value(id) OVER w, nth_value(id, 2) OVER w "
                    "FROM t WHERE grp = 'a' WINDOW w AS (ORDER BY val) ORDER BY id"),
             (Rows{"1|1|1|NULL", "2|1|3|2", "3|1|3|2"}));
  }
  void aggregateFrames() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT id, sum(val) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW "
                    "EXCLUDE CURRENT ROW) FROM t ORDER BY id"),
             (Rows{"1|NULL", "2|10", "3|20", "4|20", "5|5", "6|NULL"}));
    QCOMPARE(f.Rows("SELECT id, count(*) OVER (ORDER BY val RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING) "
                    "FROM t WHERE val IS NOT NULL ORDER BY id"),
             (Rows{"1|3", "2|2", "3|2", "4|3", "6|3"}));
    QCOMPARE(f.Rows("SELECT id, sum(val) OVER (ORDER BY val GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) "
                    "FROM t WHERE grp = 'a' ORDER BY id"),
             (Rows{"1|50", "2|50", "3|50"}));
    QCOMPARE(f.Rows("SELECT grp, string_agg(id::text, ',') OVER (PARTITION BY grp ORDER BY id DESC), "
                    "count(*) FILTER (WHERE val > 5) OVER () FROM t ORDER BY id LIMIT 2"),
             (Rows{"a|3,2,1|4", "a|3,2|4"}));
  }
  void runningFrames() {
    SqlFixture f;
    Load(f);
    // sum keeps one state while the frame grows; array_agg (which may not
    // finish twice) is rebuilt per frame; both must agree with the frames.
    QCOMPARE(f.Rows("SELECT id, sum(val) OVER w, array_agg(id) OVER w, max(val) OVER w FROM t "
                    "WINDOW w AS (ORDER BY val NULLS FIRST) ORDER BY val NULLS FIRST, id"),
             (Rows{"5|NULL|{5}|NULL", "4|5|{5,4}|5", "6|12|{5,4,6}|7", "1|22|{5,4,6,1}|10",
                   "2|62|{5,4,6,1,2,3}|20", "3|62|{5,4,6,1,2,3}|20"}));
    QCOMPARE(f.Rows("SELECT id, sum(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) "
                    "FROM t ORDER BY id"),
             (Rows{"1|1", "2|3", "3|5", "4|7", "5|9", "6|11"}));
  }
  void grouped() {
    SqlFixture f;
    Load(f);
    QCOMPARE(f.Rows("SELECT grp, sum(val), rank() OVER (ORDER BY sum(val) DESC NULLS LAST), "
                    "sum(sum(val)) OVER () FROM t GROUP BY grp ORDER BY rank() OVER (ORDER BY sum(val) DESC)"),
             (Rows{"a|50|1|62", "c|7|2|62", "b|5|3|62"}));
  }
  void errors() {
    SqlFixture f;
    Load(f);
    QCOMPARE(Code(f.Exec("SELECT id FROM t WHERE row_number() OVER () = 1")), std::string("42P20"));
    QCOMPARE(Code(f.Exec("SELECT grp FROM t GROUP BY rank() OVER ()")), std::string("42P20"));
    QCOMPARE(Code(f.Exec("SELECT sum(row_number() OVER ()) FROM t")), std::string("42803"));
    QCOMPARE(Code(f.Exec("SELECT rank() OVER (ORDER BY rank() OVER ()) FROM t")), std::string("42P20"));
    QCOMPARE(Code(f.Exec("SELECT rank() OVER w FROM t")), std::string("42704"));
    QCOMPARE(Code(f.Exec("SELECT lower(grp) OVER () FROM t")), std::string("42809"));
    QCOMPARE(Code(f.Exec("SELECT ntile(0) OVER () FROM t")), std::string("22014"));
    QCOMPARE(Code(f.Exec("SELECT sum(val) OVER (ROWS -1 PRECEDING) FROM t")), std::string("22013"));
    QCOMPARE(Code(f.Exec("SELECT sum(val) OVER (RANGE 1 PRECEDING) FROM t")), std::string("42P20"));
    QCOMPARE(Code(f.Exec("SELECT count(DISTINCT val) OVER () FROM t")), std::string("0A000"));
    QCOMPARE(Code(f.Exec("SELECT rank() OVER (w ORDER BY id) FROM t "
                         "WINDOW w AS (ORDER BY val)")), std::string("42P20"));
    QCOMPARE(Code(f.Exec("INSERT INTO t VALUES (row_number() OVER (), 'x', 1)")), std::string("42P20"));
  }
};

QTEST_GUILESS_MAIN(WindowTest)
#include "test_window.moc"
