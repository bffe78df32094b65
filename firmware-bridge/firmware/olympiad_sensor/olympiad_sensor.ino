// Reference controller for a maze gate pair and a sumo start button (ESP32, Arduino framework).
// It implements sensor contract v1: a boot id per power-up, +1 sequence numbers, the
// microsecond clock of the ESP32, QoS 1 events, a retained status with a Last Will, reconnection,
// and a local queue that keeps events until the broker acknowledged them.
// Set the values in config.h (copy config.example.h), then build with the Arduino IDE or
// arduino-cli for "ESP32 Dev Module". See ../README.md for the wiring and for MQTT over TLS.

#include <WiFi.h>
#include <esp_random.h>
#include <esp_timer.h>
#include <mqtt_client.h>

#include "config.h"
#include "contract.h"

using olympiad::Event;

static const int PIN_START_GATE = 32;   // IR receiver of the start gate (LOW while the beam is broken)
static const int PIN_FINISH_GATE = 33;  // IR receiver of the finish gate
static const int PIN_BUTTON = 25;       // sumo start button to GND
static const int PIN_LED = 2;           // on while connected to the broker
static const uint64_t DEBOUNCE_US = 300000;  // a robot breaks a beam once per 0.3 s at most

static olympiad::EventQueue<64> queue;
static std::string boot;
static uint32_t nextSeq = 0;
static esp_mqtt_client_handle_t mqtt = nullptr;
static volatile bool connected = false;
static volatile int inFlightMessageId = -1;

// Interrupts only record the time; everything else happens in loop().
static volatile uint64_t startAt = 0, finishAt = 0, buttonAt = 0;
static uint64_t lastStart = 0, lastFinish = 0, lastButton = 0;

void IRAM_ATTR onStartGate() { startAt = esp_timer_get_time(); }
void IRAM_ATTR onFinishGate() { finishAt = esp_timer_get_time(); }
void IRAM_ATTR onButton() { buttonAt = esp_timer_get_time(); }

static void enqueue(char type, const char* name, uint64_t t) {
  Event event{};
  event.seq = nextSeq++;
  event.t = t;
  event.type = type;
  strncpy(event.name, name, sizeof event.name - 1);
  if (type == 'h') {
    event.battery = 100;  // mains powered; a battery model would read an ADC here
    event.rssi = static_cast<int8_t>(WiFi.RSSI());
  }
  queue.push(event);
}

static void onMqttEvent(void*, esp_event_base_t, int32_t id, void* data) {
  auto* event = static_cast<esp_mqtt_event_handle_t>(data);
  switch (id) {
    case MQTT_EVENT_CONNECTED: {
      connected = true;
      inFlightMessageId = -1;
      const std::string status = olympiad::encodeStatus(true, FIRMWARE_VERSION, boot);
      esp_mqtt_client_publish(mqtt, olympiad::topic(DEVICE_ID, "status").c_str(), status.c_str(), 0, 1, 1);
      digitalWrite(PIN_LED, HIGH);
      break;
    }
    case MQTT_EVENT_DISCONNECTED:
      connected = false;
      digitalWrite(PIN_LED, LOW);
      break;
    case MQTT_EVENT_PUBLISHED:  // PUBACK of a QoS 1 message: that event is safe at the server
      if (event->msg_id == inFlightMessageId) {
        queue.pop();
        inFlightMessageId = -1;
      }
      break;
    default:
      break;
  }
}

void setup() {
  pinMode(PIN_START_GATE, INPUT_PULLUP);
  pinMode(PIN_FINISH_GATE, INPUT_PULLUP);
  pinMode(PIN_BUTTON, INPUT_PULLUP);
  pinMode(PIN_LED, OUTPUT);
  attachInterrupt(PIN_START_GATE, onStartGate, FALLING);
  attachInterrupt(PIN_FINISH_GATE, onFinishGate, FALLING);
  attachInterrupt(PIN_BUTTON, onButton, FALLING);

  boot = olympiad::bootId(esp_random());
  WiFi.begin(WIFI_SSID, WIFI_PASSWORD);
  WiFi.setAutoReconnect(true);

  static const std::string will = olympiad::encodeStatus(false, "", "");
  static const std::string statusTopic = olympiad::topic(DEVICE_ID, "status");
  esp_mqtt_client_config_t config = {};
  config.broker.address.uri = BROKER_URI;
#ifdef BROKER_CA_PEM
  // MQTT over TLS with the venue CA pinned: only a certificate it signed is accepted, checked for
  // BROKER_NAME (the venue's .local name) while the URI names the laptop by its IP, because this
  // MQTT client does not resolve .local names. The CA outlives the server certificate's renewals.
  config.broker.verification.certificate = BROKER_CA_PEM;
#ifdef BROKER_NAME
  config.broker.verification.common_name = BROKER_NAME;
#endif
#endif
  config.credentials.client_id = DEVICE_ID;
  config.credentials.username = DEVICE_ID;
  config.credentials.authentication.password = DEVICE_SECRET;
  config.session.keepalive = 3;  // the broker sends the Last Will within about 5 s of a drop
  config.session.last_will.topic = statusTopic.c_str();
  config.session.last_will.msg = will.c_str();
  config.session.last_will.qos = 1;
  config.session.last_will.retain = 1;
  config.network.reconnect_timeout_ms = 1000;
  mqtt = esp_mqtt_client_init(&config);
  esp_mqtt_client_register_event(mqtt, MQTT_EVENT_ANY, onMqttEvent, nullptr);
  esp_mqtt_client_start(mqtt);
}

void loop() {
  const uint64_t start = startAt, finish = finishAt, button = buttonAt;
  if (start && start - lastStart > DEBOUNCE_US) enqueue('g', "start", lastStart = start);
  if (finish && finish - lastFinish > DEBOUNCE_US) enqueue('g', "finish", lastFinish = finish);
  if (button && button - lastButton > DEBOUNCE_US) enqueue('b', "start", lastButton = button);

  static uint64_t lastHeartbeat = 0;
  const uint64_t now = esp_timer_get_time();
  if (now - lastHeartbeat > 2000000) {
    enqueue('h', "", now);
    lastHeartbeat = now;
  }

  // One event in flight at a time keeps the order; it leaves the queue on its PUBACK.
  if (connected && inFlightMessageId < 0 && queue.front()) {
    const std::string payload = olympiad::encodeEvent(boot, *queue.front());
    inFlightMessageId = esp_mqtt_client_publish(mqtt, olympiad::topic(DEVICE_ID, "event").c_str(), payload.c_str(), 0, 1, 0);
  }
  delay(2);
}
