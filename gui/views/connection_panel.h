// ConnectionPanel: how to connect to the selected database, in the forms
// people paste (URL, SQLAlchemy URL, psql command, environment variables, a
// Python snippet), each with a one-click copy. The password is masked in
// every form until "Show password" is pressed; copying always copies the
// real value.
#pragma once

#include <QList>
#include <QWidget>

#include <optional>

#include "gui/services/connection_snippets.h"
#include "shared/control/types.h"

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;
class QWidget;

namespace db9::gui {

class ControlService;
class CopyButton;

class ConnectionPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ConnectionPanel(ControlService* service, QWidget* parent = nullptr);

  // Shows the database's details (asks the daemon for them); empty: none.
  void setDatabase(const QString& name);
  QString database() const { return database_; }
  bool passwordRevealed() const { return revealed_; }
  void setPasswordRevealed(bool revealed);
  // The snippet texts as shown right now (masked or not), by key.
  QString shownText(const QString& key) const;

 signals:
  // A copy button was pressed; `what` is the form's title.
  void copied(const QString& what);

 private:
  struct SnippetRow {
    QString key;
    QPlainTextEdit* field = nullptr;
    CopyButton* copy = nullptr;
  };
  void onConnectInfo(const QString& name, const control::ConnectInfo& info);
  void showMessage(const QString& text);
  void render();
  QString snippetText(const QString& key) const;

  ControlService* service_;
  QString database_;
  std::optional<control::ConnectInfo> info_;
  QList<ConnectionSnippet> snippets_;
  bool revealed_ = false;

  QStackedWidget* stack_;
  QLabel* message_;
  QLabel* title_;
  QLabel* subtitle_;
  QToolButton* reveal_;
  QLabel* password_;
  QList<SnippetRow> rows_;
};

}  // namespace db9::gui
