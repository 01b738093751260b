#!/usr/bin/env python3
"""Check the transcribed RFC vectors in this folder with joserfc and pyca/cryptography.

Every signature is *verified* (PS384/ES512 signatures are randomized, so re-signing cannot reproduce them);
the deterministic ones (RS256, HS256, EdDSA) are also re-signed and compared byte for byte.  If the sibling
folders are present, the values are cross-checked against the JOSE Cookbook JSON (../jose-cookbook) and the
RFC 7520 tokens that Wycheproof embeds (json_web_signature_test.json, given with --wycheproof-jws).

Exit status 0 when every check passes.
"""

import argparse
import base64
import hashlib
import json
import os
import sys

from cryptography.hazmat.primitives import hashes, hmac, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from joserfc import jws
from joserfc.jwk import ECKey, OctKey, OKPKey, RSAKey

HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def unb64u(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return json.load(f)


def joserfc_verifies(token, jwk, alg):
    cls = {"RSA": RSAKey, "EC": ECKey, "OKP": OKPKey, "oct": OctKey}[jwk["kty"]]
    key = cls.import_key({k: v for k, v in jwk.items() if k not in ("alg",)})
    try:
        obj = jws.deserialize_compact(token, key, algorithms=[alg])
        return obj.payload
    except Exception as e:  # noqa: BLE001 - report any refusal
        print("     joserfc:", type(e).__name__, e)
        return None


def thumb(jwk):
    req = {"RSA": ("e", "kty", "n"), "EC": ("crv", "kty", "x", "y"), "OKP": ("crv", "kty", "x"),
           "oct": ("k", "kty")}[jwk["kty"]]
    canon = json.dumps({k: jwk[k] for k in req}, separators=(",", ":"), sort_keys=True)
    return base64.urlsafe_b64encode(hashlib.sha256(canon.encode()).digest()).rstrip(b"=").decode()


def rs256(pem_priv, si, sig):
    k = serialization.load_pem_private_key(pem_priv.encode(), None)
    k.public_key().verify(sig, si, padding.PKCS1v15(), hashes.SHA256())
    return k.sign(si, padding.PKCS1v15(), hashes.SHA256()) == sig


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cookbook", default=os.path.join(HERE, "..", "jose-cookbook"))
    ap.add_argument("--wycheproof-jws", help="path to Wycheproof json_web_signature_test.json")
    a = ap.parse_args()

    # RFC 7515 A.2
    d = load("rfc7515-appendix-a2-rs256.json")
    s, der = d["A.2"], d["A.2-derived (computed here with pyca/cryptography, NOT in the RFC)"]
    sig = bytes(s["signatureOctets"])
    check(rs256(der["privateKeyPkcs8Pem"], s["signingInput"].encode(), sig),
          "7515 A.2: RS256 verifies and re-signs to the RFC octets")
    check(joserfc_verifies(s["compact"], der["publicJwk"], "RS256") == bytes(s["payloadOctets"]),
          "7515 A.2: joserfc verifies the compact JWS")
    check(der["modulusBits"] == 2048, "7515 A.2: 2048-bit modulus")

    # RFC 7515 A.4
    d = load("rfc7515-appendix-a4-es512.json")
    s, der = d["A.4"], d["A.4-derived (computed here with pyca/cryptography, NOT in the RFC)"]
    pub = serialization.load_pem_public_key(der["publicKeySpkiPem"].encode())
    r, ss = int.from_bytes(bytes(s["R"]), "big"), int.from_bytes(bytes(s["S"]), "big")
    try:
        pub.verify(encode_dss_signature(r, ss), s["signingInput"].encode(), ec.ECDSA(hashes.SHA512()))
        ok = True
    except Exception:  # noqa: BLE001
        ok = False
    check(ok and len(s["R"]) == 66 and len(s["S"]) == 66, "7515 A.4: ES512 (R, S) verifies; 66+66 octets")
    check(joserfc_verifies(s["compact"], der["publicJwk"], "ES512") == b"Payload",
          "7515 A.4: joserfc verifies the compact JWS")
    check(joserfc_verifies(der["highSCompact"], der["publicJwk"], "ES512") == b"Payload",
          "7515 A.4 derived: the n-S twin verifies too")
    check(joserfc_verifies(der["compactWithDerSignature"], der["publicJwk"], "ES512") is None,
          "7515 A.4 derived: the DER-signature token is refused")

    # RFC 8037 A
    d = load("rfc8037-appendix-a-ed25519.json")
    k = ed25519.Ed25519PrivateKey.from_private_bytes(bytes.fromhex(d["A.1-privateKeyHex"]))
    s4 = d["A.4-signing"]
    check(k.sign(s4["signingInput"].encode()).hex() == s4["signatureHex"], "8037 A.4: Ed25519 re-signs identically")
    check(joserfc_verifies(s4["compact"], d["A.2-publicJwk"], "EdDSA") == s4["payloadUtf8"].encode(),
          "8037 A.5: joserfc verifies the compact JWS")
    check(thumb(d["A.2-publicJwk"]) == d["A.3-thumbprint"]["thumbprintB64u"] ==
          OKPKey.import_key(d["A.2-publicJwk"]).thumbprint(), "8037 A.3: thumbprint (here and joserfc)")

    # RFC 7520 keys and JWS
    keys = load("rfc7520-section3-keys.json")
    jwss = load("rfc7520-section4-jws.json")
    kd = keys["derived (computed here with pyca/cryptography, NOT in the RFC)"]
    pubs = {"RS256": keys["3.3-rsaPublicKey"]["jwk"], "PS384": keys["3.3-rsaPublicKey"]["jwk"],
            "ES512": keys["3.1-ecPublicKey"]["jwk"], "HS256": keys["3.5-symmetricKeyMac"]["jwk"]}
    for sec in ("4.1", "4.2", "4.3", "4.4"):
        s = jwss[sec]
        got = joserfc_verifies(s["compact"], pubs[s["alg"]], s["alg"])
        check(got == jwss["payloadUtf8"].encode(), f"7520 {sec}: joserfc verifies {s['alg']}")
        sig, si = unb64u(s["signatureB64u"]), s["signingInput"].encode()
        if s["alg"] == "RS256":
            check(rs256(kd["rsa"]["privateKeyPkcs8Pem"], si, sig), "7520 4.1: RS256 re-signs identically")
        if s["alg"] == "PS384":
            p = serialization.load_pem_public_key(kd["rsa"]["publicKeySpkiPem"].encode())
            try:
                p.verify(sig, si, padding.PSS(padding.MGF1(hashes.SHA384()), 48), hashes.SHA384())
                ok = True
            except Exception:  # noqa: BLE001
                ok = False
            check(ok, "7520 4.2: PS384 verifies with salt length 48 (= hash length)")
        if s["alg"] == "HS256":
            h = hmac.HMAC(bytes.fromhex(kd["oct"]["keyHex"]), hashes.SHA256())
            h.update(si)
            check(h.finalize() == sig, "7520 4.4: HS256 MAC recomputed")

    # Cross-check with the JOSE Cookbook (the RFC authors' machine-readable examples).
    cb = a.cookbook
    if os.path.isdir(cb):
        def cbj(p):
            with open(os.path.join(cb, p), encoding="utf-8") as f:
                return json.load(f)
        check(cbj("jwk/3_1.ec_public_key.json") == keys["3.1-ecPublicKey"]["jwk"], "cookbook 3.1 == transcription")
        check(cbj("jwk/3_2.ec_private_key.json") == keys["3.2-ecPrivateKey"]["jwk"], "cookbook 3.2 == transcription")
        check(cbj("jwk/3_3.rsa_public_key.json") == keys["3.3-rsaPublicKey"]["jwk"], "cookbook 3.3 == transcription")
        check(cbj("jwk/3_4.rsa_private_key.json") == keys["3.4-rsaPrivateKey"]["jwk"],
              "cookbook 3.4 == transcription")
        check(cbj("jwk/3_5.symmetric_key_mac_computation.json") == keys["3.5-symmetricKeyMac"]["jwk"],
              "cookbook 3.5 == transcription")
        for sec, p in (("4.1", "jws/4_1.rsa_v15_signature.json"), ("4.2", "jws/4_2.rsa-pss_signature.json"),
                       ("4.3", "jws/4_3.ecdsa_signature.json"), ("4.4", "jws/4_4.hmac-sha2_integrity_protection.json")):
            c = cbj(p)
            check(c["output"]["compact"] == jwss[sec]["compact"] and c["input"]["payload"] == jwss["payloadUtf8"]
                  and c["output"]["json"] == jwss[sec]["generalJsonSerialization"]
                  and c["output"]["json_flat"] == jwss[sec]["flattenedJsonSerialization"],
                  f"cookbook {p} == transcription of 7520 {sec}")
        c = cbj("curve25519/jws.json")
        check(c["output"]["compact"] == d["A.4-signing"]["compact"]
              and {k: v for k, v in c["input"]["key"].items() if k != "use"} == d["A.1-privateJwk"],
              "cookbook curve25519/jws.json == transcription of 8037 A.1/A.4")

    if a.wycheproof_jws:
        with open(a.wycheproof_jws) as f:
            w = json.load(f)
        tokens = {t["tcId"]: (t["jws"], g) for g in w["testGroups"] for t in g["tests"]}
        for tc, sec in ((345, "4.1"), (346, "4.2"), (347, "4.3"), (348, "4.4")):
            check(tokens[tc][0] == jwss[sec]["compact"], f"Wycheproof tcId {tc} == 7520 {sec} compact")
        g = tokens[345][1]["public"]
        check({k: v for k, v in g.items() if k != "alg"} == keys["3.3-rsaPublicKey"]["jwk"],
              "Wycheproof rfc7520 RSA key == 3.3 (apart from the 'alg' Wycheproof added)")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
