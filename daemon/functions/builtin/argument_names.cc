#include "daemon/functions/builtin/argument_names.h"

#include <map>

namespace db9::functions {

const ArgumentNames* BuiltinArgumentNames(std::string_view function) {
  static const std::map<std::string, ArgumentNames, std::less<>> kNames = [] {
    std::map<std::string, ArgumentNames, std::less<>> m;
    auto without_defaults = [](std::vector<std::string> names) {
      ArgumentNames a;
      a.defaults.resize(names.size());
      a.names = std::move(names);
      return a;
    };
    m["make_interval"] = ArgumentNames{
        {"years", "months", "weeks", "days", "hours", "mins", "secs"},
        {"0", "0", "0", "0", "0", "0", "0.0"}};
    m["make_date"] = without_defaults({"year", "month", "day"});
    m["make_time"] = without_defaults({"hour", "min", "sec"});
    m["make_timestamp"] = without_defaults({"year", "month", "mday", "hour", "min", "sec"});
    m["make_timestamptz"] =
        without_defaults({"year", "month", "mday", "hour", "min", "sec", "timezone"});
    return m;
  }();
  auto it = kNames.find(function);
  return it == kNames.end() ? nullptr : &it->second;
}

}  // namespace db9::functions
