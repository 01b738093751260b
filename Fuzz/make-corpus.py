#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora, Fuzz/Corpus/<Target>/, from the test vectors and fixtures.

Run from anywhere: python3 Fuzz/make-corpus.py. It replaces the corpus directories completely, names every file by
the SHA-1 of its content, and is deterministic, so re-running it on unchanged vectors changes nothing. Tokens for the
fixed fuzzing key (RFC 7515 A.3, see Fuzz/Sources/FuzzSupport) are signed with deterministic ECDSA (RFC 6979), which
needs pyca/cryptography (pip install cryptography); everything else comes from
Tests/JWTClaimsTests/Resources/ unchanged.
"""
import base64
import hashlib
import json
import pathlib
import shutil

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ROOT = pathlib.Path(__file__).resolve().parent
RESOURCES = ROOT.parent / "Tests" / "JWTClaimsTests" / "Resources"
CORPUS = ROOT / "Corpus"
MAX_SEED = 4096  # libFuzzer's default -max_len: longer seeds would only be truncated
MAX_FILES = 400  # per target: "a few hundred files at most"

FIXED_D = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"
FIXED_KID = "fuzz-key"
NOW = 1_700_000_000  # FuzzFixtures.now


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64u_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def load(path: str):
    return json.loads((RESOURCES / path).read_text(encoding="utf-8"))


FIXED_KEY = ec.derive_private_key(int.from_bytes(b64u_decode(FIXED_D), "big"), ec.SECP256R1())


def sign(header: dict | str, claims: dict | str) -> str:
    header_text = header if isinstance(header, str) else json.dumps(header, separators=(",", ":"))
    claims_text = claims if isinstance(claims, str) else json.dumps(claims, separators=(",", ":"))
    signing_input = f"{b64u(header_text.encode())}.{b64u(claims_text.encode())}"
    der = FIXED_KEY.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256(), deterministic_signing=True))
    r, s = decode_dss_signature(der)
    return f"{signing_input}.{b64u(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


# Claims for tokens the fixed key signs: valid at NOW unless the name says otherwise.
FIXED_CLAIMS = [
    {"sub": "alice", "exp": NOW + 3600},
    {"iss": "https://issuer.example", "sub": "bob", "aud": "api", "iat": NOW - 10, "nbf": NOW - 10, "exp": NOW + 60},
    {"sub": "carol", "aud": ["a", "b"], "exp": NOW + 1, "roles": ["admin", "user"], "n": 1.5e3, "big": 2**70},
    {"sub": "dave", "nested": {"a": [1, {"b": None}], "c": True}, "exp": NOW + 3600, "jti": "id-1"},
    {"role": "user", "user_id": 125, "exp": NOW + 100},
    {"sub": "expired", "exp": NOW - 1},
    {"sub": "not-yet", "nbf": NOW + 1000},
    {"sub": "\u00e9\u4e2d\U0001f600", "esc": "\"\\/\b\f\n\r\t\u0001", "exp": NOW + 5},
    {},
]
FIXED_HEADERS = [
    {"alg": "ES256", "typ": "JWT", "kid": FIXED_KID},
    {"alg": "ES256"},
    {"alg": "ES256", "typ": "at+jwt"},
    {"alg": "ES256", "kid": FIXED_KID, "crit": ["exp"], "exp": 1},
    {"alg": "ES256", "kid": "other"},
    {"alg": "none"},
    {"alg": "HS256", "kid": FIXED_KID},
    {"alg": "ES256", "jku": "https://attacker.example/jwks", "jwk": {"kty": "EC"}, "x5u": "https://x"},
]


def fixed_tokens() -> list[str]:
    tokens = [sign(FIXED_HEADERS[0], claims) for claims in FIXED_CLAIMS]
    tokens += [sign(header, FIXED_CLAIMS[0]) for header in FIXED_HEADERS[1:]]
    # Not compact JSON, duplicate members, not an object: decoding must judge the text, not re-serialize it.
    tokens.append(sign('{"alg":"ES256"}', '{"sub":"x", "exp": %d }' % (NOW + 10)))
    tokens.append(sign('{"alg":"ES256","alg":"none"}', '{"sub":"x"}'))
    tokens.append(sign('{"alg":"ES256"}', '["not","an","object"]'))
    # The same token with its signature's S replaced by n - S (the other valid signature, "high S").
    token = tokens[0]
    head, payload, signature = token.split(".")
    raw = b64u_decode(signature)
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    high = order - int.from_bytes(raw[32:], "big")
    tokens.append(f"{head}.{payload}.{b64u(raw[:32] + high.to_bytes(32, 'big'))}")
    # The all-zero signature of CVE-2022-21449.
    tokens.append(f"{head}.{payload}.{b64u(bytes(64))}")
    return tokens


def json_seeds() -> list[bytes]:
    seeds = []
    suite = sorted((RESOURCES / "json-test-suite" / "test_parsing").iterdir())
    seeds += [path.read_bytes() for path in suite]
    interop = load("generated/es256-interop.json")
    for test in interop["tests"]:
        for field in ("headerJson", "payloadJson"):
            if isinstance(test.get(field), str):
                seeds.append(test[field].encode())
    for key in interop["keys"]:
        seeds.append(json.dumps(key["privateJwk"]).encode())
    seeds += [json.dumps(claims).encode() for claims in FIXED_CLAIMS]
    return seeds


def base64url_seeds() -> list[bytes]:
    vectors = load("rfc/rfc4648-base64.json")
    seeds = [v["base64url"].encode() for v in vectors["base64url_valid"]]
    seeds += [v["input"].encode() for v in vectors["base64url_invalid"]]
    for token in fixed_tokens()[:4]:
        seeds += [segment.encode() for segment in token.split(".")]
    for key in load("generated/es256-interop.json")["keys"]:
        seeds += [key["privateJwk"][member].encode() for member in ("x", "y", "d")]
    return seeds


def token_seeds() -> list[bytes]:
    tokens = fixed_tokens()
    tokens += [test["token"] for test in load("generated/es256-interop.json")["tests"]]
    rfc = load("rfc/rfc7515-appendix-a3-es256.json")["A.3"]
    tokens.append(f"{rfc['protectedHeaderB64u']}.{rfc['payloadB64u']}.{rfc['signatureB64u']}")
    # Wycheproof's JWS tests are mostly other algorithms: keep every compact one whose header names an EC algorithm
    # or none, and every fourth of the rest.
    compact = [test["jws"] for group in load("wycheproof/testvectors_v1/json_web_signature_test.json")["testGroups"]
               for test in group["tests"] if isinstance(test.get("jws"), str)]
    for index, jws in enumerate(compact):
        try:
            alg = json.loads(b64u_decode(jws.split(".")[0])).get("alg", "")
        except ValueError:
            alg = ""
        if alg.startswith("ES") or alg.lower() == "none" or index % 4 == 0:
            tokens.append(jws)
    return [token.encode() for token in tokens]


# The key import fuzzer's selector byte (FuzzKeyImport.swift `Format`).
PRIVATE_PEM, PUBLIC_PEM, PRIVATE_DER, PUBLIC_DER, PRIVATE_JWK, PUBLIC_JWK, KEY_SET, PUBLIC_X963 = range(8)


def pem_body(pem: str) -> bytes:
    return base64.b64decode("".join(line for line in pem.splitlines() if not line.startswith("-----")))


def key_seeds() -> list[bytes]:
    seeds = []

    def add(selector: int, body: bytes | str):
        seeds.append(bytes([selector]) + (body.encode() if isinstance(body, str) else body))

    interop = load("generated/es256-interop.json")
    for key in interop["keys"]:
        add(PRIVATE_PEM, key["privateKeyPkcs8Pem"])
        add(PRIVATE_PEM, key["privateKeySec1Pem"])
        add(PUBLIC_PEM, key["publicKeySpkiPem"])
        add(PRIVATE_DER, pem_body(key["privateKeyPkcs8Pem"]))
        add(PRIVATE_DER, pem_body(key["privateKeySec1Pem"]))
        add(PUBLIC_DER, pem_body(key["publicKeySpkiPem"]))
        add(PRIVATE_JWK, json.dumps(key["privateJwk"]))
        add(PUBLIC_JWK, json.dumps(key["publicJwk"]))
        add(PUBLIC_X963, bytes.fromhex(key["uncompressedPointHex"]))
    add(KEY_SET, json.dumps({"keys": [key["publicJwk"] for key in interop["keys"]]}))
    for test in interop["tests"]:
        add(PUBLIC_JWK, json.dumps(test["publicKeyJwk"]))
    for key in load("generated-python/rejected-keys.json")["keys"]:
        pem = key["encoding"] == "pem"
        selector = {("private", True): PRIVATE_PEM, ("public", True): PUBLIC_PEM,
                    ("private", False): PRIVATE_DER, ("public", False): PUBLIC_DER}[(key["kind"], pem)]
        add(selector, key["data"] if pem else bytes.fromhex(key["data"]))
    rfc = load("rfc/rfc7517-appendix-a-ec-p256-jwk.json")
    add(KEY_SET, json.dumps(rfc["A.1-jwkSet"]))
    add(PUBLIC_JWK, json.dumps(rfc["A.1-ecPublicJwk"]))
    add(PRIVATE_JWK, json.dumps(rfc["A.2-ecPrivateJwk"]))
    for group in load("wycheproof/testvectors_v1/json_web_key_test.json")["testGroups"]:
        add(KEY_SET, json.dumps(group["private"]))
        for jwk in group["private"].get("keys", []):
            add(PUBLIC_JWK, json.dumps(jwk))
    points = load("wycheproof/testvectors_v1/ecdh_secp256r1_ecpoint_test.json")
    for test in [t for g in points["testGroups"] for t in g["tests"]][:60]:
        add(PUBLIC_X963, bytes.fromhex(test["public"]))
    fixed_public = FIXED_KEY.public_key()
    add(PUBLIC_X963, fixed_public.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint))
    return seeds


# The key recognition fuzzer's selector byte (FuzzKeyRecognition.swift): format + 7 * algorithm choice, where choice 0
# asks for no algorithm and 1...13 for JWSAlgorithm.allCases in this order.
RECOGNITION_FORMATS = ["privatePEM", "publicPEM", "privateDER", "publicDER", "privateJWK", "publicJWK", "keySet"]
ALGORITHMS = ["ES256", "ES384", "ES512", "EdDSA", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
              "HS256", "HS384", "HS512"]


def key_recognition_seeds() -> list[bytes]:
    seeds = []

    def add(format_name: str, alg: str | None, body: bytes):
        choice = 0 if alg is None else ALGORITHMS.index(alg) + 1
        seeds.append(bytes([RECOGNITION_FORMATS.index(format_name) + 7 * choice]) + body)

    manifest = load("interop/manifest.json")
    formats = {
        "privatePkcs8Pem": "privatePEM", "privateSec1Pem": "privatePEM", "privatePkcs1Pem": "privatePEM",
        "publicSpkiPem": "publicPEM", "publicPkcs1Pem": "publicPEM",
        "privatePkcs8Der": "privateDER", "privateSec1Der": "privateDER", "privatePkcs1Der": "privateDER",
        "publicSpkiDer": "publicDER", "publicPkcs1Der": "publicDER",
        "privateJwk": "privateJWK", "publicJwk": "publicJWK",
    }
    for key in manifest["keys"]:
        for name, path in key["files"].items():
            if name not in formats:
                continue
            body = (RESOURCES / "interop" / path).read_bytes()
            # RSA PEM and DER need the algorithm; the others are seeded both without one and with their own.
            add(formats[name], key["alg"], body)
            if not key["alg"].startswith(("RS", "PS")) or name.endswith("Jwk"):
                add(formats[name], None, body)
    for name in ["public.jwks.json", "hmac.jwks.json", "rejected.jwks.json"]:
        body = (RESOURCES / "interop" / "jwks" / name).read_bytes()
        add("keySet", None, body)
        add("keySet", "RS256", body)
    return seeds


def augment_seeds() -> list[bytes]:
    attributes = [
        b'{"role":"admin","user_id":125}',
        b'{"sub":"mallory"}',
        b'{"exp":9999999999,"iat":0}',
        b'{"role":null}',
        b'{"roles":["a","b"],"n":1.50,"o":{"deep":[[[]]]}}',
        b'{"":1}',
        b'{"a\\u0000b":1}',
        b'[]',
        b'{"role":"a","role":"b"}',
        b'  { "spaced" : true }  ',
    ]
    tokens = [sign(FIXED_HEADERS[0], claims) for claims in FIXED_CLAIMS[:5]]
    tokens.append(sign(FIXED_HEADERS[2], FIXED_CLAIMS[0]))
    seeds = []
    for index, token in enumerate(tokens):
        for policy, attribute in enumerate(attributes):
            if (index + policy) % 2 == 0:
                seeds.append(bytes([policy * 3 % 32]) + token.encode() + b"\n" + attribute)
    # Claims-JSON mode: the fuzzer signs these itself.
    for policy, claims in enumerate(FIXED_CLAIMS):
        seeds.append(bytes([policy]) + json.dumps(claims).encode() + b"\n" + attributes[policy % len(attributes)])
    return seeds


def write(target: str, seeds: list[bytes]):
    directory = CORPUS / target
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    unique = {hashlib.sha1(seed).hexdigest(): seed for seed in seeds if len(seed) <= MAX_SEED}
    if len(unique) > MAX_FILES:
        raise SystemExit(f"{target}: {len(unique)} seeds, more than {MAX_FILES}")
    for name, seed in sorted(unique.items()):
        (directory / name).write_bytes(seed)
    print(f"{target}: {len(unique)} seeds, {sum(map(len, unique.values()))} bytes")


write("FuzzJSON", json_seeds())
write("FuzzBase64URL", base64url_seeds())
write("FuzzToken", token_seeds())
write("FuzzKeyImport", key_seeds())
write("FuzzKeyRecognition", key_recognition_seeds())
write("FuzzAugment", augment_seeds())
