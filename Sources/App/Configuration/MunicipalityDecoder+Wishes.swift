import Scheduling

extension MunicipalityDecoder {
    /// The `wishes` object (Documentation/Wishes.md, "Configuration"); every field optional.
    static func wishPolicy(_ reader: JSONReader) throws(JSONPathError) -> WishPolicy {
        var object = try reader.object()
        let defaults = WishPolicy()
        let policy = WishPolicy(
            isEnabled: try object.optional("enabled")?.bool() ?? defaults.isEnabled,
            offerMinutes: try object.optional("offerMinutes")?.int(in: 10...10_080) ?? defaults.offerMinutes,
            offerGraceMinutes: try object.optional("offerGraceMinutes")?.int(in: 1...120) ?? defaults.offerGraceMinutes,
            confirmMinutes: try object.optional("confirmMinutes")?.int(in: 10...10_080) ?? defaults.confirmMinutes,
            maxActivePerContact: try object.optional("maxActivePerContact")?.int(in: 1...50)
                ?? defaults.maxActivePerContact,
            maxUnansweredOffers: try object.optional("maxUnansweredOffers")?.int(in: 1...20)
                ?? defaults.maxUnansweredOffers,
            maxDays: try object.optional("maxDays")?.int(in: 1...3660) ?? defaults.maxDays)
        try object.finish()
        return policy
    }
}
