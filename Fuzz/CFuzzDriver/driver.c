// See CFuzzDriver.h for why this exists. `make fuzz` passes `-Xlinker -u -Xlinker LLVMFuzzerRunDriver`, since a
// weak reference alone does not pull the driver out of libFuzzer's archive.
#include "CFuzzDriver.h"

extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *, size_t))
    __attribute__((weak));

int CFuzz_isAvailable(void) { return LLVMFuzzerRunDriver != 0; }

int CFuzz_run(int *argc, char ***argv, CFuzz_TestOneInput test) { return LLVMFuzzerRunDriver(argc, argv, test); }
