/// A rejected price specification (a ``RegionPricing`` or a ``PriceList``): it names the
/// element and the field at fault.
///
/// Thrown by the initialisers, before any cost is computed. ``description`` reads like
/// `region pricing cn-hangzhou: pricePerEgressGB: must be finite and non-negative (got -0.1)`.
public struct CostSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why the spec was rejected; internal so that cases can grow.
    enum Reason: Equatable, Sendable {
        /// A name that is empty.
        case emptyName
        /// A price (in money units) that is NaN, infinite or negative.
        case invalidPrice(Double)
        /// A name used twice in the same list.
        case duplicateName(String)
    }

    /// The element at fault, such as `region pricing cn-hangzhou` or `price list`.
    public let element: String
    /// The field at fault, such as `pricePerCoreHour`, `pricePerCredit` or `regions[2].region`.
    public let field: String
    /// Why it was rejected.
    let reason: Reason

    init(element: String, field: String, reason: Reason) {
        self.element = element
        self.field = field
        self.reason = reason
    }

    /// A one-line message a person understands: element, field, what is wrong.
    public var description: String {
        let problem: String
        switch reason {
        case .emptyName:
            problem = "must not be empty"
        case .invalidPrice(let price):
            // Show NaN and infinities as they are; a bare `-0.0` cannot occur (it is accepted).
            problem = "must be finite and non-negative (got \(price))"
        case .duplicateName(let name):
            problem = "repeats the name \"\(name)\""
        }
        return "\(element): \(field): \(problem)"
    }
}

extension CostSpecError {
    /// Checks that `price` is finite and non-negative, or throws naming `element` and `field`.
    static func validatePrice(_ price: Double, element: String, field: String) throws(CostSpecError) {
        guard price.isFinite, price >= 0 else {
            throw CostSpecError(element: element, field: field, reason: .invalidPrice(price))
        }
    }
}
