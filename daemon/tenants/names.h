// Database names: the rule they follow, and readable generated ones
// (brave-tiger-42) for databases created without a name.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "shared/base/status.h"

namespace db9::tenants {

// Lowercase ASCII letters, digits and hyphens; 1 to 63 characters; starts with
// a letter or digit. 22023 with a message that states the rule otherwise.
Status ValidateName(std::string_view name);

// A generated name for which `taken` is false.
std::string GenerateName(const std::function<bool(const std::string&)>& taken);

// Login user of a database ("<name>.admin"), and back (empty if `user` is not
// of that form).
std::string LoginUser(std::string_view name);
std::string NameFromLoginUser(std::string_view user);

}  // namespace db9::tenants
