#include "gui/services/rows_exporter.h"

#include <QMetaObject>
#include <QPointer>
#include <QSaveFile>

#include "gui/services/control_service.h"
#include "shared/base/sqlstate.h"
#include "shared/control/client.h"

namespace db9::gui {

RowsExporter::RowsExporter(const QString& socketPath, QObject* parent)
    : QObject(parent), cancelled_(std::make_shared<std::atomic<bool>>(false)) {
  // A connection of its own: a long export never delays the app's requests.
  service_ = new ControlService(socketPath, this);
  service_->setCallTimeout(std::chrono::minutes(5));
}

RowsExporter::~RowsExporter() { cancelled_->store(true); }

QString RowsExporter::socketPath() const { return service_->socketPath(); }

void RowsExporter::start(const control::RowsRequest& request, const QString& path,
                         ExportFormat format) {
  if (running_) return;
  running_ = true;
  cancelled_->store(false);
  QPointer<RowsExporter> self(this);
  auto cancelled = cancelled_;
  service_->run<qint64>(
      [request, path, format, cancelled, self](control::Client& client) -> Result<qint64> {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
          return Status::Error(sqlstate::kIoError,
                               "cannot write " + path.toStdString() + ": " +
                                   file.errorString().toStdString());
        }
        ExportWriter writer(&file, format);
        control::RowsRequest page = request;
        page.limit = kPageRows;
        page.offset = 0;
        page.after.reset();
        qint64 written = 0;
        bool first = true;
        while (true) {
          if (cancelled->load()) {
            file.cancelWriting();
            return Status::Error(sqlstate::kQueryCanceled, "export cancelled");
          }
          DB9_ASSIGN_OR_RETURN(control::RowsPage rows, client.Rows(page));
          if (first) writer.begin(rows.result.columns);
          first = false;
          writer.writeRows(rows.result.rows);
          written += static_cast<qint64>(rows.result.rows.size());
          QMetaObject::invokeMethod(self, [self, written] {
            if (self) emit self->progress(written);
          }, Qt::QueuedConnection);
          if (!rows.result.truncated || rows.result.rows.empty()) break;
          // Keyset paging when the order allows it (stable under concurrent
          // inserts), else offsets.
          if (rows.next_after) {
            page.after = rows.next_after;
          } else {
            page.offset += static_cast<int64_t>(rows.result.rows.size());
          }
        }
        writer.finish();
        if (!writer.ok() || !file.commit()) {
          return Status::Error(sqlstate::kIoError,
                               "cannot write " + path.toStdString() + ": " +
                                   file.errorString().toStdString());
        }
        return written;
      },
      [this](const Result<qint64>& result) {
        running_ = false;
        if (result.ok()) {
          emit finished(true, *result, {});
        } else {
          emit finished(false, 0, QString::fromStdString(std::string(result.status().message())));
        }
      });
}

}  // namespace db9::gui
