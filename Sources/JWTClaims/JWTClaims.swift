// swift-jwt-claims: lossless custom claims for JSON Web Tokens, with every JOSE signature algorithm.
//
// The module is layered, one folder a layer, each using only the layers before it:
//
//   Base64URL → JSON → Claims → Signing → Token → Augmentation → Refresh
//
//   Base64URL/     strict RFC 4648 section 5 encoding and decoding
//   JSON/          the lossless JSON model, parser and writer, exact decimals, and the Codable bridge
//   Claims/        what is JWT-specific about a JSON object: ClaimSet, claim names, audience, NumericDate
//   Signing/       JWSAlgorithm; the key families (ES256, ES384, ES512, EdDSA, RSA, HMAC) and the closed
//                  JWTSigningKey / JWTVerificationKey over them; the fronts for randomness, SHA-256 and constant-time
//                  compare
//   Token/         compact JWS: signing claim sets, decoding and verifying tokens, key sets
//   Augmentation/  adding custom claims to a verified token under a policy
//   Refresh/       refresh tokens that carry custom claims through rotation
//
// JWTError.swift, at the top, is shared by every layer. Only the files in Signing/OpenSSL/ may import the C module
// that wraps OpenSSL, and only files under Signing/ may name the Swift types there; CI checks both fences.
