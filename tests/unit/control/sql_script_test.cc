// SplitScript: COPY ... FROM stdin blocks are cut out of a restored script so
// the parser never sees their data.
#include "daemon/control/sql_script.h"

#include <QtTest>

using db9::control::SplitScript;

class SqlScriptTest : public QObject {
  Q_OBJECT

 private slots:
  void plainSqlIsOnePart() {
    auto parts = SplitScript("CREATE TABLE t (id int);\nSELECT 'COPY x FROM stdin;';\n");
    QCOMPARE(parts.size(), size_t{1});
    QVERIFY(!parts[0].copy_data);
    QCOMPARE(parts[0].offset, size_t{0});
  }

  void copyBlocksAreCutOut() {
    std::string script =
        "BEGIN;\nCOPY public.t (id, body) FROM stdin;\n1\tone\n2\t\\N\n\\.\n"
        "copy t2 from STDIN ;\n\\.\nCOMMIT;\n";
    auto parts = SplitScript(script);
    QCOMPARE(parts.size(), size_t{3});
    QCOMPARE(std::string(parts[0].sql), std::string("BEGIN;\nCOPY public.t (id, body) FROM stdin;\n"));
    QCOMPARE(std::string(*parts[0].copy_data), std::string("1\tone\n2\t\\N\n"));
    QCOMPARE(std::string(parts[1].sql), std::string("copy t2 from STDIN ;\n"));
    QCOMPARE(parts[1].offset, script.find("copy t2"));
    QCOMPARE(std::string(*parts[1].copy_data), std::string());
    QCOMPARE(std::string(parts[2].sql), std::string("COMMIT;\n"));
    QVERIFY(!parts[2].copy_data);
  }

  void escapedEndMarkerInDataIsData() {
    auto parts = SplitScript("COPY t FROM stdin;\n\\\\.\nend\\.\n\\.\n");
    QCOMPARE(parts.size(), size_t{1});
    QCOMPARE(std::string(*parts[0].copy_data), std::string("\\\\.\nend\\.\n"));
  }

  void unterminatedBlockRunsToTheEnd() {
    auto parts = SplitScript("COPY t FROM stdin;\n1\n2");
    QCOMPARE(parts.size(), size_t{1});
    QCOMPARE(std::string(*parts[0].copy_data), std::string("1\n2"));
  }

  void copyToOrFromFilesAreSql() {
    auto parts = SplitScript("COPY t TO stdout;\nCOPY t FROM '/tmp/x';\nCOPY stdin FROM x;\n");
    QCOMPARE(parts.size(), size_t{1});
    QVERIFY(!parts[0].copy_data);
  }
};

QTEST_GUILESS_MAIN(SqlScriptTest)
#include "sql_script_test.moc"
