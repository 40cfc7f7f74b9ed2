#include "gui/app/theme.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>
#include <QStyleFactory>

namespace db9::gui {

QPalette DarkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2d, 0x31);
  const QColor base(0x1f, 0x21, 0x24);
  const QColor text(0xe8, 0xea, 0xed);
  const QColor disabledText(0x80, 0x86, 0x8b);
  const QColor highlight(0x3b, 0x82, 0xf6);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
  p.setColor(QPalette::ToolTipBase, window);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, disabledText);
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::white);
  p.setColor(QPalette::Highlight, highlight);
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
  p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4d));
  p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
  p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x36));
  p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
  p.setColor(QPalette::Shadow, Qt::black);
  for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, disabledText);
  }
  return p;
}

ThemeManager::ThemeManager(QObject* parent) : QObject(parent) {
  platformStyle_ = QApplication::style()->name();
  qApp->installEventFilter(this);
}

bool ThemeManager::platformIsDark() {
  // Light text on a dark window: the desktop is in a dark scheme.
  const QPalette palette = QApplication::palette();
  return palette.color(QPalette::Window).lightness() <
         palette.color(QPalette::WindowText).lightness();
}

void ThemeManager::apply(ThemeChoice choice) {
  choice_ = choice;
  applying_ = true;
  // Back to the platform's own look first: a palette with nothing set makes
  // Qt use the platform theme's palette again, and follow its changes.
  QApplication::setStyle(QStyleFactory::create(platformStyle_));
  QApplication::setPalette(QPalette());
  const bool systemDark = platformIsDark();
  const bool dark = choice == ThemeChoice::kDark || (choice == ThemeChoice::kSystem && systemDark);
  if (dark) {
    // Fusion draws every widget from the palette, so a dark palette is dark
    // everywhere (platform styles may paint parts with their own colours).
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(DarkPalette());
  } else if (choice == ThemeChoice::kLight && systemDark) {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());
  }
  applying_ = false;
  if (dark != dark_) {
    dark_ = dark;
    emit darkChanged(dark);
  }
}

bool ThemeManager::eventFilter(QObject* watched, QEvent* event) {
  // The desktop switched themes: re-decide from its new palette.
  if (watched == qApp && event->type() == QEvent::ThemeChange && !applying_ &&
      choice_ == ThemeChoice::kSystem) {
    apply(choice_);
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace db9::gui
