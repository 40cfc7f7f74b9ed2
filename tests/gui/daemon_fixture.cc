#include "daemon_fixture.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "shared/control/client.h"

namespace db9::gui::testing {

int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

QString DaemonFixture::executable() {
  const QString fromEnv = qEnvironmentVariable("DB9D");
  if (!fromEnv.isEmpty()) return fromEnv;
#ifdef DB9_TEST_DB9D
  return QStringLiteral(DB9_TEST_DB9D);
#else
  return {};
#endif
}

QString DaemonFixture::controlSocket() const { return dir_.filePath(QStringLiteral("control.sock")); }
QString DaemonFixture::dataDir() const { return dir_.filePath(QStringLiteral("data")); }

bool DaemonFixture::start() {
  const QString program = executable();
  if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
    reason_ = QStringLiteral("no db9d to run (build the db9d target, or set DB9D)");
    return false;
  }
  if (!dir_.isValid()) {
    reason_ = QStringLiteral("no temporary directory");
    return false;
  }
  port_ = FreePort();
  process_.setProgram(program);
  process_.setArguments({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--port"),
                         QString::number(port_), QStringLiteral("--control-socket"),
                         controlSocket()});
  process_.setProcessChannelMode(QProcess::ForwardedChannels);
  process_.start();
  if (!process_.waitForStarted(5000)) {
    reason_ = QStringLiteral("db9d did not start: ") + process_.errorString();
    return false;
  }
  control::ClientOptions options;
  options.socket_path = controlSocket().toStdString();
  options.timeout = std::chrono::milliseconds(2000);
  const QDeadlineTimer deadline(15000);
  while (!deadline.hasExpired()) {
    if (process_.state() != QProcess::Running) {
      reason_ = QStringLiteral("db9d exited with code %1").arg(process_.exitCode());
      return false;
    }
    if (control::Client::Connect(options).ok()) return true;
    QThread::msleep(50);
  }
  reason_ = QStringLiteral("db9d's control socket did not answer within 15 s");
  stop();
  return false;
}

void DaemonFixture::stop() {
  if (process_.state() == QProcess::NotRunning) return;
  process_.terminate();
  if (!process_.waitForFinished(10000)) {
    process_.kill();
    process_.waitForFinished(2000);
  }
}

DaemonFixture::~DaemonFixture() { stop(); }

std::unique_ptr<control::Client> DaemonFixture::Connect() const {
  control::ClientOptions options;
  options.socket_path = controlSocket().toStdString();
  auto client = control::Client::Connect(options);
  return client.ok() ? std::move(client).value() : nullptr;
}

QStringList QueryRows(control::Client& client, const std::string& database, const std::string& sql) {
  control::SqlRequest request;
  request.database = database;
  request.sql = sql;
  auto result = client.Sql(request);
  if (!result.ok()) return {QString::fromStdString(result.status().ToString())};
  QStringList lines;
  for (const auto& row : result->results.back().rows) {
    QStringList cells;
    for (const auto& v : row) cells << (v ? QString::fromStdString(*v) : QStringLiteral("NULL"));
    lines << cells.join(QLatin1Char('|'));
  }
  return lines;
}

}  // namespace db9::gui::testing
