#!/usr/bin/env python3
"""Several `jwt-claims serve` instances sharing one PostgreSQL database, end to end (issue 13).

Runs the built binary twice on loopback (`--port 0`, different ports), both with `--store postgres://...` on the
test cluster, the same signing key, issuer and API-key file, and drives them with real HTTP (`requests`):

  alternate     issue through A, add custom claims through B with the refresh token, then refresh alternately
                through A and B ten times: every access token carries the original and the custom claims, `aud`
                stays a string, and each instance verifies the other's tokens
  race          100 concurrent refreshes of one token spread over both instances: exactly one 200, 99 invalid_grant,
                and the family is revoked (the winner's successor is refused too)
  replay        a token rotated through A and replayed through B revokes the family on both
  sigkill       refresh load on both, `kill -9` of B in the middle: every refresh token a 200 returned is stored,
                none has two successors, every chain's newest token is usable or its family revoked by a retry after
                a lost answer; a restarted B serves again
  outage        refresh load on both, PostgreSQL stopped (`Scripts/postgres-cluster.sh stop fast`): 503
                temporarily_unavailable with Retry-After, never a 500 or a dropped connection, /healthz 503, the JWK
                Set and /verify still 200; PostgreSQL started again: both instances serve within seconds, no restart

Usage: eval "$(Scripts/postgres-cluster.sh setup)"; Scripts/multi-instance-e2e.py [SCENARIO ...]
Environment: JWT_CLAIMS_TEST_POSTGRES_URL and JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR (printed by the cluster script),
JWT_CLAIMS_BIN (default .build/debug/jwt-claims). Exits 0 when every scenario passed, 1 otherwise. The database
password is never printed: URLs are shown with it replaced by ***.
"""

import concurrent.futures
import hashlib
import json
import os
import re
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("JWT_CLAIMS_BIN", os.path.join(ROOT, ".build", "debug", "jwt-claims"))
CLUSTER_SCRIPT = os.path.join(ROOT, "Scripts", "postgres-cluster.sh")
ISSUER = "https://e2e.example"
KEY_ID = "e2e-key"
SECRET = secrets.token_urlsafe(32)
CUSTOM = {"username": "helloworld", "role": "admin", "user_id": 125}


def redact(text):
    """The text with any URL's password replaced by ***."""
    return re.sub(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Instance:
    """One `jwt-claims serve` process; its address read from the one line it prints."""

    def __init__(self, name, workdir, store_url):
        self.name = name
        self.log_path = os.path.join(workdir, f"serve-{name}-{time.monotonic_ns()}.log")
        self.log = open(self.log_path, "wb")
        arguments = [
            BINARY, "serve", "--port", "0", "--issuer", ISSUER,
            "--signing-key", os.path.join(workdir, "signing.pem"),
            "--api-keys", os.path.join(workdir, "api-keys.json"),
            "--store", store_url,
        ]
        self.process = subprocess.Popen(arguments, cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=self.log)
        line = self._first_line(timeout=90)
        match = re.search(r"http://\S+", line)
        if not match:
            self.kill()
            raise Failure(f"{name}: no address line (stdout {line!r}); log:\n{self.logs()}")
        self.url = match.group(0).rstrip("/")
        self.session = requests.Session()

    def _first_line(self, timeout):
        deadline = time.monotonic() + timeout
        data = b""
        stream = self.process.stdout
        while b"\n" not in data and time.monotonic() < deadline:
            ready, _, _ = select.select([stream], [], [], 0.5)
            if ready:
                chunk = os.read(stream.fileno(), 4096)
                if not chunk:
                    break
                data += chunk
            elif self.process.poll() is not None:
                break
        return data.split(b"\n", 1)[0].decode("utf-8", "replace")

    def logs(self, raw=False):
        self.log.flush()
        with open(self.log_path, "rb") as file:
            text = file.read().decode("utf-8", "replace")
        return text if raw else redact(text)

    def request(self, method, path, body=None, credentials=True, session=None):
        headers = {}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if credentials:
            headers["API_KEY_ID"] = KEY_ID
            headers["API_SECRET_KEY"] = SECRET
        data = None if body is None else json.dumps(body)
        return (session or self.session).request(method, self.url + path, data=data, headers=headers, timeout=30)

    def issue(self, claims, session=None):
        return self.request("POST", "/api/v0/token/issue", {"claims": claims}, session=session)

    def refresh(self, refresh_token, session=None):
        body = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        return self.request("POST", f"/api/v0/token/{KEY_ID}", body, credentials=False, session=session)

    def verify(self, access_token):
        return self.request("POST", "/verify", {"oauth_token": {"access_token": access_token}})

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                status = self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                status = self.process.wait()
            check(status == 0, f"{self.name}: exit status {status} after SIGTERM; log:\n{self.logs()}")
        self.log.close()

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def claims_of(token):
    """The payload of a compact JWS, unverified (the instances verify; this reads)."""
    import base64
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)), parse_int=str)


def token_id(refresh_token):
    return refresh_token.split(":", 1)[0]


def expect_status(response, status, what):
    check(response.status_code == status, f"{what}: {response.status_code} {response.text[:300]}")


def error_of(response):
    try:
        return response.json().get("error")
    except ValueError:
        return None


def cluster(*arguments):
    environment = dict(os.environ, PG_CLUSTER_DIR=os.environ["JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR"])
    subprocess.run([CLUSTER_SCRIPT, *arguments], env=environment, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def psql(sql):
    environment = dict(os.environ, PG_CLUSTER_DIR=os.environ["JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR"])
    result = subprocess.run([CLUSTER_SCRIPT, "psql", "-XAtqc", sql], env=environment, check=True,
                            capture_output=True, text=True)
    return result.stdout.strip()


# MARK: Scenarios

def scenario_alternate(a, b):
    original = {"sub": "alice", "tier": "gold", "score": 1.50}
    issued = a.issue(original)
    expect_status(issued, 200, "issue through A")
    issued = issued.json()
    custom = b.request("POST", "/api/v0/token/custom", {
        "token": issued["access_token"], "custom_attributes": CUSTOM, "refresh_token": issued["refresh_token"]})
    expect_status(custom, 200, "custom through B")
    refresh_token = custom.json()["refresh_token"]
    for round in range(10):
        through, other = (a, b) if round % 2 == 0 else (b, a)
        response = through.refresh(refresh_token)
        expect_status(response, 200, f"refresh {round + 1} through {through.name}")
        body = response.json()
        claims = claims_of(body["access_token"])
        check(claims["aud"] == KEY_ID, f"round {round + 1}: aud {claims['aud']!r}")
        check(claims["sub"] == "alice" and claims["tier"] == "gold", f"round {round + 1}: original claims lost")
        check(claims["username"] == "helloworld" and claims["role"] == "admin" and claims["user_id"] == "125",
              f"round {round + 1}: custom claims lost: {claims}")
        check(other.verify(body["access_token"]).json() == {"success": True},
              f"round {round + 1}: {other.name} does not verify {through.name}'s token")
        refresh_token = body["refresh_token"]
    return "10 refreshes alternating A/B kept the original and custom claims"


def scenario_race(a, b):
    issued = a.issue({"sub": "racer"}).json()
    token = issued["refresh_token"]
    barrier = threading.Barrier(100)

    def attempt(index):
        instance = (a, b)[index % 2]
        session = requests.Session()
        barrier.wait()
        return instance.refresh(token, session=session)

    with concurrent.futures.ThreadPoolExecutor(max_workers=100) as pool:
        responses = list(pool.map(attempt, range(100)))
    statuses = [response.status_code for response in responses]
    winners = [response for response in responses if response.status_code == 200]
    check(len(winners) == 1, f"{len(winners)} successes out of 100: {sorted(set(statuses))}")
    losers = [response for response in responses if response.status_code != 200]
    check(all(r.status_code == 400 and error_of(r) == "invalid_grant" for r in losers),
          f"losers: {sorted(set((r.status_code, error_of(r)) for r in losers))}")
    successor = winners[0].json()["refresh_token"]
    for instance in (a, b):
        response = instance.refresh(successor)
        check(error_of(response) == "invalid_grant", f"the winner's successor still works on {instance.name}")
    return "1 success, 99 invalid_grant, the family revoked"


def scenario_replay(a, b):
    first = a.issue({"sub": "victim"}).json()["refresh_token"]
    rotated = a.refresh(first)
    expect_status(rotated, 200, "rotate through A")
    successor = rotated.json()["refresh_token"]
    replay = b.refresh(first)
    check(replay.status_code == 400 and error_of(replay) == "invalid_grant", f"replay through B: {replay.text}")
    for instance in (a, b):
        response = instance.refresh(successor)
        check(error_of(response) == "invalid_grant", f"the successor still works on {instance.name}")
    return "the replay through B revoked the family on A and B"


class RefreshLoad:
    """Workers that each keep a chain: issue, then refresh its newest token in a loop over the instances."""

    def __init__(self, instances, workers):
        self.instances = instances
        self.workers = workers
        self.stopped = threading.Event()
        self.lock = threading.Lock()
        self.statuses = {}
        self.received = []  # every refresh token a 200 returned
        self.newest = {}  # worker -> (token, uncertain): uncertain when its rotation may have committed unanswered
        self.connection_errors = 0
        self.uncertain = set()  # workers whose last rotation may have committed without an answer
        self.missing_retry_after = 0
        self.threads = []

    def count(self, key):
        with self.lock:
            self.statuses[key] = self.statuses.get(key, 0) + 1

    def worker(self, number):
        session = requests.Session()
        token = None
        turn = number
        while not self.stopped.is_set():
            instance = self.instances[turn % len(self.instances)]
            turn += 1
            if instance.process.poll() is not None:
                continue
            try:
                if token is None:
                    response = instance.issue({"sub": f"worker-{number}"}, session=session)
                else:
                    response = instance.refresh(token, session=session)
            except requests.RequestException:
                # The instance died or the connection broke: the rotation may have committed without an answer.
                with self.lock:
                    self.connection_errors += 1
                    if token is not None:
                        self.uncertain.add(number)
                session = requests.Session()
                continue
            self.count(response.status_code)
            if response.status_code != 503:
                with self.lock:
                    self.uncertain.discard(number)
            if response.status_code == 200:
                token = response.json()["refresh_token"]
                with self.lock:
                    self.received.append(token)
                    self.newest[number] = token
            elif response.status_code == 503:
                if "Retry-After" not in response.headers:
                    with self.lock:
                        self.missing_retry_after += 1
                time.sleep(0.05)
            else:
                # invalid_grant: a retry after a lost answer was a reuse and revoked the chain; start a new one.
                with self.lock:
                    self.newest.pop(number, None)
                token = None

    def start(self):
        self.threads = [threading.Thread(target=self.worker, args=(n,), daemon=True) for n in range(self.workers)]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopped.set()
        for thread in self.threads:
            thread.join(timeout=60)


def check_no_token_issued_twice(load):
    check(len(load.received) == len(set(load.received)), "a refresh token was returned twice")
    ids = [token_id(token) for token in load.received]
    stored = set()
    for start in range(0, len(ids), 500):
        chunk = ",".join("'" + identifier + "'" for identifier in ids[start:start + 500])
        rows = psql(f"SELECT id FROM refresh_token WHERE id IN ({chunk})")
        stored.update(rows.split("\n") if rows else [])
    check(stored == set(ids), f"{len(set(ids) - stored)} refresh tokens returned with 200 are not stored (lost)")
    chunk = ",".join("'" + identifier + "'" for identifier in ids)
    doubles = psql(f"SELECT parent_id FROM refresh_token WHERE parent_id IN ({chunk}) "
                   "GROUP BY parent_id HAVING count(*) > 1") if ids else ""
    check(doubles == "", f"tokens with two successors: {doubles}")


def scenario_sigkill(a, b, workdir, store_url):
    load = RefreshLoad([a, b], workers=8)
    load.start()
    time.sleep(3)
    b.kill()
    killed_at = time.monotonic()
    time.sleep(2)
    load.stop()
    check(500 not in load.statuses, f"500s: {load.statuses}")
    check(load.statuses.get(200, 0) > 20, f"too little load: {load.statuses}")
    check_no_token_issued_twice(load)
    # Every chain's newest token is usable (rotations that were answered are exactly those that committed), unless
    # it is absent because its family was revoked by a retry after a lost answer.
    for worker, token in sorted(load.newest.items()):
        response = a.refresh(token)
        if worker in load.uncertain:
            # Its last refresh went to B as B died: used up (committed, answer lost) or still usable.
            check(response.status_code == 200 or error_of(response) == "invalid_grant",
                  f"worker {worker}: {response.status_code} {response.text[:200]}")
        else:
            check(response.status_code == 200, f"worker {worker}: its newest token is refused: {response.text[:200]}")
    restarted = Instance("B2", workdir, store_url)
    try:
        issued = restarted.issue({"sub": "after-restart"})
        expect_status(issued, 200, "issue through the restarted B")
        expect_status(restarted.refresh(issued.json()["refresh_token"]), 200, "refresh through the restarted B")
    finally:
        restarted.stop()
    return (f"{load.statuses.get(200, 0)} refreshes/issues answered 200, {load.connection_errors} connection errors "
            f"after the kill {time.monotonic() - killed_at:.1f}s ago, none issued twice or lost, restart serves")


def scenario_outage(a, b):
    before = a.issue({"sub": "outage"}).json()
    load = RefreshLoad([a, b], workers=6)
    load.start()
    time.sleep(2)
    cluster("stop", "fast")
    stopped_at = time.monotonic()
    try:
        time.sleep(0.5)
        started = time.monotonic()
        during = b.issue({"sub": "during"})
        took = time.monotonic() - started
        check(during.status_code == 503 and error_of(during) == "temporarily_unavailable", f"issue: {during.text}")
        check(during.headers.get("Retry-After", "").isdigit(), "503 without Retry-After")
        check(took < 5, f"the 503 took {took:.1f}s")
        for instance in (a, b):
            health = instance.request("GET", "/healthz", credentials=False)
            check(health.status_code == 503, f"{instance.name} /healthz during the outage: {health.status_code}")
            keys = instance.request("GET", "/.well-known/jwks.json", credentials=False)
            check(keys.status_code == 200, f"{instance.name} JWK Set during the outage: {keys.status_code}")
            check(instance.verify(before["access_token"]).json() == {"success": True},
                  f"{instance.name} /verify during the outage")
        time.sleep(max(0, stopped_at + 3 - time.monotonic()))
    finally:
        cluster("start")
    restarted = time.monotonic()
    recovered = {}
    while len(recovered) < 2 and time.monotonic() < restarted + 15:
        for instance in (a, b):
            if instance.name not in recovered:
                if instance.request("GET", "/healthz", credentials=False).status_code == 200:
                    recovered[instance.name] = time.monotonic() - restarted
        time.sleep(0.1)
    time.sleep(1)
    load.stop()
    check(len(recovered) == 2, f"not recovered 15 s after the restart: {recovered}")
    check(max(recovered.values()) < 10, f"slow recovery: {recovered}")
    check(500 not in load.statuses, f"500s: {load.statuses}")
    check(load.statuses.get(503, 0) > 0, f"the outage gave no 503: {load.statuses}")
    check(load.missing_retry_after == 0, f"{load.missing_retry_after} 503s without Retry-After")
    check(load.connection_errors == 0, f"{load.connection_errors} dropped connections")
    check(a.process.poll() is None and b.process.poll() is None, "an instance exited during the outage")
    check_no_token_issued_twice(load)
    for worker, token in sorted(load.newest.items()):
        response = a.refresh(token)
        check(response.status_code == 200, f"worker {worker}: its newest token is refused after the outage")
    expect_status(b.refresh(before["refresh_token"]), 200, "the token issued before the outage")
    recovery = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in sorted(recovered.items()))
    return f"statuses {dict(sorted(load.statuses.items()))}, healthy again after {recovery}"


SCENARIOS = ["alternate", "race", "replay", "sigkill", "outage"]


def main():
    wanted = sys.argv[1:] or SCENARIOS
    unknown = [name for name in wanted if name not in SCENARIOS]
    if unknown:
        print(f"unknown scenarios: {unknown}; known: {SCENARIOS}", file=sys.stderr)
        return 2
    store_url = os.environ.get("JWT_CLAIMS_TEST_POSTGRES_URL")
    if not store_url or not os.environ.get("JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR"):
        print('needs the test cluster: eval "$(Scripts/postgres-cluster.sh setup)"', file=sys.stderr)
        return 1
    if not os.access(BINARY, os.X_OK):
        print(f"no jwt-claims binary at {BINARY} (swift build, or set JWT_CLAIMS_BIN)", file=sys.stderr)
        return 1
    workdir = tempfile.mkdtemp(prefix="jwt-claims-multi-")
    failures = 0
    try:
        subprocess.run([BINARY, "keygen", "--private-out", os.path.join(workdir, "signing.pem")], check=True,
                       stdout=subprocess.DEVNULL)
        digest = hashlib.sha256(SECRET.encode()).hexdigest()
        with open(os.path.join(workdir, "api-keys.json"), "w") as file:
            json.dump({"keys": [{"id": KEY_ID, "secret_sha256": digest}]}, file)
        os.chmod(os.path.join(workdir, "api-keys.json"), 0o600)
        a = Instance("A", workdir, store_url)
        b = Instance("B", workdir, store_url)
        check(a.url != b.url, "both instances on one address")
        print(f"A {a.url}, B {b.url}, store {redact(store_url)}")
        for name in wanted:
            if b.process.poll() is not None:
                b = Instance("B", workdir, store_url)
            started = time.monotonic()
            try:
                if name == "sigkill":
                    result = scenario_sigkill(a, b, workdir, store_url)
                else:
                    result = globals()[f"scenario_{name}"](a, b)
                print(f"PASS {name} ({time.monotonic() - started:.1f}s): {result}")
            except Failure as failure:
                failures += 1
                print(f"FAIL {name}: {redact(str(failure))}")
        for instance in (a, b):
            password = store_url.split("@")[0].rsplit(":", 1)[-1]
            if password and password in instance.logs(raw=True):
                failures += 1
                print(f"FAIL logs of {instance.name}: the database password appears")
            instance.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("multi-instance end to end:", "passed" if failures == 0 else f"{failures} failed")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
