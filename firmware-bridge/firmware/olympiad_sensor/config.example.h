// Copy to config.h and fill in. The device id and secret come from the organiser console
// (the secret is shown once, also as a QR code).
#pragma once
#define WIFI_SSID "venue-wifi"
#define WIFI_PASSWORD "…"
#define BROKER_URI "mqtt://192.168.1.10:1883"
#define DEVICE_ID "maze-table-1"
#define DEVICE_SECRET "…"
#define FIRMWARE_VERSION "1.0.0"
