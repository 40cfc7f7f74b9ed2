// The Structure tab's models: columns with their keys, and the table's
// indexes followed by the constraints no index shows.
#include <QTest>

#include "gui/models/table_schema_models.h"

using namespace db9::gui;
namespace control = db9::control;

class TableSchemaModelsTest : public QObject {
  Q_OBJECT
 private slots:
  void indexesThenCheckAndForeignKeyConstraints() {
    control::TableDescription table;
    table.indexes = {{"orders_pkey", "CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)",
                      true, true},
                     {"orders_qty", "CREATE INDEX orders_qty ON public.orders USING btree (qty)", false, false}};
    table.constraints = {{"orders_qty_check", "check", "CHECK ((qty > 0))"},
                         {"orders_item_fkey", "foreign key", "FOREIGN KEY (item) REFERENCES items(id)"},
                         {"orders_pkey", "primary key", "PRIMARY KEY (id)"}};
    IndexesModel model;
    model.setDescription(table);
    QCOMPARE(model.rowCount(), 4);  // the primary-key constraint is its index
    auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(0, IndexesModel::kKind), QStringLiteral("primary key"));
    QCOMPARE(cell(1, IndexesModel::kKind), QStringLiteral("index"));
    QCOMPARE(cell(2, IndexesModel::kName), QStringLiteral("orders_qty_check"));
    QCOMPARE(cell(2, IndexesModel::kKind), QStringLiteral("check"));
    QCOMPARE(cell(3, IndexesModel::kDefinition), QStringLiteral("FOREIGN KEY (item) REFERENCES items(id)"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
  }
};

QTEST_GUILESS_MAIN(TableSchemaModelsTest)
#include "table_schema_models_test.moc"
