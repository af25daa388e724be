#!/usr/bin/env python3
"""Writes the seed corpus Fuzz/corpus/ (run from anywhere; committed output, rerun after changing seeds).

Input layout (see Fuzz/PluginFuzz/Harness.swift): byte 0 even = in-process responder route with
byte 1 = method index, byte 2 = Authorization variant (0 = right token), byte 3 = verb (0 = POST), rest = body;
byte 0 odd = raw HTTP bytes to a live server, `@TOKEN@` replaced by the real token.
"""
import hashlib
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

WORKFLOW = '{"metadata":{"name":"wf-1","namespace":"argo","uid":"u-1","labels":{"team":"a"},"generation":3,"creationTimestamp":"2026-11-21T10:00:00Z"}}'
TEMPLATE = '{"name":"main","inputs":{"parameters":[{"name":"region","value":"eu"}]},"plugin":{"fuzz":{"message":"hi"}}}'
NODE = '{"id":"wf-1-1","name":"wf-1[0].s","type":"Plugin","phase":"Pending","startedAt":"2026-11-21T10:00:01Z","finishedAt":null}'
POD = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{}},"spec":{"containers":[{"name":"main","image":"alpine"}]}}'

BODIES = {
    0: [
        '{"workflow":%s,"template":%s}' % (WORKFLOW, TEMPLATE),
        '{"workflow":%s,"template":{"name":"t","plugin":{"fuzz":{"outcome":"fail","message":"boom"}}}}' % WORKFLOW,
        '{"workflow":%s,"template":{"name":"t","plugin":{"fuzz":{"outcome":"transient"}}}}' % WORKFLOW,
        '{"workflow":%s,"template":{"name":"t","plugin":{"fuzz":{"outcome":"running"}}}}' % WORKFLOW,
        '{"workflow":%s,"template":{"name":"t","plugin":{"other":{}}}}' % WORKFLOW,
        '{"workflow":%s,"template":{"name":"t","plugin":{"fuzz":{"message":5}}}}' % WORKFLOW,
        '{"workflow":{},"template":{"name":"t","timeout":"1h30m","retryStrategy":{"limit":"3"},"plugin":{"fuzz":{"message":"\\u00e9\\ud83d\\ude00"}}}}',
        '{"workflow":%s,"workflow":%s,"template":%s}' % (WORKFLOW, WORKFLOW, TEMPLATE),
        '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
        '{"workflow":{"metadata":{"generation":1e400}},"template":{}}',
        '{"workflow":',
        '',
    ],
    1: ['{"workflow":%s}' % WORKFLOW],
    2: ['{"old":%s,"new":%s}' % (WORKFLOW, WORKFLOW)],
    3: ['{"workflow":%s,"template":%s,"node":%s}' % (WORKFLOW, TEMPLATE, NODE),
        '{"workflow":%s,"template":{"name":"t","plugin":{"skip":{}}},"node":%s}' % (WORKFLOW, NODE)],
    4: ['{"workflow":%s,"template":%s,"old":%s,"new":%s}' % (WORKFLOW, TEMPLATE, NODE, NODE)],
    5: ['{"workflow":%s,"template":%s}' % (WORKFLOW, TEMPLATE)],
    6: ['{"workflow":%s,"template":%s,"pod":%s}' % (WORKFLOW, TEMPLATE, POD)],
    7: ['{"workflow":%s,"template":%s,"pod":%s}' % (WORKFLOW, TEMPLATE, POD)],
    8: ['{}'],
}

def http(verb, path, body, headers=()):
    head = "%s %s HTTP/1.1\r\nHost: localhost\r\n" % (verb, path)
    for h in headers:
        head += h + "\r\n"
    return head + "Content-Length: %d\r\n\r\n" % len(body.encode()) + body

EXECUTE = "/api/v1/template.execute"
GOOD = "Authorization: Bearer @TOKEN@"
RAW = [
    http("POST", EXECUTE, BODIES[0][0], [GOOD, "Content-Type: application/json"]),
    http("POST", EXECUTE, BODIES[0][0], [GOOD]) + http("POST", EXECUTE, BODIES[0][1], [GOOD]),
    http("POST", EXECUTE, BODIES[0][0], ["Authorization: Bearer wrong"]),
    http("POST", "/api/v1/workflow.preOperate", BODIES[1][0], [GOOD]),
    http("GET", EXECUTE, "", [GOOD]),
    http("BREW", "/coffee", "", [GOOD]),
    http("POST", EXECUTE, "{broken", [GOOD]),
    "POST %s HTTP/1.1\r\nHost: x\r\n%s\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n%s\r\n0\r\n\r\n" % (EXECUTE, GOOD, BODIES[0][0][:16]),
    "POST %s HTTP/1.1\r\nHost: x\r\n%s\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}" % (EXECUTE, GOOD),
    "POST %s HTTP/1.1\r\nHost: x\r\n%s\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}" % (EXECUTE, GOOD),
    "POST %s HTTP/1.1\r\nHost: x\r\n%s\r\nContent-Length: abc\r\n\r\n{}" % (EXECUTE, GOOD),
    "POST %s HTTP/1.0\r\n%s\r\nContent-Length: 2\r\n\r\n{}" % (EXECUTE, GOOD),
    "GARBAGE\r\n\r\n",
]

def write(data):
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)

os.makedirs(OUT, exist_ok=True)
for method, bodies in BODIES.items():
    for body in bodies:
        write(bytes([0, method, 0, 0]) + body.encode())
write(bytes([0, 0, 1, 0]) + BODIES[0][0].encode())   # no token
write(bytes([0, 0, 3, 3]) + BODIES[0][0].encode())   # token with a suffix, GET
write(bytes([0, 1, 0, 5]) + BODIES[1][0].encode())   # BREW
for raw in RAW:
    write(bytes([1]) + raw.encode())
print("wrote", len(os.listdir(OUT)), "seeds to", OUT)
