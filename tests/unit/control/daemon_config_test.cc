// db9d's settings: defaults, the config file format and its error messages.
#include <QtTest>

#include "daemon/app/config.h"

using namespace db9::app;

class DaemonConfigTest : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir dir_;
  std::string Write(const char* text) {
    std::string path = dir_.path().toStdString() + "/db9d.conf";
    QFile file(QString::fromStdString(path));
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(text);
    return path;
  }

 private slots:
  void Defaults() {
    qputenv("XDG_DATA_HOME", "/data-home");
    qputenv("XDG_CONFIG_HOME", "/config-home");
    qputenv("XDG_RUNTIME_DIR", "/run/user/9");
    qunsetenv("DB9_CONTROL_SOCKET");
    DaemonConfig config;
    ApplyDefaults(&config);
    QCOMPARE(config.port, uint16_t{5433});
    QCOMPARE(config.listen_address, std::string("127.0.0.1"));
    QCOMPARE(config.data_dir, std::string("/data-home/db9"));
    QCOMPARE(config.control_socket, std::string("/run/user/9/db9/control.sock"));
    QCOMPARE(DefaultConfigPath(), std::string("/config-home/db9/db9d.conf"));
  }

  void FileOverridesDefaults() {
    DaemonConfig config;
    std::string path = Write(
        "# comment\n\nport = 6000\nlisten_address = 0.0.0.0  # trailing comment\n"
        "data_dir = \"/tmp/with space\"\nlog_level = debug\nmax_connections = 50\n"
        "pick_next_free_port = yes\n");
    QVERIFY(ApplyConfigFile(path, true, &config).ok());
    QCOMPARE(config.port, uint16_t{6000});
    QCOMPARE(config.listen_address, std::string("0.0.0.0"));
    QCOMPARE(config.data_dir, std::string("/tmp/with space"));
    QCOMPARE(config.log_level, std::string("debug"));
    QCOMPARE(config.max_connections, 50);
    QVERIFY(config.pick_next_free_port);
  }

  void ErrorsNameFileLineAndRule() {
    DaemonConfig config;
    std::string path = Write("port = 5433\nport = 70000\n");
    auto status = ApplyConfigFile(path, true, &config);
    QCOMPARE(std::string(status.sqlstate()), std::string("22023"));
    QVERIFY(std::string(status.message()).find(path + ":2: port must be") != std::string::npos);
    status = ApplyConfigFile(Write("colour = blue\n"), true, &config);
    QVERIFY(std::string(status.message()).find("unknown setting \"colour\"") != std::string::npos);
    status = ApplyConfigFile(Write("just words\n"), true, &config);
    QVERIFY(std::string(status.message()).find("key = value") != std::string::npos);
  }

  void MissingFileIsFineUnlessNamed() {
    DaemonConfig config;
    QVERIFY(ApplyConfigFile("/nonexistent/db9d.conf", false, &config).ok());
    QVERIFY(!ApplyConfigFile("/nonexistent/db9d.conf", true, &config).ok());
  }

  void RelativePathsBecomeAbsolute() {
    DaemonConfig config;
    config.data_dir = "rel/data";
    config.control_socket = "~/sock";
    qputenv("HOME", "/home/someone");
    ApplyDefaults(&config);
    QVERIFY(config.data_dir.front() == '/');
    QVERIFY(config.data_dir.ends_with("/rel/data"));
    QCOMPARE(config.control_socket, std::string("/home/someone/sock"));
  }
};

QTEST_GUILESS_MAIN(DaemonConfigTest)
#include "daemon_config_test.moc"
