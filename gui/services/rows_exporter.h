// RowsExporter: writes a table's rows (under the grid's order and filter) to
// a CSV or JSON file, page by page through db.rows on a worker thread of its
// own: memory holds one page, never the table, and the UI stays live. The
// file appears only when the export completes (QSaveFile), so a failed or
// cancelled export leaves no half file behind.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "gui/models/export_writer.h"
#include "shared/control/types.h"

namespace db9::gui {

class ControlService;

class RowsExporter : public QObject {
  Q_OBJECT
 public:
  static constexpr int kPageRows = 1000;

  explicit RowsExporter(const QString& socketPath, QObject* parent = nullptr);
  ~RowsExporter() override;

  // `request` names the table, order and filters; paging is the exporter's.
  void start(const control::RowsRequest& request, const QString& path, ExportFormat format);
  // Stops after the page in flight; finished() reports it.
  void cancel() { cancelled_->store(true); }
  bool isRunning() const { return running_; }
  QString socketPath() const;

 signals:
  void progress(qint64 rows);
  void finished(bool ok, qint64 rows, const QString& message);

 private:
  ControlService* service_;
  std::shared_ptr<std::atomic<bool>> cancelled_;
  bool running_ = false;
};

}  // namespace db9::gui
