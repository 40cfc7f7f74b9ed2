// ActivityHistory: per-database size and open connections over time, one
// sample per db.list answer (the supervisor polls every few seconds while the
// daemon runs), the last kMaxSamples kept. The activity chart draws it; it
// lives in AppCore so history accrues while the chart is not shown.
#pragma once

#include <QObject>

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "shared/control/types.h"

namespace db9::gui {

struct ActivitySample {
  qint64 unixMs = 0;
  struct Database {
    uint64_t sizeBytes = 0;
    int connections = 0;
  };
  std::map<std::string, Database> databases;  // by name
};

class ActivityHistory : public QObject {
  Q_OBJECT
 public:
  // An hour at the supervisor's 5 s poll.
  static constexpr size_t kMaxSamples = 720;
  // An answer closer than this to the last sample (an event burst) updates
  // that sample's values instead of adding a point.
  static constexpr qint64 kMinSpacingMs = 1000;

  explicit ActivityHistory(QObject* parent = nullptr);

  void addSample(const std::vector<control::DatabaseInfo>& databases, qint64 unixMs);
  void clear();
  const std::deque<ActivitySample>& samples() const { return samples_; }

 signals:
  void changed();

 private:
  std::deque<ActivitySample> samples_;
};

}  // namespace db9::gui
