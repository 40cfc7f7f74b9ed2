// Parser wrapper: protobuf tree (negative literals survive), statement
// splitting, syntax errors as 42601 with a cursor position.
#include <QtTest>

#include "daemon/sql/parser/parser.h"

using namespace db9;
using namespace db9::sql;

class ParserTest : public QObject {
  Q_OBJECT
 private slots:
  void negativeLiteralsSurvive() {
    auto parsed = Parse("SELECT -1, 0, -5");
    QVERIFY(parsed.ok());
    const auto& targets = (*parsed)->statements[0].node->select_stmt().target_list();
    QCOMPARE(targets.size(), 3);
    QCOMPARE(targets[0].res_target().val().a_const().ival().ival(), -1);
    QCOMPARE(targets[2].res_target().val().a_const().ival().ival(), -5);
  }
  void splitsStatements() {
    auto parsed = Parse("BEGIN; SELECT 1;  INSERT INTO t VALUES (1) ;");
    QVERIFY(parsed.ok());
    QCOMPARE((*parsed)->statements.size(), size_t{3});
    QCOMPARE((*parsed)->statements[1].text, std::string("SELECT 1"));
    QCOMPARE((*parsed)->statements[2].text, std::string("INSERT INTO t VALUES (1)"));
  }
  void emptyQueryHasNoStatements() {
    auto parsed = Parse(" ; ");
    QVERIFY(parsed.ok());
    QVERIFY((*parsed)->statements.empty());
  }
  void syntaxErrorHasCodeAndPosition() {
    auto parsed = Parse("SELECT * FROMM t");
    QVERIFY(!parsed.ok());
    QCOMPARE(std::string(parsed.status().sqlstate()), std::string("42601"));
    QCOMPARE(parsed.status().position(), 10);  // at "FROMM", as PostgreSQL reports
    QVERIFY(parsed.status().message().find("syntax error") != std::string_view::npos);
  }
  void nodeTypeNamesFollowPostgres() {
    auto parsed = Parse("CREATE VIEW v AS SELECT 1");
    QVERIFY(parsed.ok());
    QCOMPARE(NodeTypeName(*(*parsed)->statements[0].node), std::string("ViewStmt"));
  }
};

QTEST_GUILESS_MAIN(ParserTest)
#include "test_parser.moc"
