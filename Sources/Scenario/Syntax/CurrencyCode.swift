/// ISO 4217 currency codes: which three-letter codes a scenario may price in.
public enum CurrencyCode {
    /// The active ISO 4217 alphabetic codes of currencies (list of 2024), without the codes
    /// of precious metals, funds and testing (`XAU`, `XTS`): only money a bill is paid in.
    public static let active: Set<String> = Set(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
        CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD
        GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT
        LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
        NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP
        STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD
        XOF XPF YER ZAR ZMW ZWG
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    )

    /// Whether `code` is three upper-case letters (the shape of a code, known or not).
    public static func isWellFormed(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    /// Why `code` cannot be a scenario's currency, or nil if it can.
    public static func problem(with code: String) -> String? {
        guard isWellFormed(code) else { return "expected an ISO 4217 currency code such as 'CNY', got '\(code)'" }
        guard active.contains(code) else { return "'\(code)' is not an ISO 4217 currency code" }
        return nil
    }
}
