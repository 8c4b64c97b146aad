"""docker compose's one-shot sample-data loader: submits each report of a sample-data file through the public
ingest API, in order, waiting for each decision (as ./run-local.sh does). Standard library only.

Idempotent: each fact goes under an Idempotency-Key derived from the file's name and the fact's content, so a second
`docker compose up` replays the same submissions (ingest answers Idempotent-Replayed: true) and the ledger changes
nothing. A fact edited in the file is a new fact with a new key.

Bearer token: with TOKEN_URL, CLIENT_ID and CLIENT_SECRET set, a client-credentials token from the identity provider
(Keycloak in compose; retried while it starts); with RL_TOKEN, that token as is."""
import hashlib
import json
import os
import sys
import time
import urllib.parse
import urllib.request

ingest, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    reports = [item["report"] for item in json.load(f)["reports"]]
dataset = os.path.splitext(os.path.basename(path))[0]


def idempotency_key(report):
    canonical = json.dumps(report, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return dataset + "/" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:40]


def token():
    if os.environ.get("RL_TOKEN"):
        return os.environ["RL_TOKEN"]
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": os.environ["CLIENT_ID"],
                                   "client_secret": os.environ["CLIENT_SECRET"]}).encode()
    for attempt in range(120):
        try:
            with urllib.request.urlopen(os.environ["TOKEN_URL"], data=form, timeout=10) as response:
                return json.load(response)["access_token"]
        except OSError as e:
            print("waiting for the identity provider:", e)
            time.sleep(2)
    sys.exit("no token from " + os.environ["TOKEN_URL"])


bearer = {"Authorization": "Bearer " + token()}
accepted = rejected = replayed = 0
for report in reports:
    request = urllib.request.Request(ingest + "/api/v1/reports", data=json.dumps(report).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Idempotency-Key": idempotency_key(report), **bearer})
    with urllib.request.urlopen(request, timeout=30) as response:
        again = response.headers.get("Idempotent-Replayed") == "true"
        submission = json.load(response)
    replayed += again
    for _ in range(600):
        with urllib.request.urlopen(urllib.request.Request(ingest + submission["self"], headers=bearer),
                                    timeout=10) as response:
            submission = json.load(response)
        if submission["status"] != "PENDING":
            break
        time.sleep(0.1)
    what = f'{report["type"]} {report.get("measure", "")} {report["country"]}/{report["platform"]}'
    if submission["status"] == "ACCEPTED":
        accepted += 1
        print("replayed " if again else "accepted ", what)
    else:
        rejected += 1
        print("rejected ", what, ":", submission.get("reason"))
print(f"sample data: {accepted} accepted ({replayed} of them loaded before), {rejected} rejected")
sys.exit(0 if rejected == 0 else 1)
