extension BinaryInteger {
    /// The number with thousands separated by commas (`10,238`), the same in every locale,
    /// so output and tests do not depend on the machine's settings.
    public var grouped: String {
        let digits = String(self.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}

extension BinaryInteger {
    /// The number and the noun, plural unless one: `3 notes`, `1 note`, `1,200 commands`.
    public func counted(_ noun: String) -> String {
        "\(grouped) \(noun)\(self == 1 ? "" : "s")"
    }
}
