public import JWTClaims
internal import Testing

extension RefreshScenarios {
    /// A record comes back exactly as it went in: claim order, number text (`1.50`, `1e3`, a 30-digit integer),
    /// nesting, non-ASCII and escaped text, the flags, and the largest expiry a record can hold.
    public static func recordsRoundTripExactly(_ store: any RefreshTokenStore) async throws {
        let template = try ClaimSet(
            parsing: #"{"z":1,"sub":"alice","a":1.50,"big":123456789012345678901234567890,"n":{"x":[null,true]}}"#
        )
        let record = RefreshTokenRecord(
            id: "an-id",
            secretDigest: Array(0..<32),
            subject: "alice",
            familyID: "an-id",
            parentID: nil,
            customClaims: try JSONObject(parsing: #"{"role":"admin","user_id":125,"e":1e3,"u":"\u00e9\n"}"#),
            template: template,
            createdAt: NumericDate(secondsSince1970: 1_599_180_000),
            expiresAt: NumericDate(secondsSince1970: Int64.max)
        )
        try await store.issue(record)
        let readBack = try #require(try await store.record(forID: "an-id"))
        #expect(readBack == record)
        #expect(readBack.template.serialized() == template.serialized())
        #expect(readBack.customClaims.serialized() == record.customClaims.serialized())
        #expect(try await store.record(forID: "other") == nil)
        #expect(try await store.records(inFamily: "an-id") == [record])
    }
}
