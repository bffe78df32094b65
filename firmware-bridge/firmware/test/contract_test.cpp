// Host test of the controller's contract code: g++ -std=c++17 (see run.sh).
#include "../olympiad_sensor/contract.h"

#include <cstdio>
#include <cstring>
#include <string>

static int failures = 0;

static void expectEqual(const std::string& actual, const std::string& expected, const char* what) {
  if (actual != expected) {
    std::printf("FAIL %s\n  expected %s\n  actual   %s\n", what, expected.c_str(), actual.c_str());
    ++failures;
  }
}

static olympiad::Event event(uint32_t seq, uint64_t t, char type, const char* name) {
  olympiad::Event e{};
  e.seq = seq;
  e.t = t;
  e.type = type;
  std::strncpy(e.name, name, sizeof e.name - 1);
  return e;
}

int main() {
  using namespace olympiad;
  expectEqual(topic("maze-1", "event"), "olympiad/v1/dev/maze-1/event", "event topic");
  expectEqual(encodeEvent("a1b2c3d4", event(7, 5000000123ULL, 'g', "finish")),
              R"({"v":1,"boot":"a1b2c3d4","seq":7,"t":5000000123,"type":"gate","gate":"finish"})", "gate event past 2^32 us");
  expectEqual(encodeEvent("a1b2c3d4", event(8, 42, 'b', "start")), R"({"v":1,"boot":"a1b2c3d4","seq":8,"t":42,"type":"button","button":"start"})",
              "button event");
  Event heartbeat = event(9, 1000, 'h', "");
  heartbeat.battery = 87;
  heartbeat.rssi = -61;
  expectEqual(encodeEvent("a1b2c3d4", heartbeat), R"({"v":1,"boot":"a1b2c3d4","seq":9,"t":1000,"type":"heartbeat","battery":87,"rssi":-61})",
              "heartbeat");
  expectEqual(encodeStatus(true, "1.0.0", "a1b2c3d4"), R"({"online":true,"fw":"1.0.0","boot":"a1b2c3d4"})", "status");
  expectEqual(encodeStatus(false, "", ""), R"({"online":false})", "last will");
  expectEqual(bootId(0xdeadbeef), "deadbeef", "boot id");

  EventQueue<3> queue;
  for (uint32_t i = 0; i < 4; ++i) queue.push(event(i, i, 'g', "start"));
  if (queue.size() != 3 || queue.refused() != 1 || queue.front()->seq != 0) {
    std::printf("FAIL queue keeps the oldest three and counts the refused fourth\n");
    ++failures;
  }
  queue.pop();
  queue.push(event(9, 9, 'g', "finish"));
  const uint32_t expectedOrder[] = {1, 2, 9};
  for (uint32_t seq : expectedOrder) {
    if (!queue.front() || queue.front()->seq != seq) {
      std::printf("FAIL queue order at seq %u\n", seq);
      ++failures;
    }
    queue.pop();
  }

  std::printf("%d passed, %d failed\n", 9 - failures, failures);
  return failures == 0 ? 0 : 1;
}
