// SqlConsoleView: the SQL console of the selected database — a statement
// editor over a results grid, with a value viewer beside the grid. Run
// (Ctrl+Enter) runs the selection, or the whole text without one, through
// SqlConsole, off the UI thread; Cancel stops it. An error is shown with its
// message and the spot it names underlined in the editor. History offers the
// statements run before (kept across restarts); Export writes the result.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace db9::gui {

class SqlConsole;
class ValueViewer;

class SqlConsoleView : public QWidget {
  Q_OBJECT
 public:
  explicit SqlConsoleView(SqlConsole* console, QWidget* parent = nullptr);

  void setDatabase(const QString& database);
  QPlainTextEdit* editor() const { return editor_; }
  QTableView* resultView() const { return grid_; }
  QString statusText() const;
  // The editor index the last error underlined; -1 if none.
  int markedErrorIndex() const { return errorIndex_; }

 public slots:
  void run();
  void exportResult();

 private:
  void onRunning(bool running);
  void onFinished(const QString& summary);
  void onFailed(const QString& message, const QString& sqlstate, int index);
  void markError(int index);
  void refreshHistory();

  SqlConsole* console_;
  QPlainTextEdit* editor_;
  QPushButton* runButton_;
  QPushButton* cancelButton_;
  QPushButton* exportButton_;
  QComboBox* history_;
  QLabel* status_;
  QTableView* grid_;
  ValueViewer* viewer_;
  int runOffset_ = 0;   // where the text that ran starts in the editor
  int errorIndex_ = -1;
};

}  // namespace db9::gui
