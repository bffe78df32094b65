#include "contract.h"

#include <cstdio>

namespace olympiad {

std::string topic(const std::string& deviceId, const char* kind) {
  return "olympiad/v1/dev/" + deviceId + "/" + kind;
}

std::string encodeEvent(const std::string& boot, const Event& event) {
  char buffer[200];
  const unsigned long long t = static_cast<unsigned long long>(event.t);
  switch (event.type) {
    case 'g':
      std::snprintf(buffer, sizeof buffer, R"({"v":1,"boot":"%s","seq":%u,"t":%llu,"type":"gate","gate":"%s"})", boot.c_str(),
                    event.seq, t, event.name);
      break;
    case 'b':
      std::snprintf(buffer, sizeof buffer, R"({"v":1,"boot":"%s","seq":%u,"t":%llu,"type":"button","button":"%s"})", boot.c_str(),
                    event.seq, t, event.name);
      break;
    case 'f':
      std::snprintf(buffer, sizeof buffer, R"({"v":1,"boot":"%s","seq":%u,"t":%llu,"type":"fault","code":"%s"})", boot.c_str(),
                    event.seq, t, event.name);
      break;
    default:
      std::snprintf(buffer, sizeof buffer, R"({"v":1,"boot":"%s","seq":%u,"t":%llu,"type":"heartbeat","battery":%u,"rssi":%d})",
                    boot.c_str(), event.seq, t, static_cast<unsigned>(event.battery), static_cast<int>(event.rssi));
  }
  return buffer;
}

std::string encodeStatus(bool online, const std::string& firmware, const std::string& boot) {
  if (!online) return R"({"online":false})";
  return R"({"online":true,"fw":")" + firmware + R"(","boot":")" + boot + R"("})";
}

std::string bootId(uint32_t random) {
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", random);
  return buffer;
}

}  // namespace olympiad
