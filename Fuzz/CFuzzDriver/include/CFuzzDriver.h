// libFuzzer's driver, reached through a weak reference so that the fuzz harness also links without libFuzzer.
//
// Why this target exists: `make fuzz` links libFuzzer without its `main` (SwiftPM already gives the executable
// one), and Swift cannot declare a weak C symbol. In an ordinary build the symbol is absent and the harness
// replays its corpus instead of fuzzing.
#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// One fuzz input; returns 0.
typedef int (*CFuzz_TestOneInput)(const uint8_t *data, size_t size);

/// Whether libFuzzer is linked into this binary.
int CFuzz_isAvailable(void);

/// Runs libFuzzer's driver with the process arguments (see LLVMFuzzerRunDriver). Only when CFuzz_isAvailable().
int CFuzz_run(int *argc, char ***argv, CFuzz_TestOneInput test);

#endif
