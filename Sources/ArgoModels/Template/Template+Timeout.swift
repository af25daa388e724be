extension Template {
    /// ``timeout`` as a Go duration, or `nil` when it is absent or not a literal duration (for example an
    /// unresolved `{{...}}` expression).
    ///
    /// ```swift
    /// let limit = args.template.timeoutDuration ?? .minutes(5)
    /// ```
    public var timeoutDuration: GoDuration? {
        guard let timeout else { return nil }
        return try? GoDuration(parsing: timeout)
    }
}
