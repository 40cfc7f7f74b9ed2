// Tells systemd (when it started us, Type=notify) that db9d is ready or
// stopping. Without systemd these do nothing.
#pragma once

#include <cstdint>

namespace db9::app {

void NotifyReady(uint16_t port);
void NotifyStopping();

}  // namespace db9::app
