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
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#endif // COPENSSL_SHIM_H
