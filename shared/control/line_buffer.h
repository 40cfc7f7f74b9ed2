// LineBuffer: splits a byte stream into newline-ended lines with a size bound,
// the framing of the control protocol (docs/control-api.md). Used by both the
// daemon and the client. An overlong line is reported once and its remaining
// bytes are skipped up to the next newline, so the stream resynchronises.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace db9::control {

inline constexpr size_t kMaxRequestBytes = size_t{1} << 20;   // 1 MiB
inline constexpr size_t kMaxResponseBytes = size_t{64} << 20;  // 64 MiB

class LineBuffer {
 public:
  explicit LineBuffer(size_t max_line_bytes) : max_line_(max_line_bytes) {}

  struct Line {
    std::string text;        // without the newline; empty when too_long
    bool too_long = false;   // the line exceeded the bound and was dropped
  };

  void Append(std::string_view bytes) { pending_.append(bytes); }
  // The next complete line, if one is buffered (or an overlong-line report).
  std::optional<Line> Next();
  // Bytes buffered that do not yet form a line.
  size_t buffered() const { return pending_.size() - scan_from_; }

 private:
  size_t max_line_;
  std::string pending_;
  size_t scan_from_ = 0;  // bytes before this are consumed
  bool skipping_ = false;  // inside an overlong line already reported
};

}  // namespace db9::control
