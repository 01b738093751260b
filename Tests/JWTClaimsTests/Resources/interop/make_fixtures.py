#!/usr/bin/env python3
"""Interop fixtures for issue 14 (every JOSE signature algorithm), generated with Python libraries.

What it writes, next to this script:
  keys/        every key in every format the issue lists (PEM PKCS#8, SPKI, SEC1, PKCS#1, the same as DER,
               private and public JWK), one file per format
  jwks/        JWK Sets: public.jwks.json (every accepted asymmetric public key), hmac.jwks.json (the
               accepted oct keys), rejected.jwks.json (keys a verifier must refuse)
  manifest.json  every key (formats, thumbprints, bound algorithm, import expectation) and every token
               (who signed it, which key verifies it, the expected outcome and why, and what joserfc and
               PyJWT themselves do with it)

Keys are fixed: EC and Ed25519 private keys and HMAC secrets are derived from labels with SHA-512, RSA
primes are found by a deterministic search seeded from labels.  Signatures are deterministic where the
algorithm is (RS*, HS*, EdDSA, and this script's own ES* signatures, which use RFC 6979); ES*/PS* tokens
signed by joserfc and PyJWT are randomized, so they change on every run (their entries say
"deterministic": false) and --check verifies them instead of comparing them.

  python3 make_fixtures.py          # (re)write keys/, jwks/, manifest.json
  python3 make_fixtures.py --check  # rebuild in memory; exit 0 only if every deterministic byte matches and
                                    # every randomized token still verifies as the manifest says

Every token is run through this script's strict reference verifier (the rules issue 14 asks for) and the
script stops if an outcome disagrees with the expectation it was built for.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import warnings

import cryptography
import joserfc
import jwt as pyjwt
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.backends.openssl import backend as _backend
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from joserfc import jws as jjws
from joserfc import jwt as jjwt
from joserfc.jwk import ECKey, OctKey, OKPKey, RSAKey

HERE = os.path.dirname(os.path.abspath(__file__))

# The 11 claims of the access token on the Cotter page (/work/shared/reference/cotter-custom-claims.md),
# byte for byte as they appear in that token's payload.
REFERENCE_CLAIMS_JSON = (
    '{"aud":"a4471794-8ee8-4d88-b321-5f7a22803d43","authentication_method":"SOCIAL_LOGIN",'
    '"client_user_id":"5522261a-ac7e-4d6e-b056-959f612fb34a","exp":1599181203,"iat":1599177603,'
    '"identifier":"putri@cotter.app","iss":"https://www.cotter.app","jti":"d4039c6a-d1cb-44a2-b048-18e5bc1e216b",'
    '"scope":"access","sub":"5522261a-ac7e-4d6e-b056-959f612fb34a","type":"client_access_token"}'
)
REFERENCE_CLAIMS = json.loads(REFERENCE_CLAIMS_JSON)
REFERENCE_DOC = "/work/shared/reference/cotter-custom-claims.md"

HASHES = {"256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512}
HASH_LEN = {"256": 32, "384": 48, "512": 64}
CURVES = {"ES256": (ec.SECP256R1, "P-256", 32), "ES384": (ec.SECP384R1, "P-384", 48),
          "ES512": (ec.SECP521R1, "P-521", 66)}
CURVE_ORDER = {
    "P-256": 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
    "P-384": int("ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973", 16),
    "P-521": int("01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709"
                 "a5d03bb5c9b8899c47aebb6fb71e91386409", 16),
}
ALGS = ["ES256", "ES384", "ES512", "EdDSA", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
        "HS256", "HS384", "HS512"]


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def unb64u(s):
    if any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in s):
        raise ValueError("not strict base64url")
    if len(s) % 4 == 1:
        raise ValueError("bad base64url length")
    raw = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
    if b64u(raw) != s:
        raise ValueError("non-canonical base64url")
    return raw


def stream(label, nbytes):
    """Deterministic bytes: SHA-512(label || counter) concatenated."""
    out, i = b"", 0
    while len(out) < nbytes:
        out += hashlib.sha512(f"swift-jwt-claims issue 14 fixture:{label}:{i}".encode()).digest()
        i += 1
    return out[:nbytes]


# ------------------------------------------------------------------------------------------------ keys

SMALL_PRIMES = [p for p in range(3, 2000) if all(p % q for q in range(2, int(p ** 0.5) + 1))]


def is_probable_prime(n, label):
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for i in range(40):
        a = 2 + int.from_bytes(stream(f"{label}:mr:{i}", 64), "big") % (n - 3)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def prime(label, bits, e=65537):
    i = 0
    while True:
        c = int.from_bytes(stream(f"{label}:cand:{i}", bits // 8), "big")
        c |= (3 << (bits - 2)) | 1  # top two bits set: p*q has exactly 2*bits bits
        if (c - 1) % e != 0 and is_probable_prime(c, f"{label}:{i}"):
            return c
        i += 1


def rsa_key(label, bits):
    e = 65537
    p = prime(f"{label}:p", bits // 2)
    q = prime(f"{label}:q", bits // 2)
    if p < q:
        p, q = q, p
    n = p * q
    assert n.bit_length() == bits
    lam = (p - 1) * (q - 1) // __import__("math").gcd(p - 1, q - 1)
    d = pow(e, -1, lam)
    nums = rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, n))
    return nums.private_key()


def ec_key(label, crv_name):
    curve = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}[crv_name]
    n = CURVE_ORDER[crv_name]
    d = 1 + int.from_bytes(stream(label, 80), "big") % (n - 1)
    return ec.derive_private_key(d, curve)


def ed_key(label):
    return ed25519.Ed25519PrivateKey.from_private_bytes(stream(label, 32))


def int_b64u(i, size=None):
    size = size or max(1, (i.bit_length() + 7) // 8)
    return b64u(i.to_bytes(size, "big"))


def jwk_of(key, kid, alg):
    """(private JWK, public JWK) for a pyca key or HMAC secret (bytes)."""
    if isinstance(key, bytes):
        priv = {"kty": "oct", "kid": kid, "use": "sig", "alg": alg, "k": b64u(key)}
        return priv, None
    if isinstance(key, rsa.RSAPrivateKey):
        pn = key.private_numbers()
        pub = {"kty": "RSA", "kid": kid, "use": "sig", "alg": alg, "n": int_b64u(pn.public_numbers.n),
               "e": int_b64u(pn.public_numbers.e)}
        priv = {**pub, "d": int_b64u(pn.d), "p": int_b64u(pn.p), "q": int_b64u(pn.q), "dp": int_b64u(pn.dmp1),
                "dq": int_b64u(pn.dmq1), "qi": int_b64u(pn.iqmp)}
        return priv, pub
    if isinstance(key, ec.EllipticCurvePrivateKey):
        crv = {"secp256r1": ("P-256", 32), "secp384r1": ("P-384", 48), "secp521r1": ("P-521", 66)}[key.curve.name]
        pn = key.private_numbers()
        pub = {"kty": "EC", "kid": kid, "use": "sig", "alg": alg, "crv": crv[0],
               "x": int_b64u(pn.public_numbers.x, crv[1]), "y": int_b64u(pn.public_numbers.y, crv[1])}
        return {**pub, "d": int_b64u(pn.private_value, crv[1])}, pub
    if isinstance(key, ed25519.Ed25519PrivateKey):
        raw_pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        raw_priv = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                     serialization.NoEncryption())
        pub = {"kty": "OKP", "kid": kid, "use": "sig", "alg": alg, "crv": "Ed25519", "x": b64u(raw_pub)}
        return {**pub, "d": b64u(raw_priv)}, pub
    raise TypeError(key)


def thumbprint(jwk):
    """RFC 7638 (RSA, EC, oct) / RFC 8037 section 2 (OKP) SHA-256 thumbprint and its canonical JSON."""
    req = {"RSA": ("e", "kty", "n"), "EC": ("crv", "kty", "x", "y"), "OKP": ("crv", "kty", "x"),
           "oct": ("k", "kty")}[jwk["kty"]]
    canon = json.dumps({k: jwk[k] for k in req}, separators=(",", ":"), sort_keys=True)
    return canon, b64u(hashlib.sha256(canon.encode()).digest())


def key_files(kid, key):
    """Serialize `key` in every format; returns {format: (relative path, bytes)}."""
    out = {}
    P, E, N = serialization.PrivateFormat, serialization.Encoding, serialization.NoEncryption()
    U = serialization.PublicFormat
    if isinstance(key, bytes):
        out["rawSecret"] = (f"keys/{kid}.secret.bin", key)
        out["rawSecretHex"] = (f"keys/{kid}.secret.hex", key.hex().encode() + b"\n")
        return out
    pub = key.public_key()
    out["privatePkcs8Pem"] = (f"keys/{kid}.private.pkcs8.pem", key.private_bytes(E.PEM, P.PKCS8, N))
    out["privatePkcs8Der"] = (f"keys/{kid}.private.pkcs8.der", key.private_bytes(E.DER, P.PKCS8, N))
    out["publicSpkiPem"] = (f"keys/{kid}.public.spki.pem", pub.public_bytes(E.PEM, U.SubjectPublicKeyInfo))
    out["publicSpkiDer"] = (f"keys/{kid}.public.spki.der", pub.public_bytes(E.DER, U.SubjectPublicKeyInfo))
    if isinstance(key, ec.EllipticCurvePrivateKey):
        out["privateSec1Pem"] = (f"keys/{kid}.private.sec1.pem", key.private_bytes(E.PEM, P.TraditionalOpenSSL, N))
        out["privateSec1Der"] = (f"keys/{kid}.private.sec1.der", key.private_bytes(E.DER, P.TraditionalOpenSSL, N))
        out["publicX962UncompressedHex"] = (
            f"keys/{kid}.public.x962.hex", pub.public_bytes(E.X962, U.UncompressedPoint).hex().encode() + b"\n")
    if isinstance(key, rsa.RSAPrivateKey):
        out["privatePkcs1Pem"] = (f"keys/{kid}.private.pkcs1.pem", key.private_bytes(E.PEM, P.TraditionalOpenSSL, N))
        out["privatePkcs1Der"] = (f"keys/{kid}.private.pkcs1.der", key.private_bytes(E.DER, P.TraditionalOpenSSL, N))
        out["publicPkcs1Pem"] = (f"keys/{kid}.public.pkcs1.pem", pub.public_bytes(E.PEM, U.PKCS1))
        out["publicPkcs1Der"] = (f"keys/{kid}.public.pkcs1.der", pub.public_bytes(E.DER, U.PKCS1))
    if isinstance(key, ed25519.Ed25519PrivateKey):
        out["publicRawHex"] = (f"keys/{kid}.public.raw.hex",
                               pub.public_bytes(E.Raw, U.Raw).hex().encode() + b"\n")
    return out


class Key:
    def __init__(self, kid, alg, key, accept, reason, label):
        self.kid, self.alg, self.key, self.accept, self.reason, self.label = kid, alg, key, accept, reason, label
        self.private_jwk, self.public_jwk = jwk_of(key, kid, alg)
        self.files = key_files(kid, key)
        self.files["privateJwk"] = (f"keys/{kid}.private.jwk.json", dumps(self.private_jwk))
        if self.public_jwk:
            self.files["publicJwk"] = (f"keys/{kid}.public.jwk.json", dumps(self.public_jwk))

    @staticmethod
    def raw_oct(secret, alg):
        """A bare HMAC secret wrapped for joserfc_outcome/pyjwt_outcome (no size rule applied)."""
        k = Key.__new__(Key)
        k.key, k.alg, k.accept = secret, alg, True
        k.private_jwk, k.public_jwk = {"kty": "oct", "k": b64u(secret)}, None
        return k

    @property
    def verify_jwk(self):
        return self.public_jwk or self.private_jwk

    def description(self):
        k = self.key
        if isinstance(k, bytes):
            return f"HMAC secret, {len(k)} octets ({len(k) * 8} bits)"
        if isinstance(k, rsa.RSAPrivateKey):
            return f"RSA {k.key_size}-bit, e = 65537"
        if isinstance(k, ec.EllipticCurvePrivateKey):
            return f"EC {self.public_jwk['crv']}"
        return "Ed25519 (OKP)"


def dumps(obj):
    return (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode()


def build_keys():
    K = []

    def add(kid, alg, key, accept=True, reason="", *, label):
        K.append(Key(kid, alg, key, accept, reason, label))

    for alg, (_, crv, _) in CURVES.items():
        add(f"ec-{crv.lower()}-{alg.lower()}", alg, ec_key(f"ec:{crv}", crv), label=f"ec:{crv}")
    add("okp-ed25519-eddsa", "EdDSA", ed_key("okp:Ed25519"), label="okp:Ed25519")
    for alg, bits in (("RS256", 2048), ("RS384", 3072), ("RS512", 4096), ("PS256", 2048), ("PS384", 3072),
                      ("PS512", 4096)):
        add(f"rsa-{bits}-{alg.lower()}", alg, rsa_key(f"rsa:{alg}:{bits}", bits), label=f"rsa:{alg}:{bits}")
    for alg in ("HS256", "HS384", "HS512"):
        size = HASH_LEN[alg[2:]]
        add(f"oct-{size * 8}-{alg.lower()}", alg, stream(f"oct:{alg}", size), label=f"oct:{alg}")
    # A second key for three algorithms: wrong-key tests, and JWK Sets with several keys of one algorithm.
    add("rsa-2048-rs256-second", "RS256", rsa_key("rsa:RS256:2048:second", 2048), label="rsa:RS256:2048:second")
    add("oct-512-hs256-long", "HS256", stream("oct:HS256:long", 64), label="oct:HS256:long")
    add("okp-ed25519-eddsa-second", "EdDSA", ed_key("okp:Ed25519:second"), label="okp:Ed25519:second")
    # Keys a verifier must refuse (issue 14: RSA under 2048 bits, HMAC keys shorter than the hash output).
    add("rsa-1024-rs256-weak", "RS256", rsa_key("rsa:RS256:1024", 1024), False,
        "RSA modulus of 1024 bits: under the 2048-bit minimum", label="rsa:RS256:1024")
    add("oct-128-hs256-short", "HS256", stream("oct:HS256:short", 16), False,
        "16-octet HMAC key for HS256: shorter than the 32-octet SHA-256 output (RFC 7518 3.2)",
        label="oct:HS256:short")
    add("oct-256-hs384-short", "HS384", stream("oct:HS384:short", 32), False,
        "32-octet HMAC key for HS384: shorter than the 48-octet SHA-384 output (RFC 7518 3.2)",
        label="oct:HS384:short")
    add("oct-384-hs512-short", "HS512", stream("oct:HS512:short", 48), False,
        "48-octet HMAC key for HS512: shorter than the 64-octet SHA-512 output (RFC 7518 3.2)",
        label="oct:HS512:short")
    return K


# ------------------------------------------------------------------------------------------------ signing

def raw_sign(alg, key, data, *, pss_salt=None, ecdsa_der=False, ecdsa_hash=None):
    """This script's own signer (pyca/cryptography). Deterministic except PSS with a non-zero salt."""
    if alg == "none":
        return b""
    fam, bits = alg[:2], alg[2:]
    if alg == "EdDSA":
        return key.sign(data)
    h = HASHES[bits]() if bits in HASHES else None
    if fam == "HS":
        return hmac.new(key, data, {"256": "sha256", "384": "sha384", "512": "sha512"}[bits]).digest()
    if fam == "RS":
        return key.sign(data, padding.PKCS1v15(), h)
    if fam == "PS":
        salt = HASH_LEN[bits] if pss_salt is None else pss_salt
        return key.sign(data, padding.PSS(padding.MGF1(h), salt), h)
    if fam == "ES":
        sig = key.sign(data, ec.ECDSA(ecdsa_hash or h, deterministic_signing=True))
        if ecdsa_der:
            return sig
        r, s = decode_dss_signature(sig)
        size = (key.curve.key_size + 7) // 8
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")
    raise ValueError(alg)


def compact(header, payload_bytes, signer):
    h = b64u(json.dumps(header, separators=(",", ":")).encode())
    p = b64u(payload_bytes)
    return f"{h}.{p}.{b64u(signer(f'{h}.{p}'.encode()))}"


def sign_joserfc(k, claims_dict):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return jjwt.encode({"alg": k.alg, "kid": k.kid, "typ": "JWT"}, claims_dict, import_joserfc(k.private_jwk),
                           algorithms=[k.alg])


def sign_joserfc_exact(k, payload_bytes):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return jjws.serialize_compact({"alg": k.alg, "kid": k.kid, "typ": "JWT"}, payload_bytes,
                                      import_joserfc(k.private_jwk), algorithms=[k.alg])


def sign_pyjwt(k, claims_dict):
    key = k.key if not isinstance(k.key, bytes) else k.key
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pyjwt.encode(claims_dict, key, algorithm=k.alg, headers={"kid": k.kid})


def import_joserfc(jwk):
    cls = {"RSA": RSAKey, "EC": ECKey, "OKP": OKPKey, "oct": OctKey}[jwk["kty"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cls.import_key({k: v for k, v in jwk.items()})


# ------------------------------------------------------------------------------------------------ verifying

class Refused(Exception):
    pass


def reference_verify(token, k):
    """The strict rules of issue 14. Returns the payload bytes or raises Refused(reason)."""
    if not k.accept:
        raise Refused(f"key refused: {k.reason}")
    parts = token.split(".")
    if len(parts) != 3:
        raise Refused("not three segments")
    try:
        header_raw, payload, sig = (unb64u(p) for p in parts)
        header = json.loads(header_raw)
    except ValueError as e:
        raise Refused(f"encoding: {e}")
    if not isinstance(header, dict) or "alg" not in header:
        raise Refused("header is not an object with alg")
    alg = header["alg"]
    if alg == "none" or not isinstance(alg, str):
        raise Refused("alg none")
    if alg != k.alg:
        raise Refused(f"header alg {alg!r} is not the key's algorithm {k.alg}")
    data = f"{parts[0]}.{parts[1]}".encode()
    fam, bits = alg[:2], alg[2:]
    key = k.key
    try:
        if fam == "HS":
            if len(key) < HASH_LEN[bits]:
                raise Refused("HMAC key shorter than the hash output")
            if not hmac.compare_digest(raw_sign(alg, key, data), sig):
                raise Refused("MAC mismatch")
        elif alg == "EdDSA":
            if len(sig) != 64:
                raise Refused("EdDSA signature is not 64 octets")
            key.public_key().verify(sig, data)
        elif fam == "ES":
            size = (key.curve.key_size + 7) // 8
            if len(sig) != 2 * size:
                raise Refused(f"ECDSA signature is not {2 * size} octets (raw R||S)")
            r, s = int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big")
            key.public_key().verify(encode_dss_signature(r, s), data, ec.ECDSA(HASHES[bits]()))
        elif fam == "RS":
            if key.key_size < 2048:
                raise Refused("RSA key under 2048 bits")
            key.public_key().verify(sig, data, padding.PKCS1v15(), HASHES[bits]())
        elif fam == "PS":
            if key.key_size < 2048:
                raise Refused("RSA key under 2048 bits")
            key.public_key().verify(sig, data, padding.PSS(padding.MGF1(HASHES[bits]()), HASH_LEN[bits]),
                                    HASHES[bits]())
        else:
            raise Refused(f"unsupported alg {alg!r}")
    except InvalidSignature:
        raise Refused("signature does not verify")
    return payload


def joserfc_outcome(token, k, alg):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            jjws.deserialize_compact(token, import_joserfc(k.verify_jwk), algorithms=[alg])
        return "accepted"
    except Exception as e:  # noqa: BLE001 - any refusal counts
        return f"rejected ({type(e).__name__})"


def pyjwt_outcome(token, k, alg):
    key = k.key if isinstance(k.key, bytes) else k.key.public_key()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pyjwt.decode(token, key, algorithms=[alg], options={"verify_signature": True, "verify_exp": False,
                                                               "verify_aud": False, "verify_iat": False,
                                                               "verify_nbf": False})
        return "accepted"
    except Exception as e:  # noqa: BLE001
        return f"rejected ({type(e).__name__})"


# ------------------------------------------------------------------------------------------------ fixtures

def build(keys):
    good = [k for k in keys if k.accept]
    primary = {}
    for k in good:
        primary.setdefault(k.alg, k)
    tokens = []

    def add(tid, category, token, verify_kid, valid, reason, signer, deterministic, **extra):
        tokens.append({"id": tid, "category": category, "token": token, "verifyWithKid": verify_kid,
                       "expected": "valid" if valid else "invalid", "reason": reason, "signer": signer,
                       "deterministic": deterministic, **extra})

    exact = REFERENCE_CLAIMS_JSON.encode()
    random_algs = ("ES", "PS")
    for alg in ALGS:
        k = primary[alg]
        det = alg[:2] not in random_algs
        add(f"{alg}-joserfc", "valid", sign_joserfc(k, REFERENCE_CLAIMS), k.kid, True,
            "reference claims signed by joserfc jwt.encode", f"joserfc {joserfc.__version__}", det,
            expectedClaims=REFERENCE_CLAIMS)
        add(f"{alg}-joserfc-exact-payload", "valid", sign_joserfc_exact(k, exact), k.kid, True,
            "joserfc JWS over the reference claims' exact bytes (as in the Cotter token)",
            f"joserfc {joserfc.__version__}", det, expectedClaims=REFERENCE_CLAIMS, payloadJson=REFERENCE_CLAIMS_JSON)
        add(f"{alg}-pyjwt", "valid", sign_pyjwt(k, REFERENCE_CLAIMS), k.kid, True,
            "reference claims signed by PyJWT jwt.encode", f"PyJWT {pyjwt.__version__}", det,
            expectedClaims=REFERENCE_CLAIMS)
        add(f"{alg}-script", "valid",
            compact({"alg": alg, "kid": k.kid, "typ": "JWT"}, exact, lambda d, k=k: raw_sign(k.alg, k.key, d)),
            k.kid, True, "reference claims' exact bytes signed by this script (pyca/cryptography"
            + (", RFC 6979 deterministic ECDSA" if alg.startswith("ES") else "") + ")",
            "make_fixtures.py (pyca/cryptography)", alg[:2] != "PS", expectedClaims=REFERENCE_CLAIMS,
            payloadJson=REFERENCE_CLAIMS_JSON)

    hdr = lambda alg, kid=None: {"alg": alg, **({"kid": kid} if kid else {}), "typ": "JWT"}  # noqa: E731
    script = "make_fixtures.py (pyca/cryptography)"

    # Algorithm confusion: HS256 with the public key's PEM text / DER bytes as the HMAC secret.
    for k in good:
        if isinstance(k.key, bytes):
            continue
        for fmt in ("publicSpkiPem", "publicSpkiDer", "publicPkcs1Pem", "publicJwk"):
            if fmt not in k.files:
                continue
            secret = k.files[fmt][1]
            for alg in ("HS256",) if fmt != "publicSpkiPem" else ("HS256", "HS384", "HS512"):
                tok = compact(hdr(alg, k.kid), exact, lambda d, s=secret, a=alg: raw_sign(a, s, d))
                add(f"confusion-{alg}-{k.kid}-{fmt}", "algorithm-confusion", tok, k.kid, False,
                    f"{alg} MAC keyed with the bytes of {k.files[fmt][0]} ({fmt}); an RSA/EC/OKP public key "
                    f"must never be used as an HMAC secret", script, True, hmacSecretFile=k.files[fmt][0],
                    hmacSecretFormat=fmt)

    # alg none and friends, with the claims of a valid token.
    k = primary["ES256"]
    valid_es = compact(hdr("ES256", k.kid), exact, lambda d: raw_sign("ES256", k.key, d))
    sig = valid_es.split(".")[2]
    for name, h, s in (("none-empty-signature", {"alg": "none"}, ""),
                       ("none-with-signature", {"alg": "none", "kid": k.kid}, sig),
                       ("None-capitalised", {"alg": "None"}, ""), ("NONE-upper", {"alg": "NONE"}, ""),
                       ("nOnE-mixed", {"alg": "nOnE"}, "")):
        tok = f"{b64u(json.dumps(h, separators=(',', ':')).encode())}.{b64u(exact)}.{s}"
        for kid in (k.kid, primary["HS256"].kid, primary["RS256"].kid):
            add(f"alg-{name}-vs-{kid}", "alg-none", tok, kid, False,
                "unsecured JWS ('none' in any spelling) never verifies", script, True)

    # Header alg disagrees with the algorithm bound to the key (each token is correctly signed for its header).
    mism = [
        ("RS256", "RS512", "same RSA key, RS512 signature; the key is bound to RS256"),
        ("RS256", "PS256", "same RSA key, PS256 signature; the key is bound to RS256"),
        ("PS256", "RS256", "same RSA key, RS256 signature; the key is bound to PS256"),
        ("PS384", "PS256", "same RSA key, PS256 signature; the key is bound to PS384"),
        ("HS256", "HS512", "same oct key, HS512 MAC; the key is bound to HS256"),
        ("HS512", "HS256", "same oct key, HS256 MAC; the key is bound to HS512"),
    ]
    for key_alg, tok_alg, why in mism:
        kk = primary[key_alg]
        tok = compact(hdr(tok_alg, kk.kid), exact, lambda d, a=tok_alg, kk=kk: raw_sign(a, kk.key, d))
        add(f"alg-mismatch-{tok_alg}-with-{kk.kid}", "alg-mismatch", tok, kk.kid, False, why, script,
            not tok_alg.startswith("PS"))
    for key_alg, tok_alg, hashname in (("ES256", "ES384", "384"), ("ES384", "ES256", "256"),
                                       ("ES512", "ES384", "384")):
        kk = primary[key_alg]
        # ECDSA on the key's curve but with the header's hash (what a header-driven verifier would check).
        tok = compact(hdr(tok_alg, kk.kid), exact,
                      lambda d, kk=kk, h=hashname: raw_sign(kk.alg, kk.key, d, ecdsa_hash=HASHES[h]()))
        add(f"alg-mismatch-{tok_alg}-with-{kk.kid}", "alg-mismatch", tok, kk.kid, False,
            f"{kk.public_jwk['crv']} key (→ {key_alg}) but header {tok_alg}; ECDSA computed on the key's curve "
            f"with SHA-{hashname}", script, True)
    ed = primary["EdDSA"]
    for tok_alg in ("ES256", "HS256"):
        tok = compact(hdr(tok_alg, ed.kid), exact, lambda d: raw_sign("EdDSA", ed.key, d))
        add(f"alg-mismatch-{tok_alg}-with-{ed.kid}", "alg-mismatch", tok, ed.kid, False,
            f"Ed25519 signature under header alg {tok_alg}; an Ed25519 key only verifies EdDSA", script, True)
    tok = compact(hdr("Ed25519", ed.kid), exact, lambda d: raw_sign("EdDSA", ed.key, d))
    add(f"alg-Ed25519-rfc9864-with-{ed.kid}", "policy", tok, ed.kid, False,
        "header alg 'Ed25519' (the fully-specified identifier of RFC 9864, which deprecates 'EdDSA'). Issue 14 "
        "names only EdDSA, so this is expected to be refused; change the expectation if RFC 9864 support is "
        "added. joserfc 1.6 accepts it.", script, True, policy=True)
    kk = primary["ES512"]
    tok = compact(hdr("ES521", kk.kid), exact, lambda d: raw_sign("ES512", kk.key, d))
    add(f"alg-ES521-with-{kk.kid}", "alg-mismatch", tok, kk.kid, False,
        "header alg 'ES521' is not a registered JWS algorithm (PyJWT accepts it as an alias of ES512)", script,
        True)

    # Keys that must be refused, with tokens they signed correctly.
    for k in keys:
        if k.accept:
            continue
        tok = compact(hdr(k.alg, k.kid), exact, lambda d, k=k: raw_sign(k.alg, k.key, d))
        add(f"weak-key-{k.kid}", "weak-key", tok, k.kid, False, k.reason, script, True)

    # Signature encodings.
    for alg in ("ES256", "ES384", "ES512"):
        kk = primary[alg]
        tok = compact(hdr(alg, kk.kid), exact, lambda d, kk=kk: raw_sign(kk.alg, kk.key, d, ecdsa_der=True))
        add(f"{alg}-der-signature", "signature-encoding", tok, kk.kid, False,
            "ECDSA signature in ASN.1 DER instead of raw R||S (RFC 7518 3.4)", script, True)
        good_tok = compact(hdr(alg, kk.kid), exact, lambda d, kk=kk: raw_sign(kk.alg, kk.key, d))
        h, p, s = good_tok.split(".")
        raw = unb64u(s)
        add(f"{alg}-truncated-signature", "signature-encoding", f"{h}.{p}.{b64u(raw[:-1])}", kk.kid, False,
            "raw R||S one octet short", script, True)
        n = CURVE_ORDER[kk.public_jwk["crv"]]
        size = len(raw) // 2
        s_int = int.from_bytes(raw[size:], "big")
        add(f"{alg}-high-s", "valid", f"{h}.{p}.{b64u(raw[:size] + (n - s_int).to_bytes(size, 'big'))}", kk.kid,
            True, "the n - S twin of a valid signature: JOSE does not require low-S", script, True,
            expectedClaims=REFERENCE_CLAIMS)
    for alg in ("PS256", "PS384", "PS512"):
        kk = primary[alg]
        for salt, det in ((0, True), (20, False), ("max", False)):
            s_len = (kk.key.key_size // 8) - HASH_LEN[alg[2:]] - 2 if salt == "max" else salt
            tok = compact(hdr(alg, kk.kid), exact, lambda d, kk=kk, s_len=s_len: raw_sign(kk.alg, kk.key, d,
                                                                                          pss_salt=s_len))
            add(f"{alg}-salt-{salt}", "pss-salt-length", tok, kk.kid, False,
                f"RSASSA-PSS with a {s_len}-octet salt; RFC 7518 3.5 requires salt length = hash length "
                f"({HASH_LEN[alg[2:]]}). OpenSSL's default (auto-detect) accepts it: set the salt length "
                "explicitly when verifying.", script, det)
    for alg in ("RS256", "HS256", "EdDSA"):
        kk = primary[alg]
        good_tok = compact(hdr(alg, kk.kid), exact, lambda d, kk=kk: raw_sign(kk.alg, kk.key, d))
        h, p, s = good_tok.split(".")
        raw = bytearray(unb64u(s))
        raw[-1] ^= 1
        add(f"{alg}-flipped-bit", "signature", f"{h}.{p}.{b64u(bytes(raw))}", kk.kid, False,
            "last signature bit flipped", script, True)
        other = next(x for x in good if x.alg == alg and x is not kk)
        add(f"{alg}-wrong-key", "signature", good_tok, other.kid, False,
            f"signed by {kk.kid}, verified with {other.kid} (same algorithm, different key)", script, True)

    # JWK Set selection: an unknown kid.
    kk = primary["RS256"]
    tok = compact(hdr("RS256", "no-such-kid"), exact, lambda d: raw_sign("RS256", kk.key, d))
    add("jwks-unknown-kid", "jwks", tok, None, False,
        "kid not in jwks/public.jwks.json (the signature is by rsa-2048-rs256): no key, no verification",
        script, True, verifyWithJwks="jwks/public.jwks.json")
    return tokens


def evaluate(tokens, keys):
    by = {k.kid: k for k in keys}
    pub_set = {k.kid for k in keys if k.accept and k.public_jwk}
    for t in tokens:
        if t["verifyWithKid"] is None:
            kid = json.loads(unb64u(t["token"].split(".")[0])).get("kid")
            assert kid not in pub_set, t["id"]
            t["referenceOutcome"] = "refused: no key for kid"
            continue
        k = by[t["verifyWithKid"]]
        try:
            payload = reference_verify(t["token"], k)
            got = True
            t["referenceOutcome"] = "accepted"
            if "expectedClaims" in t:
                assert json.loads(payload) == t["expectedClaims"], t["id"]
        except Refused as e:
            got = False
            t["referenceOutcome"] = f"refused: {e}"
        if got != (t["expected"] == "valid"):
            raise SystemExit(f"reference verifier disagrees on {t['id']}: {t['referenceOutcome']}")
        # What the two Python libraries do when asked to verify with this key and the key's own algorithm.
        t["libraries"] = {"joserfc": joserfc_outcome(t["token"], k, k.alg),
                          "PyJWT": pyjwt_outcome(t["token"], k, k.alg)}
        if t["category"] == "algorithm-confusion":
            # The attack's premise: a verifier that takes the key *bytes* and the header's HMAC algorithm.
            secret = k.files[t["hmacSecretFormat"]][1]
            alg = json.loads(unb64u(t["token"].split(".")[0]))["alg"]
            t["librariesGivenTheBytesAsHmacSecret"] = {
                "joserfc": joserfc_outcome(t["token"], Key.raw_oct(secret, alg), alg),
                "PyJWT": pyjwt_outcome(t["token"], Key.raw_oct(secret, alg), alg)}


def generate():
    keys = build_keys()
    tokens = build(keys)
    evaluate(tokens, keys)
    files = {}
    for k in keys:
        for fmt, (path, data) in k.files.items():
            files[path] = data
    public_set = {"keys": [k.public_jwk for k in keys if k.accept and k.public_jwk]}
    hmac_set = {"keys": [k.private_jwk for k in keys if k.accept and not k.public_jwk]}
    rejected_set = {"keys": [k.public_jwk or k.private_jwk for k in keys if not k.accept]}
    files["jwks/public.jwks.json"] = dumps(public_set)
    files["jwks/hmac.jwks.json"] = dumps(hmac_set)
    files["jwks/private.jwks.json"] = dumps({"keys": [k.private_jwk for k in keys if k.accept]})
    files["jwks/rejected.jwks.json"] = dumps(rejected_set)
    manifest = {
        "description": "Interop fixtures for issue 14: keys in every format and tokens for ES256/384/512, EdDSA, "
                       "RS256/384/512, PS256/384/512 and HS256/384/512, signed by joserfc, PyJWT and this "
                       "script, plus the negative cases the issue names. Generated by make_fixtures.py.",
        "generator": {
            "script": "make_fixtures.py",
            "python": sys.version.split()[0],
            "cryptography": cryptography.__version__,
            "cryptographyOpenSSL": _backend.openssl_version_text(),
            "joserfc": joserfc.__version__,
            "PyJWT": pyjwt.__version__,
        },
        "semantics": {
            "expected": "valid: a verifier configured with the key verifyWithKid (in any of its formats) must "
                        "accept the token and return expectedClaims; invalid: it must refuse (a typed error, "
                        "never a crash). For category 'weak-key' the key itself must already be refused at "
                        "import.",
            "keyBinding": "Each key is bound to exactly one algorithm: its JWK 'alg' (EC keys: by curve; Ed25519: "
                          "EdDSA). PEM/DER files carry no algorithm, so configure the key's 'alg' when "
                          "loading them for RSA and oct keys.",
            "time": "exp 1599181203 (2020-09-04) is in the past: verify the signature layer with time checks "
                    "off, or at an instant between iat 1599177603 and exp.",
            "deterministic": "false for ES*/PS* tokens signed by joserfc/PyJWT (random nonces/salts) and PS* "
                             "tokens with a random salt: they differ on every regeneration; verify them, don't "
                             "compare them.",
            "libraries": "what joserfc and PyJWT did with the token given the same key and the key's algorithm "
                         "(informational; they are not the specification: both accept 1024-bit RSA and short "
                         "HMAC keys with only a warning).",
            "referenceOutcome": "what this script's strict reference verifier decided and why.",
        },
        "referenceClaimsSource": "the 11 claims of the original access token on the Cotter page "
                                 "(/work/shared/reference/cotter-custom-claims.md)",
        "referenceClaimsJson": REFERENCE_CLAIMS_JSON,
        "referenceClaims": REFERENCE_CLAIMS,
        "keys": [
            {"kid": k.kid, "alg": k.alg, "description": k.description(), "expectedImport":
             "accept" if k.accept else "reject", **({"rejectReason": k.reason} if not k.accept else {}),
             "files": {fmt: path for fmt, (path, _) in k.files.items()},
             "publicJwk": k.public_jwk, "privateJwk": k.private_jwk,
             "thumbprint": dict(zip(("canonicalJson", "sha256B64u"), thumbprint(k.verify_jwk))),
             "thumbprintRfc": "RFC 8037 section 2 (OKP)" if k.verify_jwk["kty"] == "OKP" else "RFC 7638",
             "derivation": ("RSA primes from a deterministic search seeded by the label" if isinstance(
                 k.key, rsa.RSAPrivateKey) else "SHA-512 stream of the label") + f" ({k.label!r})"}
            for k in keys
        ],
        "jwks": {"public": "jwks/public.jwks.json", "hmac": "jwks/hmac.jwks.json",
                 "private": "jwks/private.jwks.json", "rejected": "jwks/rejected.jwks.json"},
        "counts": {},
        "tokens": tokens,
    }
    from collections import Counter
    manifest["counts"] = {"keys": len(keys), "tokens": len(tokens),
                          "byCategory": dict(Counter(t["category"] for t in tokens)),
                          "byExpected": dict(Counter(t["expected"] for t in tokens))}
    # Thumbprint cross-check with joserfc.
    for k in keys:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert import_joserfc(k.verify_jwk).thumbprint() == thumbprint(k.verify_jwk)[1], k.kid
    files["manifest.json"] = dumps(manifest)
    return files, manifest


def check_reference_doc():
    if not os.path.exists(REFERENCE_DOC):
        return
    import re
    text = open(REFERENCE_DOC, encoding="utf-8").read()
    tok = re.findall(r'"token": "(eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)"', text)[0]
    assert unb64u(tok.split(".")[1]).decode() == REFERENCE_CLAIMS_JSON, "reference claims differ from the page"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    check_reference_doc()
    files, manifest = generate()
    if not a.check:
        for path, data in files.items():
            full = os.path.join(HERE, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data)
        print(f"wrote {len(files)} files; {manifest['counts']}")
        return 0
    # --check: deterministic files must match; randomized tokens must still verify as recorded.
    bad = 0
    for path, data in files.items():
        if path == "manifest.json":
            continue
        with open(os.path.join(HERE, path), "rb") as f:
            if f.read() != data:
                print("DIFFERS:", path)
                bad += 1
    with open(os.path.join(HERE, "manifest.json")) as f:
        old = json.load(f)
    keys = build_keys()
    old_tokens = {t["id"]: t for t in old["tokens"]}
    for t in manifest["tokens"]:
        o = old_tokens.get(t["id"])
        if o is None:
            print("MISSING token:", t["id"])
            bad += 1
            continue
        if t["deterministic"]:
            if o["token"] != t["token"]:
                print("DIFFERS token:", t["id"])
                bad += 1
        else:
            evaluate([o], keys)  # raises if the stored token no longer verifies as expected
    if len(old_tokens) != len(manifest["tokens"]):
        print("token count differs")
        bad += 1
    print("check:", "OK" if not bad else f"{bad} difference(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
