// grab_screen: saves the whole X screen (the Xvfb display the screenshot
// script runs the app on) as a PNG. Used by screenshots.sh, since Debian's
// xvfb comes without xwd/import.
//   grab_screen OUT.png
#include <QGuiApplication>
#include <QPixmap>
#include <QScreen>

#include <cstdio>

int main(int argc, char** argv) {
  QGuiApplication app(argc, argv);
  if (argc != 2) {
    std::fprintf(stderr, "usage: grab_screen OUT.png\n");
    return 2;
  }
  QScreen* screen = QGuiApplication::primaryScreen();
  if (!screen) {
    std::fprintf(stderr, "grab_screen: no screen (is DISPLAY set?)\n");
    return 1;
  }
  const QPixmap shot = screen->grabWindow(0);
  if (shot.isNull() || !shot.save(QString::fromLocal8Bit(argv[1]))) {
    std::fprintf(stderr, "grab_screen: could not grab or save %s\n", argv[1]);
    return 1;
  }
  return 0;
}
