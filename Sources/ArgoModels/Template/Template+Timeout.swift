extension Template {
    /// ``timeout`` as a duration, read as Argo's controller reads it (`ParseStringToDuration`): a whole number is
    /// seconds (`"90"`), anything else a Go duration (`"1m30s"`). `nil` when it is absent, empty, or neither (for
    /// example an unresolved `{{...}}` expression).
    ///
    /// ```swift
    /// let limit = args.template.timeoutDuration ?? .minutes(5)
    /// ```
    public var timeoutDuration: GoDuration? {
        guard let timeout, !timeout.isEmpty else { return nil }
        if let seconds = Int64(timeout) {
            let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            return overflow ? nil : GoDuration(nanoseconds: nanoseconds)
        }
        return try? GoDuration(parsing: timeout)
    }
}
