// Editing in the rows grid: staged edits become parameterized statements
// (pure), and against a real db9d an Apply commits them in one transaction,
// while a failing Apply changes nothing and keeps the person's edits. Last, a
// click-through in the main window: edit a cell, press Apply.
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "daemon_fixture.h"
#include "gui/app/app_core.h"
#include "gui/app/main_window.h"
#include "gui/models/rows_model.h"
#include "gui/models/staged_edits.h"
#include "gui/services/control_service.h"
#include "gui/services/daemon_supervisor.h"
#include "gui/settings/app_settings.h"
#include "gui/views/icons.h"
#include "gui/views/row_actions_bar.h"
#include "gui/views/table_browser.h"
#include "shared/control/client.h"

using namespace db9::gui;
namespace control = db9::control;

namespace {

QStringList Query(control::Client& client, const std::string& database, const std::string& sql) {
  return testing::QueryRows(client, database, sql);
}

}  // namespace

class EditingTest : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { InitDb9GuiResources(); }

  // Deletes, then updates, then inserts; identifiers quoted, values bound.
  void stagedEditsBecomeStatements() {
    StagedEdits edits;
    EditTarget target{"public", "we\"ird", {"id", "na me", "doc"}, {0}};
    edits.setCell({"1"}, 1, std::string("it's \"x\""), std::string("old"));
    edits.setCell({"1"}, 2, std::nullopt, std::string("{}"));
    edits.setCell({"2"}, 1, std::string("same"), std::string("same"));  // no change
    edits.setDeleted({"3"}, true);
    const int row = edits.addRow(3);
    edits.setNewCell(row, 0, std::string("9"));
    edits.setNewCell(row, 2, std::string("{\"a\": 1}"));
    edits.addRow(3);  // all DEFAULT
    QCOMPARE(edits.changeCount(), 4);

    const auto statements = edits.toStatements(target);
    QCOMPARE(statements.size(), size_t(4));
    QCOMPARE(QString::fromStdString(statements[0].sql),
             QStringLiteral("DELETE FROM \"public\".\"we\"\"ird\" WHERE \"id\" = $1"));
    QCOMPARE(statements[0].params, (std::vector<CellValue>{std::string("3")}));
    QCOMPARE(QString::fromStdString(statements[1].sql),
             QStringLiteral("UPDATE \"public\".\"we\"\"ird\" SET \"na me\" = $1, \"doc\" = $2 WHERE \"id\" = $3"));
    QCOMPARE(statements[1].params,
             (std::vector<CellValue>{std::string("it's \"x\""), std::nullopt, std::string("1")}));
    QCOMPARE(QString::fromStdString(statements[2].sql),
             QStringLiteral("INSERT INTO \"public\".\"we\"\"ird\" (\"id\", \"doc\") VALUES ($1, $2)"));
    QCOMPARE(QString::fromStdString(statements[3].sql),
             QStringLiteral("INSERT INTO \"public\".\"we\"\"ird\" DEFAULT VALUES"));
    for (const auto& s : statements) QCOMPARE(s.expected_rows, std::optional<int64_t>(1));

    // A deleted row's cell edits are not applied.
    edits.setDeleted({"1"}, true);
    QCOMPARE(edits.toStatements(target).size(), size_t(4));  // 2 deletes + 2 inserts
    edits.clear();
    QVERIFY(edits.empty());
  }

  // Apply commits all staged changes; a failing Apply rolls back and keeps
  // the edits; a table without a primary key is read-only.
  void applySucceedsOrKeepsEdits() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    auto client = daemon.Connect();
    QVERIFY(client);
    QVERIFY(client->CreateDatabase("edits").ok());
    QCOMPARE(Query(*client, "edits",
                   "CREATE TABLE t (id int PRIMARY KEY, note text, doc jsonb DEFAULT '{}'); "
                   "CREATE TABLE nokey (a int); "
                   "INSERT INTO t VALUES (1, 'one', NULL), (2, 'two', '[1]'), (3, 'three', NULL); "
                   "SELECT 1"),
             QStringList{QStringLiteral("1")});

    ControlService service(daemon.controlSocket());
    RowsModel rows;
    connect(&rows, &RowsModel::pageRequested, &service, &ControlService::fetchRows);
    connect(&service, &ControlService::rowsFetched, &rows, &RowsModel::addPage);
    connect(&rows, &RowsModel::applyRequested, &service, [&](const control::ExecuteRequest& request) {
      service.run<control::SqlResult>([request](control::Client& c) { return c.Execute(request); },
                                      [&](const db9::Result<control::SqlResult>& r) {
                                        if (r.ok()) {
                                          rows.applySucceeded();
                                        } else {
                                          rows.applyFailed(QString::fromStdString(std::string(r.status().message())));
                                        }
                                      });
    });
    rows.setTable(QStringLiteral("edits"), QStringLiteral("public"), QStringLiteral("t"));
    QTRY_COMPARE_WITH_TIMEOUT(rows.rowCount(), 3, 5000);
    QVERIFY(!rows.isEditable());  // the key is not known yet
    QVERIFY(!rows.setData(rows.index(0, 1), QStringLiteral("x")));
    rows.setPrimaryKey({"id"});
    QVERIFY(rows.isEditable());

    // Stage: change a cell to text with quotes, NULL another, delete row 3,
    // add a row with a jsonb value (its doc left to DEFAULT in a second one).
    QVERIFY(rows.setData(rows.index(0, 1), QStringLiteral("it's \"one\"; DROP TABLE t; --")));
    rows.setNull(rows.index(1, 1));
    rows.toggleDeleted({2});
    const int added = rows.addRow();
    QCOMPARE(added, 3);
    QVERIFY(rows.setData(rows.index(added, 0), QStringLiteral("4")));
    QVERIFY(rows.setData(rows.index(added, 2), QStringLiteral("{\"k\": [1, 2]}")));
    QCOMPARE(rows.index(0, 1).data(RowsModel::EditStateRole).toString(), QStringLiteral("changed"));
    QCOMPARE(rows.index(2, 0).data(RowsModel::EditStateRole).toString(), QStringLiteral("deleted"));
    QCOMPARE(rows.index(added, 1).data().toString(), QStringLiteral("DEFAULT"));
    QVERIFY(rows.index(0, 1).data(Qt::BackgroundRole).isValid());
    QCOMPARE(rows.editCount(), 4);
    // Nothing is written before Apply.
    QCOMPARE(Query(*client, "edits", "SELECT note FROM t WHERE id = 1"), QStringList{QStringLiteral("one")});

    QSignalSpy finished(&rows, &RowsModel::applyFinished);
    rows.applyEdits();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!rows.hasEdits());
    QCOMPARE(Query(*client, "edits", "SELECT id, note, doc FROM t ORDER BY id"),
             (QStringList{QStringLiteral("1|it's \"one\"; DROP TABLE t; --|NULL"), QStringLiteral("2|NULL|[1]"),
                          QStringLiteral("4|NULL|{\"k\": [1, 2]}")}));
    QTRY_COMPARE_WITH_TIMEOUT(rows.rowCount(), 3, 5000);  // reloaded

    // A failing Apply: one good update and a duplicate key. Nothing changes,
    // the edits stay, the database's message comes back.
    QVERIFY(rows.setData(rows.index(1, 1), QStringLiteral("should not stay")));
    const int dup = rows.addRow();
    QVERIFY(rows.setData(rows.index(dup, 0), QStringLiteral("1")));
    rows.applyEdits();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
    QVERIFY(!finished.at(1).at(0).toBool());
    QVERIFY2(finished.at(1).at(1).toString().contains(QStringLiteral("duplicate key")),
             qPrintable(finished.at(1).at(1).toString()));
    QCOMPARE(rows.editCount(), 2);
    QCOMPARE(rows.index(1, 1).data().toString(), QStringLiteral("should not stay"));
    QCOMPARE(rows.index(dup, 0).data().toString(), QStringLiteral("1"));
    QCOMPARE(Query(*client, "edits", "SELECT coalesce(note, 'NULL') FROM t WHERE id = 2"),
             QStringList{QStringLiteral("NULL")});
    // Fixing the key lets the same edits through.
    QVERIFY(rows.setData(rows.index(dup, 0), QStringLiteral("5")));
    rows.applyEdits();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 5000);
    QVERIFY(finished.at(2).at(0).toBool());
    QCOMPARE(Query(*client, "edits", "SELECT count(*) FROM t"), QStringList{QStringLiteral("4")});

    rows.setTable(QStringLiteral("edits"), QStringLiteral("public"), QStringLiteral("nokey"));
    rows.setPrimaryKey({});
    QVERIFY(!rows.isEditable());
    QCOMPARE(rows.addRow(), -1);
  }

  // The person's way: select a cell, type, Enter, Apply.
  void editThenApplyInTheWindow() {
    testing::DaemonFixture daemon;
    if (!daemon.start()) QSKIP(qPrintable(daemon.reason()));
    auto client = daemon.Connect();
    QVERIFY(client);
    QVERIFY(client->CreateDatabase("shop").ok());
    Query(*client, "shop", "CREATE TABLE items (id int PRIMARY KEY, name text); "
                           "INSERT INTO items VALUES (1, 'apple'), (2, 'pear'); "
                           "CREATE TABLE zother (id int PRIMARY KEY); SELECT 1");
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppCore core(daemon.controlSocket());
    MainWindow window(&core, &settings, nullptr);
    window.show();
    window.showView(MainWindow::View::kTables);
    window.selectDatabaseWhenListed(QStringLiteral("shop"));
    core.start();
    RowsModel* rows = window.tableBrowser()->rowsModel();
    QTRY_COMPARE_WITH_TIMEOUT(rows->rowCount(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rows->isEditable(), 5000);

    QTableView* grid = window.tableBrowser()->rowsView();
    grid->setFocus();
    grid->setCurrentIndex(rows->index(1, 1));
    grid->edit(rows->index(1, 1));
    QWidget* editor = nullptr;
    QTRY_VERIFY((editor = QApplication::focusWidget()) && editor != grid);
    QVERIFY(editor && editor != grid);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral("quince"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(rows->index(1, 1).data().toString(), QStringLiteral("quince"));
    RowActionsBar* bar = window.tableBrowser()->actionsBar();
    QVERIFY(bar->noteText().contains(QStringLiteral("not yet applied")));

    // Moving to another table asks first; Cancel keeps table and edits.
    auto* list = window.tableBrowser()->findChild<QListView*>(QStringLiteral("tableList"));
    QVERIFY(list && list->model()->rowCount() == 2);
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) return;
      asked = box->text().contains(QStringLiteral("not applied"));
      box->button(QMessageBox::Cancel)->click();
    });
    list->setCurrentIndex(list->model()->index(1, 0));
    QVERIFY(asked);
    QTRY_COMPARE(list->currentIndex().row(), 0);
    QCOMPARE(rows->table(), QStringLiteral("items"));
    QVERIFY(rows->hasEdits());
    auto* apply = bar->findChild<QPushButton*>(QStringLiteral("applyEditsButton"));
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!rows->hasEdits() && !rows->isApplying(), 5000);
    QCOMPARE(Query(*client, "shop", "SELECT name FROM items WHERE id = 2"), QStringList{QStringLiteral("quince")});
  }
};

QTEST_MAIN(EditingTest)
#include "editing_test.moc"
