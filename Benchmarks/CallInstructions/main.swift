// A plugin server started from a synchronous `main`, for counting instructions per call under callgrind.
//
//   CallInstructions PORT TOKEN_FILE
//
// Valgrind 3.19 (Debian 12) crashes in libdispatch's signal thread when a Swift program's `main` is async, as every
// plugin's is. This driver starts the same `PluginServer` (libmicrohttpd, the responder, JSON decode and encode)
// without an async main, serves `BenchPlugins` until standard input closes, then exits so callgrind writes its
// totals. `scripts/call-instructions.sh` drives it and turns the totals into instructions per call.
import Glibc
import Logging
import PluginSDK

let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[1]) else {
    print("usage: CallInstructions PORT TOKEN_FILE")
    exit(2)
}
var configuration = PluginConfiguration()
configuration.port = port
configuration.tokenFile = arguments[2]
configuration.threads = 2
var logger = Logger(label: "call-instructions")
logger.logLevel = .warning
let server = try PluginServer(plugin: BenchPlugin(), configuration: configuration, logger: logger)
print("listening on \(try server.start())")
fflush(nil)  // standard output is a file under the script: flush so the port is readable now
while readLine() != nil {}
exit(0)
