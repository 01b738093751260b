internal import COpenSSL

extension ECCurve {
    /// OpenSSL's short name of the curve, a static C string for `OSSL_PARAM_BLD_push_utf8_string`.
    var groupName: StaticString {
        switch algorithm.backing {
        case .es384: OpenSSLNames.secp384r1
        case .es512: OpenSSLNames.secp521r1
        default: OpenSSLNames.prime256v1
        }
    }

    /// Whether `group`, as `OSSL_PKEY_PARAM_GROUP_NAME` reports it, names this curve: OpenSSL's short name or the
    /// NIST name (OpenSSL answers with either, depending on how the key was made).
    func isNamed(byGroup group: String) -> Bool {
        group == "\(groupName)" || group == name
    }

    /// The JOSE name of the curve OpenSSL calls `group`, or nil for a curve JOSE does not sign with.
    static func joseName(ofGroup group: String) -> String? {
        all.first { $0.isNamed(byGroup: group) }?.name
    }

    /// The curve OpenSSL calls `group`, or nil.
    static func named(byGroup group: String) -> ECCurve? {
        all.first { $0.isNamed(byGroup: group) }
    }
}
