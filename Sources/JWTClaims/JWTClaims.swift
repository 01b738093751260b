// swift-jwt-claims: lossless custom claims for ES256 JSON Web Tokens.
//
// The module is layered, one folder a layer, dependencies pointing one way:
// Base64URL <- Claims (JSON model) <- Signing (ES256 over OpenSSL) <- Token <- Augmentation.
// Only the files in Signing/OpenSSL/ may use the C module that wraps OpenSSL; CI checks that fence.
