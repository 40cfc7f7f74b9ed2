#include "gui/views/icons.h"

#include <QHash>

namespace db9::gui {

QIcon ActionIcon(const QString& name) {
  // QIcon shares its data; the cache saves re-reading four PNGs per call.
  static QHash<QString, QIcon> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return *it;
  QIcon icon;
  for (int size : {16, 24, 32, 48}) {
    icon.addFile(QStringLiteral(":/icons/actions/%1-%2.png").arg(name).arg(size), QSize(size, size));
  }
  cache.insert(name, icon);
  return icon;
}

QIcon AppIcon() {
  static const QIcon icon = [] {
    QIcon i;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
      i.addFile(QStringLiteral(":/icons/app/db9-desktop-%1.png").arg(size), QSize(size, size));
    }
    return i;
  }();
  return icon;
}

}  // namespace db9::gui

void InitDb9GuiResources() { Q_INIT_RESOURCE(db9_desktop); }
