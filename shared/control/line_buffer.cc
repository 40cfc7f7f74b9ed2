#include "shared/control/line_buffer.h"

namespace db9::control {

std::optional<LineBuffer::Line> LineBuffer::Next() {
  while (true) {
    size_t newline = pending_.find('\n', scan_from_);
    if (skipping_) {
      if (newline == std::string::npos) {
        pending_.clear();  // still inside the dropped line
        scan_from_ = 0;
        return std::nullopt;
      }
      skipping_ = false;
      scan_from_ = newline + 1;
      continue;
    }
    if (newline == std::string::npos) {
      if (pending_.size() - scan_from_ > max_line_) {
        // Report now rather than buffering an unbounded line.
        pending_.clear();
        scan_from_ = 0;
        skipping_ = true;
        return Line{{}, true};
      }
      // Compact so consumed bytes do not pile up.
      if (scan_from_ > 0) {
        pending_.erase(0, scan_from_);
        scan_from_ = 0;
      }
      return std::nullopt;
    }
    size_t length = newline - scan_from_;
    Line line;
    if (length > max_line_) {
      line.too_long = true;
    } else {
      line.text.assign(pending_, scan_from_, length);
      if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
    }
    scan_from_ = newline + 1;
    return line;
  }
}

}  // namespace db9::control
