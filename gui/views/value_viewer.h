// ValueViewer: a side panel showing the selected cell whole — JSON
// pretty-printed (PrettyJson), vectors with every dimension, long text
// wrapped — with the column's name and type above it. Follows a view's
// current index; read-only.
#pragma once

#include <QWidget>

class QAbstractItemView;
class QLabel;
class QPlainTextEdit;

namespace db9::gui {

class ValueViewer : public QWidget {
  Q_OBJECT
 public:
  explicit ValueViewer(QWidget* parent = nullptr);

  // Shows the current cell of `view` and follows it (one view at a time).
  void follow(QAbstractItemView* view);
  QString shownText() const;

 private:
  void showIndex(const QModelIndex& index);

  QLabel* title_;
  QPlainTextEdit* text_;
  QAbstractItemView* view_ = nullptr;
  QList<QMetaObject::Connection> connections_;
};

}  // namespace db9::gui
