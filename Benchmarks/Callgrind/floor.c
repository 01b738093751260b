/*
 * The floor for one ES256 verify and sign of the reference token: what OpenSSL itself costs, called directly from C
 * the cheapest way we know, beside which run.sh counts our library's instructions.
 *
 * verify: Base64URL-decode nothing (the signature is decoded once, outside the loop), raw R||S -> DER by hand,
 *         SHA-256 of the signing input with a fetched EVP_MD, EVP_PKEY_verify with one EVP_PKEY_CTX set up once.
 * sign:   SHA-256 of the signing input, EVP_PKEY_sign with one cached EVP_PKEY_CTX, DER -> raw R||S by hand.
 * hmac:   HMAC-SHA-256 of the signing input with one EVP_MAC_CTX keyed once and restarted with
 *         EVP_MAC_init(ctx, NULL, 0, NULL) per MAC: what `openssl speed -hmac sha256` times.
 *
 * No token parsing, no JSON, no error-queue handling, no checks of r and s: a floor, not a verifier.
 *
 * Usage: floor verify|sign|hmac N TOKEN   (TOKEN from `CallgrindHarness token`)
 */
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char private_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAlDriBn3AWB5Jcy8\n"
    "p5b35rxMA7OkaMoGAduTEla3nsGhRANCAARoBS9qIJwzf3MGsDMUBb7uWdgP9jEX\n"
    "/IpTY5WfpU8q/gsalAUrfi6WSnxXx/iU7gAu9TF7fNxT/gKZt7H3efnk\n"
    "-----END PRIVATE KEY-----\n";

static const char public_pem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaAUvaiCcM39zBrAzFAW+7lnYD/Yx\n"
    "F/yKU2OVn6VPKv4LGpQFK34ulkp8V8f4lO4ALvUxe3zcU/4Cmbex93n55A==\n"
    "-----END PUBLIC KEY-----\n";

static int b64url_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

/* Decodes unpadded Base64URL; returns the byte count or -1. */
static int b64url_decode(const char *in, size_t length, unsigned char *out, size_t room) {
    size_t written = 0;
    unsigned int bits = 0, held = 0;
    for (size_t i = 0; i < length; i++) {
        int v = b64url_value(in[i]);
        if (v < 0) return -1;
        bits = (bits << 6) | (unsigned int)v;
        held += 6;
        if (held >= 8) {
            held -= 8;
            if (written == room) return -1;
            out[written++] = (unsigned char)(bits >> held);
        }
    }
    return (int)written;
}

/* One DER INTEGER for a 32-byte unsigned big-endian value. */
static size_t der_integer(const unsigned char *v, unsigned char *out) {
    size_t start = 0;
    while (start < 31 && v[start] == 0) start++;
    size_t pad = (v[start] & 0x80) ? 1 : 0;
    size_t length = 32 - start + pad;
    out[0] = 0x02;
    out[1] = (unsigned char)length;
    if (pad) out[2] = 0;
    memcpy(out + 2 + pad, v + start, 32 - start);
    return 2 + length;
}

static size_t raw_to_der(const unsigned char raw[64], unsigned char der[72]) {
    size_t r = der_integer(raw, der + 2);
    size_t s = der_integer(raw + 32, der + 2 + r);
    der[0] = 0x30;
    der[1] = (unsigned char)(r + s);
    return 2 + r + s;
}

/* DER -> raw for a well-formed P-256 signature (OpenSSL's own output); returns 0 on a shape it does not expect. */
static int der_to_raw(const unsigned char *der, size_t length, unsigned char raw[64]) {
    size_t cursor = 2;
    if (length < 8 || der[0] != 0x30) return 0;
    for (int i = 0; i < 2; i++) {
        if (der[cursor] != 0x02) return 0;
        size_t n = der[cursor + 1];
        const unsigned char *v = der + cursor + 2;
        if (n == 33) { v++; n--; }
        if (n > 32) return 0;
        memset(raw + 32 * i, 0, 32 - n);
        memcpy(raw + 32 * i + 32 - n, v, n);
        cursor += 2 + der[cursor + 1];
    }
    return cursor == length;
}

/* HS256 with the harness's secret (64 ASCII bytes), N times; returns how many MACs succeeded. */
static long hmac_loop(const unsigned char *input, size_t length, long count) {
    static const char secret[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *context = mac == NULL ? NULL : EVP_MAC_CTX_new(mac);
    OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string("digest", "SHA256", 0),
        OSSL_PARAM_construct_end(),
    };
    if (context == NULL || EVP_MAC_init(context, (const unsigned char *)secret, 64, parameters) != 1) return -1;
    long succeeded = 0;
    unsigned char code[32];
    for (long i = 0; i < count; i++) {
        size_t code_length = 0;
        succeeded += EVP_MAC_init(context, NULL, 0, NULL) == 1 && EVP_MAC_update(context, input, length) == 1
            && EVP_MAC_final(context, code, &code_length, sizeof code) == 1 && code_length == sizeof code;
    }
    EVP_MAC_CTX_free(context);
    EVP_MAC_free(mac);
    return succeeded;
}

static EVP_PKEY *read_key(const char *pem, int private) {
    BIO *bio = BIO_new_mem_buf(pem, -1);
    EVP_PKEY *key = private ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
    BIO_free(bio);
    return key;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: floor verify|sign|hmac N TOKEN\n");
        return 2;
    }
    int verify = strcmp(argv[1], "verify") == 0;
    long count = strtol(argv[2], NULL, 10);
    const char *token = argv[3];
    const char *last_dot = strrchr(token, '.');
    if (last_dot == NULL) return 2;
    const unsigned char *signing_input = (const unsigned char *)token;
    size_t signing_length = (size_t)(last_dot - token);
    unsigned char signature[64];
    if (b64url_decode(last_dot + 1, strlen(last_dot + 1), signature, sizeof signature) != 64) return 2;

    if (strcmp(argv[1], "hmac") == 0) {
        long succeeded = hmac_loop(signing_input, signing_length, count);
        printf("hmac %ld: %ld\n", count, succeeded);
        return succeeded == count ? 0 : 1;
    }
    EVP_PKEY *key = read_key(verify ? public_pem : private_pem, !verify);
    EVP_MD *sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
    if (key == NULL || sha256 == NULL || context == NULL) return 1;
    if ((verify ? EVP_PKEY_verify_init(context) : EVP_PKEY_sign_init(context)) != 1) return 1;
    if (EVP_PKEY_CTX_set_signature_md(context, sha256) != 1) return 1;

    long accepted = 0;
    unsigned char digest[32], der[80], raw[64];
    unsigned int digest_length;
    for (long i = 0; i < count; i++) {
        EVP_Digest(signing_input, signing_length, digest, &digest_length, sha256, NULL);
        if (verify) {
            size_t der_length = raw_to_der(signature, der);
            accepted += EVP_PKEY_verify(context, der, der_length, digest, sizeof digest) == 1;
        } else {
            size_t der_length = sizeof der;
            if (EVP_PKEY_sign(context, der, &der_length, digest, sizeof digest) == 1)
                accepted += der_to_raw(der, der_length, raw);
        }
    }
    printf("%s %ld: %ld\n", argv[1], count, accepted);
    EVP_PKEY_CTX_free(context);
    EVP_MD_free(sha256);
    EVP_PKEY_free(key);
    return accepted == count ? 0 : 1;
}
