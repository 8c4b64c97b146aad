"""docker compose's one-shot sample-data loader: submits each report of a sample-data file through the public
ingest API, in order, waiting for each decision (the same thing ./run-local.sh does). Standard library only."""
import json
import sys
import time
import urllib.request

ingest, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    reports = [item["report"] for item in json.load(f)["reports"]]

accepted = rejected = 0
for report in reports:
    request = urllib.request.Request(ingest + "/api/v1/reports", data=json.dumps(report).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        submission = json.load(response)
    for _ in range(600):
        with urllib.request.urlopen(ingest + submission["self"], timeout=10) as response:
            submission = json.load(response)
        if submission["status"] != "PENDING":
            break
        time.sleep(0.1)
    what = f'{report["type"]} {report.get("measure", "")} {report["country"]}/{report["platform"]}'
    if submission["status"] == "ACCEPTED":
        accepted += 1
        print("accepted ", what)
    else:
        rejected += 1
        print("rejected ", what, ":", submission.get("reason"))
print(f"sample data: {accepted} accepted, {rejected} rejected")
sys.exit(0 if rejected == 0 else 1)
