// Randomness and secret files: generated passwords, tenant ids, and the
// owner-only files that keep each database's plain password.
#pragma once

#include <cstdint>
#include <string>

#include "shared/base/result.h"
#include "shared/base/status.h"

namespace db9::tenants {

// Uniform in [0, bound) from the kernel's CSPRNG. REQUIRES: bound > 0.
uint64_t SecureRandomBelow(uint64_t bound);

// 24 characters from [A-Za-z0-9] (about 143 bits): strong, and safe to put
// in a URL, a shell command line or an environment variable unquoted.
std::string GeneratePassword();

// `length` random lowercase hex digits.
std::string RandomHex(int length);

// Writes `contents` to `path` atomically (temporary file, fsync, rename,
// fsync of the directory) with the given mode. 58030 on failure.
Status WriteFileAtomically(const std::string& path, const std::string& contents, uint32_t mode);

Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace db9::tenants
