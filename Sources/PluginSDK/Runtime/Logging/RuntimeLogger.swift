import Logging

/// The logger the runtime uses for its own lines and for ``PluginContext/logger``.
///
/// The runtime never calls `LoggingSystem.bootstrap`: that may happen once per process, and belongs to the
/// author. It uses the author's logger when given one (with the configured level), and otherwise builds its own
/// with an explicit handler, so it works the same whether or not the author bootstrapped swift-log.
enum RuntimeLogger {
    /// `given` with `level`, or a logger labelled `argo-plugin` writing `format` to standard error at `level`.
    static func make(given: Logger?, format: LogFormat, level: Logger.Level) -> Logger {
        var logger =
            given
            ?? Logger(label: "argo-plugin") { label -> any LogHandler in
                switch format {
                case .text: return StreamLogHandler.standardError(label: label)
                case .json: return JSONLogHandler.standardError(label: label)
                }
            }
        logger.logLevel = level
        return logger
    }
}
