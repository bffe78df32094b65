#!/usr/bin/env bash
# Compiles and runs the host tests of the reference firmware's contract code (needs g++).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
g++ -std=c++17 -Wall -Wextra -Werror -o "$out/contract_test" "$here/contract_test.cpp" "$here/../olympiad_sensor/contract.cpp"
"$out/contract_test"
