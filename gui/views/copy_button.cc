#include "gui/views/copy_button.h"

#include <QApplication>
#include <QClipboard>
#include <QTimer>

#include "gui/views/icons.h"

namespace db9::gui {

CopyButton::CopyButton(std::function<QString()> text, QWidget* parent)
    : QToolButton(parent), text_(std::move(text)) {
  setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  setAutoRaise(false);
  restoreTimer_ = new QTimer(this);
  restoreTimer_->setSingleShot(true);
  restoreTimer_->setInterval(kFeedbackMs);
  connect(restoreTimer_, &QTimer::timeout, this, &CopyButton::restore);
  connect(this, &QToolButton::clicked, this, &CopyButton::copy);
  restore();
  // Keep the width of the wider label so the layout does not jump.
  setMinimumWidth(sizeHint().width() + fontMetrics().horizontalAdvance(QStringLiteral("ed")));
}

bool CopyButton::showingFeedback() const { return restoreTimer_->isActive(); }

void CopyButton::copy() {
  const QString value = text_();
  if (value.isEmpty()) return;
  QApplication::clipboard()->setText(value);
  // X11 also has the selection buffer that middle-click pastes.
  if (QApplication::clipboard()->supportsSelection()) {
    QApplication::clipboard()->setText(value, QClipboard::Selection);
  }
  setIcon(ActionIcon(QStringLiteral("check")));
  setText(tr("Copied"));
  restoreTimer_->start();
  emit copied(value);
}

void CopyButton::restore() {
  setIcon(ActionIcon(QStringLiteral("copy")));
  setText(tr("Copy"));
}

}  // namespace db9::gui
