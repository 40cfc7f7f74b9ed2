// gui_million_rows: how the table browser's grid copes with a table of a
// million rows. Starts a db9d (DaemonFixture: $DB9D or the one built in the
// tree), fills `big` (id primary key; k indexed; n and label not), then
// drives the real RowsModel and QTableView (offscreen) and prints how long
// each step took until the rows were on screen (opening, jumping to the end
// and back, scrolling, sorting, filtering), and how many rows the model
// held. Run by tests/bench/gui_million_rows.sh; not a test: the figures
// depend on the machine. ROWS=N in the environment changes the size;
// SCROLL_SECONDS=S (default 120) bounds the scroll to the end.
#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include <cstdio>

#include "daemon_fixture.h"
#include "gui/models/rows_model.h"
#include "gui/services/control_service.h"
#include "shared/control/client.h"

using namespace db9::gui;
namespace control = db9::control;

namespace {

constexpr int kChunk = 100000;  // rows per INSERT: keeps one write set small

bool Sql(control::Client& client, const std::string& sql) {
  control::SqlRequest request;
  request.database = "bench";
  request.sql = sql;
  auto result = client.Sql(request);
  if (!result.ok()) std::fprintf(stderr, "%s: %s\n", sql.c_str(), result.status().ToString().c_str());
  return result.ok();
}

// Waits until the model has no page in flight; false after `timeoutMs`.
bool Settle(RowsModel& model, int timeoutMs = 600000) {
  QElapsedTimer clock;
  clock.start();
  while (model.isLoading() && clock.elapsed() < timeoutMs) QTest::qWait(1);
  return !model.isLoading();
}

void Report(const char* step, qint64 ms, const RowsModel& model) {
  std::printf("%-44s %8lld ms   rows held: %d\n", step, static_cast<long long>(ms), model.rowCount());
  std::fflush(stdout);
}

// Times `action` until its page is in, then three more pages: further down
// by scrolling, or (after a jump to the end) further up.
void TimeStep(const char* step, RowsModel& model, QTableView& view, const std::function<void()>& action) {
  QElapsedTimer clock;
  clock.start();
  action();
  Settle(model);
  Report(step, clock.elapsed(), model);
  clock.restart();
  const bool tail = model.isAtTail();
  for (int i = 0; i < 3 && !model.isComplete(); ++i) {
    if (tail) {
      model.fetchEarlier();  // as TableBrowser does when the grid reaches its top
    } else {
      view.scrollToBottom();
    }
    QCoreApplication::processEvents();
    Settle(model);
  }
  Report(tail ? "  ... and 3 earlier pages" : "  ... and 3 more pages, scrolling", clock.elapsed(), model);
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const int total = qEnvironmentVariableIsSet("ROWS") ? qEnvironmentVariableIntValue("ROWS") : 1000000;

  db9::gui::testing::DaemonFixture daemon;
  if (!daemon.start()) {
    std::fprintf(stderr, "gui_million_rows: %s\n", qPrintable(daemon.reason()));
    return 1;
  }
  control::ClientOptions options;
  options.socket_path = daemon.controlSocket().toStdString();
  options.timeout = std::chrono::minutes(30);
  auto client = control::Client::Connect(options);
  if (!client.ok() || !(*client)->CreateDatabase("bench").ok()) return 1;

  QElapsedTimer clock;
  clock.start();
  if (!Sql(**client, "CREATE TABLE big (id int PRIMARY KEY, k int NOT NULL, n int NOT NULL, label text)")) return 1;
  for (int from = 1; from <= total; from += kChunk) {
    const int to = std::min(total, from + kChunk - 1);
    if (!Sql(**client, "INSERT INTO big SELECT g, (g::int8 * 7919) % 1000003, (g::int8 * 104729) % 1000033, "
                       "'row ' || g FROM generate_series(" + std::to_string(from) + ", " +
                       std::to_string(to) + ") g")) {
      return 1;
    }
  }
  if (!Sql(**client, "CREATE INDEX big_k ON big (k)")) return 1;
  std::printf("filled %d rows and indexed k in %lld ms\n\n", total, static_cast<long long>(clock.elapsed()));

  // As AppCore's rows service: a long call timeout, slow sorts finish.
  ControlService service(daemon.controlSocket());
  service.setCallTimeout(std::chrono::minutes(10));
  RowsModel model;
  QObject::connect(&model, &RowsModel::pageRequested, &service, &ControlService::fetchRows);
  QObject::connect(&service, &ControlService::rowsFetched, &model, &RowsModel::addPage);
  QObject::connect(&service, &ControlService::rowsFailed, &model, &RowsModel::pageFailed);
  QObject::connect(&model, &RowsModel::loadFailed, [](const QString& message) {
    std::printf("page failed: %s\n", qPrintable(message));
  });
  QTableView view;
  view.setModel(&model);
  view.resize(1000, 700);
  view.show();

  TimeStep("open the table (first page on screen)", model, view, [&] {
    model.setTable(QStringLiteral("bench"), QStringLiteral("public"), QStringLiteral("big"));
  });
  model.setPrimaryKey({"id"});
  // Ctrl+End: the last page, read by the key in reverse.
  TimeStep("jump to the end (last page on screen)", model, view, [&] { model.jumpToEnd(); });
  TimeStep("back to the start", model, view, [&] { model.jumpToStart(); });

  const qint64 scrollMs =
      1000LL * (qEnvironmentVariableIsSet("SCROLL_SECONDS") ? qEnvironmentVariableIntValue("SCROLL_SECONDS") : 120);
  clock.restart();
  int pages = 0;
  qint64 firstPageMs = -1;
  qint64 lastPageMs = 0;
  while (!model.isComplete() && clock.elapsed() < scrollMs) {
    QElapsedTimer page;
    page.start();
    view.scrollToBottom();
    QCoreApplication::processEvents();
    if (!Settle(model)) break;
    lastPageMs = page.elapsed();
    if (firstPageMs < 0) firstPageMs = lastPageMs;
    ++pages;
  }
  Report(model.isComplete() ? "scroll to the end, page by page" : "scroll towards the end (stopped: time)",
         clock.elapsed(), model);
  std::printf("  %d pages; the first took %lld ms, the last %lld ms\n", pages,
              static_cast<long long>(firstPageMs), static_cast<long long>(lastPageMs));

  TimeStep("sort by n (not indexed), first page", model, view, [&] { model.sort(2); });
  TimeStep("sort by k (indexed), first page", model, view, [&] { model.sort(1); });
  TimeStep("  then jump to the end", model, view, [&] { model.jumpToEnd(); });
  TimeStep("sort by k descending, first page", model, view, [&] { model.sort(1, Qt::DescendingOrder); });
  // Filters in the key's order (as a table opens), then one under the
  // sort by k: the order comes from k's index, the filter from no index.
  TimeStep("sort by id (the key) again", model, view, [&] { model.sort(0); });
  TimeStep("filter n = 4242 (not indexed)", model, view, [&] {
    model.setFilter(QStringLiteral("n"), QStringLiteral("="), QStringLiteral("4242"));
  });
  TimeStep("filter k < 5000 (indexed)", model, view, [&] {
    model.setFilter(QStringLiteral("k"), QStringLiteral("<"), QStringLiteral("5000"));
  });
  TimeStep("  then jump to the end", model, view, [&] { model.jumpToEnd(); });
  TimeStep("filter label like 'row 99999%'", model, view, [&] {
    model.setFilter(QStringLiteral("label"), QStringLiteral("like"), QStringLiteral("row 99999%"));
  });
  TimeStep("  the same, sorted by k descending", model, view, [&] { model.sort(1, Qt::DescendingOrder); });
  return 0;
}
