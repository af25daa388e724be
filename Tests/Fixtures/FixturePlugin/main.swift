import Logging
import PluginSDK

#if canImport(Glibc)
import Glibc
#endif

// FIXTURE_LOGGING=bootstrap: the author bootstraps swift-log (JSON lines) before running the plugin, as a plugin
// with its own logging would; =bootstrap-and-pass also hands the runtime the author's logger, so the SDK's lines go
// through the author's handler. FIXTURE_AFTER_RUN_MARKER=PATH: written once `run` has returned (after SIGTERM).
let logging = getenv("FIXTURE_LOGGING").map { String(cString: $0) }
var authorLogger: Logger?
if logging == "bootstrap" || logging == "bootstrap-and-pass" {
    LoggingSystem.bootstrap(JSONLogHandler.standardError)
    let logger = Logger(label: "fixture")
    logger.info("the author bootstrapped swift-log")
    if logging == "bootstrap-and-pass" { authorLogger = logger }
}

await PluginRuntime.run(options: FixtureOptions.self, logger: authorLogger) { options in
    Fixture(defaultMessage: options.defaultMessage)
}

if let path = getenv("FIXTURE_AFTER_RUN_MARKER").map({ String(cString: $0) }) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let bytes = Array("run returned\n".utf8)
    _ = write(fd, bytes, bytes.count)
    close(fd)
}
