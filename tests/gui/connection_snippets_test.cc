// The connection forms people paste, and the masking of the password in
// each of them.
#include <QTest>

#include "gui/services/connection_snippets.h"

using db9::gui::ConnectionSnippets;
using db9::gui::MaskSecret;

namespace {

db9::control::ConnectInfo Info(const std::string& password, const std::string& inUrl) {
  db9::control::ConnectInfo info;
  info.host = "localhost";
  info.port = 5433;
  info.user = "shop.admin";
  info.database = "postgres";
  info.password = password;
  info.url = "postgresql://shop.admin:" + inUrl + "@localhost:5433/postgres";
  info.sqlalchemy_url = "postgresql+psycopg://shop.admin:" + inUrl + "@localhost:5433/postgres";
  info.psql_command = "psql 'postgresql://shop.admin:" + inUrl + "@localhost:5433/postgres'";
  info.environment = {{"PGHOST", "localhost"}, {"PGPORT", "5433"}, {"PGUSER", "shop.admin"},
                      {"PGPASSWORD", password}, {"PGDATABASE", "postgres"}};
  return info;
}

QString Snippet(const QList<db9::gui::ConnectionSnippet>& all, const char* key, bool masked) {
  for (const auto& s : all) {
    if (s.key == QLatin1String(key)) return masked ? s.masked : s.text;
  }
  return {};
}

}  // namespace

class ConnectionSnippetsTest : public QObject {
  Q_OBJECT
 private slots:
  void allFormsPresent() {
    const auto all = ConnectionSnippets(Info("Xk3pw", "Xk3pw"));
    QCOMPARE(all.size(), 5);
    QCOMPARE(Snippet(all, "url", false),
             QStringLiteral("postgresql://shop.admin:Xk3pw@localhost:5433/postgres"));
    QVERIFY(Snippet(all, "sqlalchemy", false).startsWith(QStringLiteral("postgresql+psycopg://")));
    QVERIFY(Snippet(all, "psql", false).startsWith(QStringLiteral("psql ")));
    QCOMPARE(Snippet(all, "env", false).split('\n').size(), 5);
    QVERIFY(Snippet(all, "env", false).contains(QStringLiteral("export PGPASSWORD='Xk3pw'")));
  }

  // The snippet follows the SQLAlchemy guide's db.py.
  void pythonSnippetBuildsAnEngine() {
    const QString python = Snippet(ConnectionSnippets(Info("pw", "pw")), "python", false);
    QVERIFY(python.startsWith(QStringLiteral("from sqlalchemy import create_engine\n")));
    QVERIFY(python.contains(
        QStringLiteral("\"postgresql+psycopg://shop.admin:pw@localhost:5433/postgres\"")));
    QVERIFY(python.contains(QStringLiteral("pool_pre_ping=True")));
    QVERIFY(python.contains(QStringLiteral("sessionmaker(bind=engine, expire_on_commit=False)")));
  }

  void passwordIsMaskedEverywhere() {
    for (const auto& s : ConnectionSnippets(Info("Xk3pw", "Xk3pw"))) {
      QVERIFY2(s.text.contains(QStringLiteral("Xk3pw")), qPrintable(s.key));
      QVERIFY2(!s.masked.contains(QStringLiteral("Xk3pw")), qPrintable(s.key));
      QVERIFY2(s.masked.contains(QStringLiteral("••••")), qPrintable(s.key));
    }
  }

  // A password with URL-special characters appears percent-encoded in the
  // URLs and raw in the environment; both are masked.
  void percentEncodedPasswordIsMasked() {
    const auto all = ConnectionSnippets(Info("p@ss/w:rd", "p%40ss%2Fw%3Ard"));
    for (const auto& s : all) {
      QVERIFY2(!s.masked.contains(QStringLiteral("p%40ss")) && !s.masked.contains(QStringLiteral("p@ss")),
               qPrintable(s.key + ": " + s.masked));
    }
    // Shell quoting survives a single quote in a password.
    const auto quoted = ConnectionSnippets(Info("it's", "it%27s"));
    QVERIFY(Snippet(quoted, "env", false).contains(QStringLiteral("export PGPASSWORD='it'\\''s'")));
  }

  void emptySecretMasksNothing() {
    QCOMPARE(MaskSecret(QStringLiteral("abc"), QString()), QStringLiteral("abc"));
  }
};

QTEST_MAIN(ConnectionSnippetsTest)
#include "connection_snippets_test.moc"
