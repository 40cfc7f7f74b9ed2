// Bytes a directory tree takes on disk (regular files' sizes), for "size on
// disk" in listings. Never fails: unreadable entries count as zero.
#pragma once

#include <cstdint>
#include <string>

namespace db9::tenants {

uint64_t DirectorySize(const std::string& dir);

}  // namespace db9::tenants
