#include "gui/models/activity_history.h"

namespace db9::gui {

ActivityHistory::ActivityHistory(QObject* parent) : QObject(parent) {}

void ActivityHistory::addSample(const std::vector<control::DatabaseInfo>& databases, qint64 unixMs) {
  ActivitySample sample;
  sample.unixMs = unixMs;
  for (const auto& db : databases) {
    sample.databases[db.name] = {db.size_bytes, db.open_connections};
  }
  if (!samples_.empty() && unixMs - samples_.back().unixMs < kMinSpacingMs) {
    // Newest values, the kept sample's time: a steady stream of close
    // answers still advances one point per kMinSpacingMs.
    samples_.back().databases = std::move(sample.databases);
  } else {
    samples_.push_back(std::move(sample));
  }
  while (samples_.size() > kMaxSamples) samples_.pop_front();
  emit changed();
}

void ActivityHistory::clear() {
  samples_.clear();
  emit changed();
}

}  // namespace db9::gui
