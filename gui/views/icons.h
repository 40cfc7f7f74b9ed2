// The app's icons from the compiled-in resources (resources/db9-desktop.qrc):
// PNGs rendered from resources/icons/**.svg at several sizes, so they stay
// sharp in menus, toolbars and on high-density screens without Qt's SVG
// plugin.
#pragma once

#include <QIcon>
#include <QString>

namespace db9::gui {

// `name` is an SVG's base name under resources/icons/actions ("copy").
QIcon ActionIcon(const QString& name);
QIcon AppIcon();

}  // namespace db9::gui

// Registers the compiled resources of the static db9_gui library; call once
// from main() or a test before any icon is used.
void InitDb9GuiResources();
