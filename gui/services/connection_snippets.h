// The forms in which people paste a database's connection details, made
// from the daemon's connect-info: the URL, the SQLAlchemy URL, a psql
// command, environment variables and a Python db.py snippet. Each form also
// has a display text with the password masked, so the panel and the tray can
// show a string without showing the secret.
#pragma once

#include <QList>
#include <QString>

#include "shared/control/types.h"

namespace db9::gui {

struct ConnectionSnippet {
  QString key;      // stable id: "url", "sqlalchemy", "psql", "env", "python"
  QString title;    // "Connection URL"
  QString text;     // what goes to the clipboard, password included
  QString masked;   // what is shown until the password is revealed
};

QList<ConnectionSnippet> ConnectionSnippets(const control::ConnectInfo& info);

// `text` with every occurrence of `secret` (raw and percent-encoded, as it
// appears inside a URL) replaced by dots.
QString MaskSecret(const QString& text, const QString& secret);

}  // namespace db9::gui
