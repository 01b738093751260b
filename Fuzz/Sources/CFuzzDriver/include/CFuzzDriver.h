// libFuzzer's driver entry point (compiler-rt, FuzzerDriver.cpp), which the fuzzers call from their own `main`.
//
// SwiftPM links every executable with `main` aliased to `<Target>_main` (so that tests can link executables), and
// so libFuzzer's own `main` is never used: each target defines `<Target>_main` and hands over to this function,
// which is what libFuzzer's `main` does too. The library comes from `-sanitize=fuzzer`.
#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
