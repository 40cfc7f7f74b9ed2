#include "daemon/types/text_util.h"

#include <cstdio>

namespace db9::types {

size_t Utf8CharLen(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

Status ValidateUtf8(std::string_view s) {
  auto bad = [&](size_t i, size_t n) {
    std::string bytes;
    for (size_t k = i; k < i + n && k < s.size(); ++k) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%s0x%02x", k == i ? "" : " ",
                    static_cast<unsigned char>(s[k]));
      bytes += buf;
    }
    return Status::Error(sqlstate::kCharacterNotInRepertoire,
                         "invalid byte sequence for encoding \"UTF8\": " + bytes);
  };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return bad(i, 1);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = Utf8CharLen(c);
    if (n == 1 || c == 0xC0 || c == 0xC1 || c > 0xF4) return bad(i, 1);
    if (i + n > s.size()) return bad(i, s.size() - i);
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return bad(i, n);
    }
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 > 0x8F)) {
      return bad(i, n);
    }
    i += n;
  }
  return Status::OK();
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

size_t Utf8Offset(std::string_view s, size_t chars) {
  size_t i = 0;
  while (i < s.size() && chars > 0) {
    i += Utf8CharLen(static_cast<unsigned char>(s[i]));
    --chars;
  }
  return i < s.size() ? i : s.size();
}

}  // namespace db9::types
