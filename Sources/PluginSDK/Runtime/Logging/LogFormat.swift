import ArgumentParser

/// How the runtime writes its log lines to standard error: `--log-format` or `ARGO_PLUGIN_LOG_FORMAT`.
///
/// Applies to the logger the runtime builds for itself and for ``PluginContext/logger``. A logger passed to
/// ``PluginRuntime`` keeps its own handler, and so its own format.
public enum LogFormat: String, Sendable, CaseIterable, ExpressibleByArgument {
    /// swift-log's `StreamLogHandler`: `2025-01-02T03:04:05+0000 info argo-plugin: key=value [PluginSDK] message`.
    case text
    /// ``JSONLogHandler``: one JSON object per line, metadata as top-level fields, for cluster log pipelines.
    case json
}
