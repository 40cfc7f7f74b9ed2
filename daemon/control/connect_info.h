// The ways to connect to one database, as the control API hands them out:
// URL, SQLAlchemy URL, psql command line and PG* environment variables, all
// with the port the daemon really listens on.
#pragma once

#include <string>

#include "shared/control/types.h"

namespace db9::control {

ConnectInfo MakeConnectInfo(const std::string& user, const std::string& password, int port);

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string PercentEncode(const std::string& text);

}  // namespace db9::control
