#include "gui/services/connection_snippets.h"

#include <QCoreApplication>
#include <QUrl>

namespace db9::gui {
namespace {

QString Q(const std::string& s) { return QString::fromStdString(s); }

QString Tr(const char* text) {
  return QCoreApplication::translate("ConnectionSnippets", text);
}

// POSIX shell single-quoting: safe for any password.
QString ShellQuote(const QString& value) {
  QString quoted = value;
  quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
  return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// A Python string literal; the URL has no newlines, but quotes and
// backslashes in a password must survive.
QString PythonString(const QString& value) {
  QString escaped = value;
  escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"));
  escaped.replace(QLatin1String("\""), QLatin1String("\\\""));
  return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString EnvironmentBlock(const control::ConnectInfo& info) {
  QStringList lines;
  for (const auto& [name, value] : info.environment) {
    lines << QStringLiteral("export %1=%2").arg(Q(name), ShellQuote(Q(value)));
  }
  return lines.join(QLatin1Char('\n'));
}

// Follows the SQLAlchemy guide's db.py: psycopg 3 driver, pre-ping so a
// connection dropped by a daemon restart is replaced, objects usable after
// commit.
QString PythonSnippet(const control::ConnectInfo& info) {
  return QStringLiteral(
             "from sqlalchemy import create_engine\n"
             "from sqlalchemy.orm import sessionmaker\n"
             "\n"
             "engine = create_engine(\n"
             "    %1,\n"
             "    pool_pre_ping=True,\n"
             ")\n"
             "SessionFactory = sessionmaker(bind=engine, expire_on_commit=False)\n")
      .arg(PythonString(Q(info.sqlalchemy_url)));
}

}  // namespace

QString MaskSecret(const QString& text, const QString& secret) {
  if (secret.isEmpty()) return text;
  static const QString kDots = QStringLiteral("••••••••");
  QString masked = text;
  const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
  // Replace the longer form first so a partial match cannot leave pieces.
  if (encoded.size() >= secret.size()) {
    masked.replace(encoded, kDots);
    masked.replace(secret, kDots);
  } else {
    masked.replace(secret, kDots);
    masked.replace(encoded, kDots);
  }
  return masked;
}

QList<ConnectionSnippet> ConnectionSnippets(const control::ConnectInfo& info) {
  const QString password = Q(info.password);
  QList<ConnectionSnippet> snippets = {
      {QStringLiteral("url"), Tr("Connection URL"), Q(info.url), {}},
      {QStringLiteral("sqlalchemy"), Tr("SQLAlchemy URL"), Q(info.sqlalchemy_url), {}},
      {QStringLiteral("psql"), Tr("psql command"), Q(info.psql_command), {}},
      {QStringLiteral("env"), Tr("Environment variables"), EnvironmentBlock(info), {}},
      {QStringLiteral("python"), Tr("Python (SQLAlchemy)"), PythonSnippet(info), {}},
  };
  for (auto& snippet : snippets) snippet.masked = MaskSecret(snippet.text, password);
  return snippets;
}

}  // namespace db9::gui
