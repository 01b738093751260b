// The whole C surface of swift-jwt-claims: the OpenSSL 3 headers it uses, and `static inline`
// wrappers for the few calls Swift cannot import (function-like macros and variadic functions).
// A system-library target cannot hold .c files, so every shim lives here.
#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H

#include <openssl/opensslv.h>

#if OPENSSL_VERSION_NUMBER < 0x30000000L
#error "swift-jwt-claims needs OpenSSL 3.0 or later (libssl-dev on Debian/Ubuntu, openssl@3 on Homebrew)"
#endif

// Hide every API that OpenSSL 3.0 deprecated (EC_KEY_*, ECDSA_do_sign, ...): we use the EVP API only.
#define OPENSSL_NO_DEPRECATED

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

// EVP_EC_gen is a function-like macro over the variadic EVP_PKEY_Q_keygen; Swift imports neither.
// Generates a fresh EC key on the named curve ("P-256").
static inline EVP_PKEY *COpenSSL_EVP_EC_gen(const char *curve) {
    return EVP_EC_gen(curve);
}

// OPENSSL_free is a macro that passes __FILE__ and __LINE__ to CRYPTO_free; frees memory that OpenSSL allocated
// for us (for example the output of OSSL_ENCODER_to_data).
static inline void COpenSSL_OPENSSL_free(void *pointer) {
    OPENSSL_free(pointer);
}

// The EVP_PKEY_* selection macros OR other macros together, which Swift does not import.
// What a public key consists of: the domain parameters (the curve) and the public point.
static inline int COpenSSL_EVP_PKEY_PUBLIC_KEY(void) {
    return EVP_PKEY_PUBLIC_KEY;
}

// What a private key consists of: the domain parameters, the public point and the private scalar.
static inline int COpenSSL_EVP_PKEY_KEYPAIR(void) {
    return EVP_PKEY_KEYPAIR;
}

#endif // COPENSSL_SHIM_H
