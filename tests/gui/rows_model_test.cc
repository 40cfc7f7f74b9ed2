// RowsModel: pages are asked for only as the view scrolls, a sort or filter
// starts over, answers to superseded requests are dropped, and SQL NULL is
// told apart from the text 'NULL'. The page source here is a table in
// memory answering like db.rows (offset paging, truncated flag).
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

#include "daemon_fixture.h"
#include "gui/models/rows_model.h"
#include "gui/services/control_service.h"
#include "shared/control/client.h"

using db9::control::RowsPage;
using db9::control::RowsRequest;
using db9::gui::RowsModel;

namespace {

// Answers RowsModel's requests from `rows` ("id", "note") the way db.rows
// does; keeps the requests for inspection. Answers only when told to, so a
// test can hold a request in flight.
class MemoryTable : public QObject {
 public:
  explicit MemoryTable(int count) {
    for (int i = 1; i <= count; ++i) {
      rows.push_back({std::to_string(i), i % 10 == 0 ? std::nullopt : std::optional<std::string>(QStringLiteral("n%1").arg(i).toStdString())});
    }
  }
  void attach(RowsModel* model) {
    model_ = model;
    connect(model, &RowsModel::pageRequested, this,
            [this](const RowsRequest& request, quint64 ticket) { pending.push_back({request, ticket}); });
  }
  RowsPage pageFor(const RowsRequest& request) const {
    auto selected = rows;
    if (!request.order_by.empty() && request.order_by[0].column == "id" && request.order_by[0].descending) {
      std::reverse(selected.begin(), selected.end());
    }
    RowsPage page;
    page.result.columns = {{"id", 23, "int4"}, {"note", 25, "text"}};
    const auto begin = std::min<size_t>(request.offset, selected.size());
    const auto end = std::min<size_t>(begin + request.limit, selected.size());
    page.result.rows.assign(selected.begin() + begin, selected.begin() + end);
    page.result.truncated = end < selected.size();
    return page;
  }
  // Answers the oldest pending request.
  void answer() {
    auto [request, ticket] = pending.front();
    pending.erase(pending.begin());
    model_->addPage(ticket, pageFor(request));
  }
  std::vector<db9::control::ResultRow> rows;
  std::vector<std::pair<RowsRequest, quint64>> pending;

 private:
  RowsModel* model_ = nullptr;
};


// A daemon of its own and a model that fetches its pages from it through
// the control service, keeping every request it sent.
struct DaemonRowsModel {
  DaemonRowsModel(QObject* context, int page_size) {
    using db9::gui::ControlService;
    model.setPageSize(page_size);
    QObject::connect(&model, &RowsModel::pageRequested, &service, &ControlService::fetchRows);
    QObject::connect(&model, &RowsModel::pageRequested, context,
                     [this](const RowsRequest& request) { requests.push_back(request); });
    QObject::connect(&service, &ControlService::rowsFetched, &model, &RowsModel::addPage);
    QObject::connect(&service, &ControlService::rowsFailed, &model, &RowsModel::pageFailed);
  }

  // Database `name` holding t (id int PRIMARY KEY, grp int NOT NULL, note
  // text) with ids 1..rows; the reason when it could not be made.
  QString MakeNumberedTable(const std::string& name, int rows) {
    service.setSocketPath(daemon.controlSocket());  // known once the daemon runs
    auto client = daemon.Connect();
    if (!client) return "no control connection";
    if (auto created = client->CreateDatabase(name); !created.ok()) {
      return QString::fromStdString(created.status().ToString());
    }
    db9::control::SqlRequest sql;
    sql.database = name;
    sql.sql = "CREATE TABLE t (id int PRIMARY KEY, grp int NOT NULL, note text); "
              "INSERT INTO t SELECT g, g % 7, 'row ' || g FROM generate_series(1, " +
              std::to_string(rows) + ") g";
    auto made = client->Sql(sql);
    return made.ok() ? QString() : QString::fromStdString(made.status().ToString());
  }

  db9::gui::testing::DaemonFixture daemon;
  db9::gui::ControlService service;
  RowsModel model;
  std::vector<RowsRequest> requests;
};

}  // namespace

class RowsModelTest : public QObject {
  Q_OBJECT
 private slots:
  void loadsPagesOnDemand() {
    RowsModel model;
    model.setPageSize(50);
    MemoryTable table(120);
    table.attach(&model);
    model.setTable("db", "public", "items");
    QCOMPARE(table.pending.size(), size_t{1});
    QCOMPARE(table.pending[0].first.offset, 0);
    QCOMPARE(table.pending[0].first.limit, 50);
    QVERIFY(!model.canFetchMore({}));  // one request at a time
    table.answer();
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("note"));
    QVERIFY(model.canFetchMore({}));

    model.fetchMore({});
    QCOMPARE(table.pending[0].first.offset, 50);
    table.answer();
    model.fetchMore({});
    table.answer();
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore({}));
  }

  void viewFetchesWhenScrolled() {
    RowsModel model;
    model.setPageSize(30);
    MemoryTable table(1000);
    table.attach(&model);
    // Answer every request at once, as the real service would (later).
    connect(&model, &RowsModel::pageRequested, &table, [&] { QMetaObject::invokeMethod(&table, [&] { table.answer(); }, Qt::QueuedConnection); });
    QTableView view;
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    model.setTable("db", "public", "items");
    QTRY_VERIFY(model.rowCount() >= 30);
    const int before = model.rowCount();
    QVERIFY(before < 1000);  // not everything: only what is needed
    view.scrollToBottom();
    QTRY_VERIFY(model.rowCount() > before);
  }

  void nullIsShownDistinctly() {
    RowsModel model;
    MemoryTable table(20);
    table.rows[1][1] = std::string("NULL");  // the text, not SQL NULL
    table.attach(&model);
    model.setTable("db", "public", "items");
    table.answer();
    const QModelIndex sqlNull = model.index(9, 1);  // row 10 has note NULL
    QCOMPARE(sqlNull.data().toString(), QStringLiteral("NULL"));
    QVERIFY(sqlNull.data(RowsModel::IsNullRole).toBool());
    QVERIFY(sqlNull.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(sqlNull.data(Qt::ForegroundRole).isValid());
    const QModelIndex text = model.index(1, 1);
    QCOMPARE(text.data().toString(), QStringLiteral("NULL"));
    QVERIFY(!text.data(RowsModel::IsNullRole).toBool());
    QVERIFY(!text.data(Qt::FontRole).isValid());
  }

  void sortStartsOverAndDropsStalePages() {
    RowsModel model;
    model.setPageSize(10);
    MemoryTable table(25);
    table.attach(&model);
    model.setTable("db", "public", "items");
    table.answer();
    model.fetchMore({});  // page 2 in flight...
    model.sort(0, Qt::DescendingOrder);  // ...when the user clicks the header
    QCOMPARE(table.pending.size(), size_t{2});
    QCOMPARE(table.pending[1].first.order_by.size(), size_t{1});
    QCOMPARE(table.pending[1].first.order_by[0].column, std::string("id"));
    QVERIFY(table.pending[1].first.order_by[0].descending);
    QCOMPARE(table.pending[1].first.offset, 0);
    table.answer();  // the stale page 2: dropped
    QCOMPARE(model.rowCount(), 0);
    table.answer();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("25"));
  }

  void filterIsSentAndFailureReported() {
    RowsModel model;
    MemoryTable table(5);
    table.attach(&model);
    model.setTable("db", "public", "items");
    table.answer();
    model.setFilter(QStringLiteral("note"), QStringLiteral("is null"), std::nullopt);
    const auto& request = table.pending.back().first;
    QCOMPARE(request.filters.size(), size_t{1});
    QCOMPARE(request.filters[0].op, std::string("is null"));
    QVERIFY(!request.filters[0].value.has_value());
    QSignalSpy failed(&model, &RowsModel::loadFailed);
    model.pageFailed(table.pending.back().second, QStringLiteral("column \"note\" does not exist"));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));  // no retry loop while scrolling

    // A failed page at the tail: no loop there either, and Ctrl+Home
    // (jumpToStart) still goes back to the first page.
    table.pending.clear();
    model.setPrimaryKey({"id"});
    model.setPageSize(2);
    model.setFilter({}, {}, std::nullopt);
    table.answer();
    QVERIFY(model.jumpToEnd());
    table.answer();
    QVERIFY(model.canFetchEarlier());
    model.fetchEarlier();
    model.pageFailed(table.pending.back().second, QStringLiteral("connection lost"));
    QVERIFY(!model.canFetchEarlier());
    QVERIFY(!model.isComplete());
    QVERIFY(model.jumpToStart());
    QVERIFY(!model.isAtTail());
  }

  // Jump to the end: one request in the reversed order (the key spelled
  // out), shown back in order; earlier pages are prepended; rows are
  // numbered from the end until the start is in.
  void jumpToEndReadsTheOrderReversed() {
    RowsModel model;
    model.setPageSize(10);
    MemoryTable table(25);
    table.attach(&model);
    model.setTable("db", "public", "items");
    table.answer();
    QVERIFY(!model.jumpToEnd());  // key not known yet: no order to reverse
    QVERIFY(table.pending.empty());
    model.setPrimaryKey({"id"});
    QVERIFY(model.jumpToEnd());
    QCOMPARE(table.pending.size(), size_t{1});
    const auto& request = table.pending[0].first;
    QCOMPARE(request.order_by.size(), size_t{1});
    QCOMPARE(request.order_by[0].column, std::string("id"));
    QVERIFY(request.order_by[0].descending);
    QCOMPARE(request.offset, 0);
    QCOMPARE(request.limit, 10);
    table.answer();
    QVERIFY(model.isAtTail());
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("16"));
    QCOMPARE(model.index(9, 0).data().toString(), QStringLiteral("25"));
    QCOMPARE(model.headerData(9, Qt::Vertical).toString(), QStringLiteral("\u22121"));
    QVERIFY(!model.canFetchMore({}));  // nothing after the last row
    QVERIFY(model.canFetchEarlier());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchEarlier();
    QCOMPARE(table.pending[0].first.offset, 10);  // no keyset cursor from this source
    table.answer();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted[0].value(1).toInt(), 0);  // above the rows held
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("6"));
    model.fetchEarlier();
    table.answer();
    QVERIFY(model.isComplete());
    QCOMPARE(model.rowCount(), 25);
    for (int row = 0; row < 25; ++row) QCOMPARE(model.index(row, 0).data().toInt(), row + 1);
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);  // the start is in: plain numbers

    // At the end already: no request. Back to the start: none either (all held).
    QVERIFY(model.jumpToEnd());
    QVERIFY(!model.jumpToStart());
    QVERIFY(table.pending.empty());
  }

  // A sort by another column is reversed with the key after it, both
  // flipped; a tail without its start goes back to the first page on
  // jumpToStart, and a new sort starts from the top again.
  void jumpToEndUnderASort() {
    RowsModel model;
    model.setPageSize(10);
    MemoryTable table(25);
    table.attach(&model);
    model.setTable("db", "public", "items");
    table.answer();
    model.setPrimaryKey({"id"});
    model.sort(1, Qt::AscendingOrder);
    table.answer();
    QVERIFY(model.jumpToEnd());
    const auto order = table.pending[0].first.order_by;
    QCOMPARE(order.size(), size_t{2});
    QCOMPARE(order[0].column, std::string("note"));
    QVERIFY(order[0].descending);
    QCOMPARE(order[1].column, std::string("id"));
    QVERIFY(order[1].descending);
    table.answer();
    QVERIFY(model.isAtTail() && !model.isComplete());
    QVERIFY(model.jumpToStart());
    QCOMPARE(table.pending[0].first.order_by.size(), size_t{2});
    QVERIFY(!table.pending[0].first.order_by[0].descending && !table.pending[0].first.order_by[1].descending);
    table.answer();
    QVERIFY(!model.isAtTail());
    QVERIFY(model.jumpToEnd());
    table.answer();
    model.sort(0, Qt::AscendingOrder);
    QVERIFY(!model.isAtTail());
    QCOMPARE(table.pending[0].first.order_by.size(), size_t{1});
    QVERIFY(!table.pending[0].first.order_by[0].descending);
    table.answer();

    // A descending sort takes the key descending too (one backward index
    // scan on the daemon's side, no sort).
    model.sort(1, Qt::DescendingOrder);
    QCOMPARE(table.pending[0].first.order_by.size(), size_t{2});
    QCOMPARE(table.pending[0].first.order_by[1].column, std::string("id"));
    QVERIFY(table.pending[0].first.order_by[0].descending && table.pending[0].first.order_by[1].descending);
  }

  // Against db9d, when its SQL engine answers db.rows.
  void pagesFromDaemon() {
    db9::gui::testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    auto client = daemon.Connect();
    QVERIFY(client);
    QVERIFY(client->CreateDatabase("rows").ok());
    db9::control::SqlRequest sql;
    sql.database = "rows";
    // Plain VALUES rather than generate_series, so the test needs no
    // set-returning functions from the engine.
    std::string values;
    for (int i = 1; i <= 450; ++i) {
      if (i > 1) values += ", ";
      values += i % 10 == 0 ? QStringLiteral("(%1, NULL)").arg(i).toStdString()
                            : QStringLiteral("(%1, 'n%1')").arg(i).toStdString();
    }
    sql.sql = "CREATE TABLE items (id int PRIMARY KEY, note text); INSERT INTO items VALUES " + values;
    auto made = client->Sql(sql);
    QVERIFY2(made.ok(), made.status().ToString().c_str());

    db9::gui::ControlService service(daemon.controlSocket());
    RowsModel model;
    model.setPageSize(200);
    connect(&model, &RowsModel::pageRequested, &service, &db9::gui::ControlService::fetchRows);
    connect(&service, &db9::gui::ControlService::rowsFetched, &model, &RowsModel::addPage);
    connect(&service, &db9::gui::ControlService::rowsFailed, &model, &RowsModel::pageFailed);
    QSignalSpy failed(&model, &RowsModel::loadFailed);
    model.setTable("rows", "public", "items");
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() == 200 || failed.count() > 0, 5000);
    QVERIFY2(failed.count() == 0, qPrintable(failed.value(0).value(0).toString()));
    while (model.canFetchMore({})) {
      model.fetchMore({});
      QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    }
    QCOMPARE(model.rowCount(), 450);
    QVERIFY(model.index(9, 1).data(RowsModel::IsNullRole).toBool());
    model.sort(0, Qt::DescendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 200, 5000);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("450"));
    model.setFilter(QStringLiteral("note"), QStringLiteral("="), QStringLiteral("n7"));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
  }

  // A big table behind a real grid: opening and scrolling fetch one page
  // per step, never the table; pages after the first continue from the last
  // row's key (keyset), in the key's order and, with the key breaking ties,
  // in a sort by a NOT NULL column.
  void scrollingFetchesBoundedPagesByKey() {
    constexpr int kRows = 20000, kPage = 100;
    DaemonRowsModel wired(this, kPage);
    if (!wired.daemon.start()) QSKIP(qPrintable(wired.daemon.reason()));
    const QString not_made = wired.MakeNumberedTable("big", kRows);
    QVERIFY2(not_made.isEmpty(), qPrintable(not_made));
    RowsModel& model = wired.model;
    std::vector<RowsRequest>& requests = wired.requests;
    QTableView view;
    view.setModel(&model);
    view.resize(600, 400);
    view.show();

    const auto scroll = [&](int steps) {
      for (int i = 0; i < steps; ++i) {
        view.scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000);
      }
    };
    model.setTable("big", "public", "t");
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && !model.isLoading(), 10000);
    scroll(5);
    QVERIFY2(model.rowCount() <= 6 * kPage, qPrintable(QString::number(model.rowCount())));
    QVERIFY(!model.isComplete());
    QVERIFY(requests.size() <= 6);
    for (const auto& request : requests) QCOMPARE(request.limit, kPage);
    for (size_t i = 1; i < requests.size(); ++i) {
      QVERIFY(requests[i].after.has_value());
      QCOMPARE(requests[i].offset, 0);
    }
    QCOMPARE(model.index(model.rowCount() - 1, 0).data().toInt(), model.rowCount());

    // Sorted by grp (not unique): keyset too, and no row twice across pages.
    requests.clear();
    model.sort(1);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && !model.isLoading(), 10000);
    scroll(3);
    QVERIFY(model.rowCount() <= 4 * kPage);
    QVERIFY(requests.size() >= 2);
    QVERIFY(requests.back().after.has_value());
    QSet<int> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
      QCOMPARE(model.index(row, 1).data().toInt(), 0);
      seen.insert(model.index(row, 0).data().toInt());
    }
    QCOMPARE(seen.size(), model.rowCount());
  }

  // The end of a big table in one bounded request per page, by the key read
  // backwards, with keyset cursors going up; under a sort by a nullable
  // column (no keyset) by offsets counted from the end.
  void jumpToEndOfADaemonTable() {
    constexpr int kRows = 20000, kPage = 100;
    DaemonRowsModel wired(this, kPage);
    if (!wired.daemon.start()) QSKIP(qPrintable(wired.daemon.reason()));
    const QString not_made = wired.MakeNumberedTable("tail", kRows);
    QVERIFY2(not_made.isEmpty(), qPrintable(not_made));
    RowsModel& model = wired.model;
    std::vector<RowsRequest>& requests = wired.requests;
    QSignalSpy failed(&model, &RowsModel::loadFailed);
    const auto settle = [&] { QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10000); };
    const auto id = [&](int row) { return model.index(row, 0).data().toInt(); };

    model.setTable("tail", "public", "t");
    model.setPrimaryKey({"id"});
    settle();
    requests.clear();
    QVERIFY(model.jumpToEnd());
    settle();
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(requests.size(), size_t{1});
    QCOMPARE(model.rowCount(), kPage);
    QCOMPARE(id(0), kRows - kPage + 1);
    QCOMPARE(id(kPage - 1), kRows);
    model.fetchEarlier();
    settle();
    QVERIFY(requests.back().after.has_value());  // keyset going up
    QCOMPARE(model.rowCount(), 2 * kPage);
    for (int row = 0; row < model.rowCount(); ++row) QCOMPARE(id(row), kRows - 2 * kPage + 1 + row);

    // Sorted by grp: the tail is grp 6 with the highest ids, in order.
    model.sort(1);
    settle();
    QVERIFY(model.jumpToEnd());
    settle();
    QCOMPARE(model.index(kPage - 1, 1).data().toInt(), 6);
    QCOMPARE(id(kPage - 1), 19998);  // the largest id with id % 7 = 6
    QVERIFY(id(0) < id(kPage - 1));

    // Sorted by note (nullable: offset paging): the last row is the largest text.
    model.sort(2);
    settle();
    QVERIFY(model.jumpToEnd());
    settle();
    QCOMPARE(model.index(kPage - 1, 2).data().toString(), QStringLiteral("row 9999"));
    const QString firstHeld = model.index(0, 2).data().toString();
    model.fetchEarlier();
    settle();
    QVERIFY(!requests.back().after.has_value());
    QCOMPARE(requests.back().offset, kPage);
    QCOMPARE(model.rowCount(), 2 * kPage);
    QCOMPARE(model.index(kPage, 2).data().toString(), firstHeld);
    QVERIFY(model.index(kPage - 1, 2).data().toString() < firstHeld);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
  }
};

QTEST_MAIN(RowsModelTest)
#include "rows_model_test.moc"
