#include "daemon/tenants/names.h"

#include <array>

#include "daemon/tenants/secrets.h"
#include "shared/base/sqlstate.h"

namespace db9::tenants {

namespace {

constexpr std::string_view kLoginSuffix = ".admin";

constexpr std::array<std::string_view, 40> kAdjectives = {
    "brave",  "calm",   "clever", "cosmic", "crisp",  "dapper", "eager",  "fancy",
    "gentle", "glad",   "golden", "happy",  "jolly",  "keen",   "kind",   "lively",
    "lucky",  "mellow", "merry",  "mighty", "nimble", "noble",  "proud",  "quick",
    "quiet",  "rapid",  "silent", "sleek",  "snowy",  "solar",  "steady", "sunny",
    "swift",  "tidy",   "vivid",  "warm",   "wild",   "wise",   "witty",  "zesty"};
constexpr std::array<std::string_view, 40> kAnimals = {
    "badger", "bear",   "beaver", "bison",  "cobra",  "crane",  "dingo",  "eagle",
    "falcon", "ferret", "finch",  "fox",    "gecko",  "heron",  "ibis",   "jaguar",
    "koala",  "lemur",  "lion",   "llama",  "lynx",   "marten", "moose",  "newt",
    "otter",  "owl",    "panda",  "puffin", "quokka", "raven",  "seal",   "shark",
    "sloth",  "stork",  "tiger",  "toucan", "walrus", "whale",  "wolf",   "yak"};

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

Status ValidateName(std::string_view name) {
  auto bad = [&](const std::string& why) {
    return Status::Error(sqlstate::kInvalidParameterValue,
                         "invalid database name \"" + std::string(name) + "\": " + why +
                             "; a name is 1 to 63 lowercase letters, digits and hyphens, "
                             "starting with a letter or digit")
        .WithHint("for example \"my-app\", or leave the name out to get a generated one");
  };
  if (name.empty()) return bad("it is empty");
  if (name.size() > 63) return bad("it is longer than 63 characters");
  if (name.front() == '-') return bad("it starts with a hyphen");
  for (char c : name) {
    if (!IsLowerAlnum(c) && c != '-') {
      return bad(c >= 'A' && c <= 'Z' ? "it has uppercase letters"
                                      : "it has characters other than a-z, 0-9 and '-'");
    }
  }
  return Status::OK();
}

std::string GenerateName(const std::function<bool(const std::string&)>& taken) {
  // 40 * 40 * 90 = 144 000 names; widen the number if they run out locally.
  uint64_t number_range = 90;
  for (int attempt = 0;; ++attempt) {
    if (attempt > 0 && attempt % 50 == 0) number_range *= 10;
    std::string name(kAdjectives[SecureRandomBelow(kAdjectives.size())]);
    name += '-';
    name += kAnimals[SecureRandomBelow(kAnimals.size())];
    name += '-';
    name += std::to_string(10 + SecureRandomBelow(number_range));
    if (!taken(name)) return name;
  }
}

std::string LoginUser(std::string_view name) { return std::string(name) + std::string(kLoginSuffix); }

std::string NameFromLoginUser(std::string_view user) {
  if (user.size() <= kLoginSuffix.size() || !user.ends_with(kLoginSuffix)) return {};
  return std::string(user.substr(0, user.size() - kLoginSuffix.size()));
}

}  // namespace db9::tenants
