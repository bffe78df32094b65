// Sensor contract v1 (docs/sensor-contract.md) for the reference controller: message encoding and the
// local event queue. Plain C++17 with no Arduino headers, so host tests compile it with g++.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace olympiad {

struct Event {
  uint32_t seq;
  uint64_t t;        // controller clock, microseconds since power-up
  char type;         // 'g' gate, 'b' button, 'h' heartbeat, 'f' fault
  char name[12];     // gate ("start", "finish", "cp1"…), button or fault code
  uint8_t battery;   // heartbeat only
  int8_t rssi;       // heartbeat only
};

// Topic of this device's events, status or commands.
std::string topic(const std::string& deviceId, const char* kind);

// The JSON payload of an event, exactly as the server's schema wants it.
std::string encodeEvent(const std::string& boot, const Event& event);

// The retained status message (and, with online = false, the Last Will).
std::string encodeStatus(bool online, const std::string& firmware, const std::string& boot);

// A random boot id from a hardware random number (8 lowercase hex characters).
std::string bootId(uint32_t random);

// Events wait here until the broker acknowledged them; oldest first. When full, new events are
// refused (and counted) rather than overwriting older ones: an old finish time matters as much.
template <size_t Capacity>
class EventQueue {
 public:
  bool push(const Event& event) {
    if (count_ == Capacity) {
      ++refused_;
      return false;
    }
    items_[(head_ + count_) % Capacity] = event;
    ++count_;
    return true;
  }
  const Event* front() const { return count_ ? &items_[head_] : nullptr; }
  void pop() {
    if (!count_) return;
    head_ = (head_ + 1) % Capacity;
    --count_;
  }
  size_t size() const { return count_; }
  uint32_t refused() const { return refused_; }

 private:
  Event items_[Capacity]{};
  size_t head_ = 0;
  size_t count_ = 0;
  uint32_t refused_ = 0;
};

}  // namespace olympiad
