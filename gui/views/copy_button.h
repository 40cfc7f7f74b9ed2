// CopyButton: copies a text to the clipboard in one click and says so — the
// icon turns into a check mark and the label into "Copied" for a moment — so
// a person knows the click worked without pasting to find out.
#pragma once

#include <QToolButton>

#include <functional>

class QTimer;

namespace db9::gui {

class CopyButton : public QToolButton {
  Q_OBJECT
 public:
  // `text` is asked for at click time, so the button always copies the
  // current value (a password may have been reset since).
  CopyButton(std::function<QString()> text, QWidget* parent = nullptr);

  // How long the "Copied" feedback stays.
  static constexpr int kFeedbackMs = 1500;
  bool showingFeedback() const;

 signals:
  void copied(const QString& text);

 private:
  void copy();
  void restore();

  std::function<QString()> text_;
  QTimer* restoreTimer_;
};

}  // namespace db9::gui
