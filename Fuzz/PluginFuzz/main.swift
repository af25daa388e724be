// The fuzz harness's entry point. Built by `make fuzz` (libFuzzer + AddressSanitizer) it fuzzes; built normally it
// replays the files and directories it is given (the corpus and the regression inputs) and exits 0 if every
// input keeps every invariant. See Fuzz/README.md.
import CFuzzDriver

#if canImport(Glibc)
import Glibc
#endif

let testOneInput: CFuzz_TestOneInput = { data, size in
    Harness.shared.testOneInput(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

if CFuzz_isAvailable() != 0 {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(CFuzz_run(&argc, &argv, testOneInput))
}
exit(Replay.run(paths: Array(CommandLine.arguments.dropFirst())))
