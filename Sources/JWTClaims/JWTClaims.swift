// swift-jwt-claims: lossless custom claims for ES256 JSON Web Tokens.
//
// The module is layered, one folder a layer, dependencies pointing one way:
// Base64URL <- Claims (JSON model) <- Signing (ES256 over OpenSSL) <- Token <- Augmentation.
// Only Signing/OpenSSL/ may import COpenSSL; CI checks that fence.
