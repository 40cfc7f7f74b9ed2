#include "daemon/app/readiness.h"

#include <string>

#if DB9_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace db9::app {

void NotifyReady(uint16_t port) {
#if DB9_HAVE_SYSTEMD
  std::string state = "READY=1\nSTATUS=Serving PostgreSQL on port " + std::to_string(port);
  sd_notify(0, state.c_str());
#else
  (void)port;
#endif
}

void NotifyStopping() {
#if DB9_HAVE_SYSTEMD
  sd_notify(0, "STOPPING=1");
#endif
}

}  // namespace db9::app
