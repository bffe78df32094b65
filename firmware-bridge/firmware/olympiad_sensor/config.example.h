// Copy to config.h and fill in. The device id and secret come from the organiser console
// (the secret is shown once, also as a QR code).
#pragma once
#define WIFI_SSID "venue-wifi"
#define WIFI_PASSWORD "…"
// Plain MQTT, the default on an isolated venue LAN. Over TLS: "mqtts://192.168.1.10:8883" and
// the two settings below.
#define BROKER_URI "mqtt://192.168.1.10:1883"
#define DEVICE_ID "maze-table-1"
#define DEVICE_SECRET "…"
#define FIRMWARE_VERSION "1.0.0"

// MQTT over TLS (optional; see ../README.md, "MQTT over TLS"): the venue CA pinned, pasted whole
// from http://<laptop>:3000/api/tls/ca.pem, and the name the broker's certificate is checked for.
// #define BROKER_CA_PEM R"PEM(-----BEGIN CERTIFICATE-----
// MIIB…
// -----END CERTIFICATE-----
// )PEM"
// #define BROKER_NAME "olympiad.local"
