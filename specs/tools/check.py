#!/usr/bin/env python3
"""Quick sanity check of specs/*.toml against schema alipay-spec/1 (see specs/README.md).

Stdlib only (Python >= 3.11 for tomllib). Usage: python3 specs/tools/check.py [files...]
Without arguments it checks every *.toml in specs/. Exit status 1 if anything is wrong.
The real checks live in the Rust spec parser; this catches mistakes before a build.
"""

import pathlib
import re
import sys
import tomllib

SCHEMA = "alipay-spec/1"

TOP_KEYS = {
    "schema", "method", "name_zh", "summary", "doc_url", "execution", "notify_url",
    "return_url", "response_node", "completeness", "sources",
    "request", "request_sdk_only", "one_of", "rule", "response", "error", "notify",
}
TOP_REQUIRED = {
    "schema", "method", "name_zh", "summary", "execution", "notify_url", "return_url",
    "response_node", "completeness", "sources",
}
COMMON_KEYS = {"schema", "public_request", "public_response", "result_code"}

FIELD_KEYS = {
    "name", "type", "required", "one_of", "max_len", "len_unit", "pattern", "range",
    "default", "values", "format", "doc", "note", "example", "source", "inferred",
}
TYPES = {"string", "amount", "pay_timeout", "user_id", "json", "enum", "datetime"}
REQUIRED = {"yes", "no", "one_of", "conditional"}
LEN_UNITS = {"char", "gbk_byte"}
FORMATS = {"yyyy-MM-dd HH:mm:ss", "#.00"}
EXECUTIONS = {"execute", "sdk_execute", "page_execute"}

ONE_OF_KEYS = {"id", "fields", "min", "precedence", "enforce", "condition", "doc", "source", "inferred"}
RULE_KEYS = {"id", "kind", "doc", "source"}
RULE_KINDS = {"conditional", "advisory"}
ERROR_KEYS = {"code", "msg", "solution", "handling", "note", "source"}
HANDLINGS = {
    "retry_same", "query_then_decide", "fix_request", "new_out_order_no",
    "new_out_request_no", "user_action", "merchant_contract",
}
NOTIFY_KEYS = {"documented", "note", "source", "types", "fields"}
NOTIFY_TYPE_KEYS = {"name", "doc", "default_on"}
RESULT_CODE_KEYS = {"code", "meaning", "handling", "source"}
RESULT_HANDLINGS = {
    "success", "retry_same_or_query", "fix_request", "fix_credentials", "per_sub_code",
    "merchant_contract",
}
AMOUNT_RANGE_KEYS = {"min", "max", "scale"}
TIMEOUT_RANGE_KEYS = {"min", "max"}
DECIMAL = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]+)?$")
TIMEOUT = re.compile(r"^[1-9][0-9]*[mhd]$")


def minutes(t):
    n, u = int(t[:-1]), t[-1]
    return n * {"m": 1, "h": 60, "d": 1440}[u]


class Checker:
    def __init__(self, path):
        self.path = path
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{self.path.name}: {where}: {msg}")

    def keys(self, where, table, allowed, required=()):
        if not isinstance(table, dict):
            self.err(where, "expected a table")
            return False
        for k in table:
            if k not in allowed:
                self.err(where, f"unknown key `{k}`")
        for k in required:
            if k not in table:
                self.err(where, f"missing key `{k}`")
        return True

    def string_list(self, where, v):
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            self.err(where, "expected an array of strings")
            return False
        return True

    def field(self, where, f, section):
        if not self.keys(where, f, FIELD_KEYS, ("name", "type", "required")):
            return
        where = f"{where} `{f.get('name')}`"
        t, req = f.get("type"), f.get("required")
        if t not in TYPES:
            self.err(where, f"bad type {t!r}")
        if req not in REQUIRED:
            self.err(where, f"bad required {req!r}")
        if (req == "one_of") != ("one_of" in f):
            self.err(where, "`one_of` must be present exactly when required = \"one_of\"")
        if req == "one_of" and section not in ("request",):
            self.err(where, "required = \"one_of\" only in [[request]]")
        if "max_len" in f:
            if not isinstance(f["max_len"], int) or isinstance(f["max_len"], bool) or f["max_len"] <= 0:
                self.err(where, "max_len must be a positive integer")
            if f.get("len_unit") not in LEN_UNITS:
                self.err(where, "max_len needs len_unit \"char\" or \"gbk_byte\"")
        elif "len_unit" in f:
            self.err(where, "len_unit without max_len")
        if "pattern" in f:
            p = f["pattern"]
            if "\\d" in p:
                self.err(where, "pattern uses \\d (Unicode in Rust); write [0-9]")
            try:
                re.compile(p)
            except re.error as e:
                self.err(where, f"pattern does not compile: {e}")
        if "values" in f:
            if t != "enum":
                self.err(where, "values only for type = \"enum\"")
            if not self.string_list(where, f["values"]) or len(set(f["values"])) != len(f["values"]):
                self.err(where, "values must be distinct strings")
        elif t == "enum":
            self.err(where, "enum without values")
        if "format" in f:
            if f["format"] not in FORMATS:
                self.err(where, f"bad format {f['format']!r}")
            if f["format"] == "#.00" and t != "amount":
                self.err(where, "format #.00 only for amounts")
            if f["format"] == "yyyy-MM-dd HH:mm:ss" and t != "datetime":
                self.err(where, "datetime format only for type = \"datetime\"")
        elif t == "datetime":
            self.err(where, "datetime without format")
        if "range" in f:
            r = f["range"]
            if t == "amount":
                if self.keys(where + " range", r, AMOUNT_RANGE_KEYS, AMOUNT_RANGE_KEYS):
                    if not all(isinstance(r.get(k), str) and DECIMAL.match(r[k]) for k in ("min", "max")):
                        self.err(where, "amount range min/max must be decimal strings")
                    elif float(r["min"]) > float(r["max"]):
                        self.err(where, "range min > max")
                    if not isinstance(r.get("scale"), int):
                        self.err(where, "amount range scale must be an integer")
            elif t == "pay_timeout":
                if self.keys(where + " range", r, TIMEOUT_RANGE_KEYS, TIMEOUT_RANGE_KEYS):
                    if not all(isinstance(r.get(k), str) and TIMEOUT.match(r[k]) for k in ("min", "max")):
                        self.err(where, "pay_timeout range min/max must look like 1m / 7d")
                    elif minutes(r["min"]) > minutes(r["max"]):
                        self.err(where, "range min > max")
            else:
                self.err(where, "range only for amount / pay_timeout")
        if t == "amount" and section in ("request", "request_sdk_only", "public_request"):
            if "range" in f and "max_len" in f:
                self.err(where, "fund amounts carry a range and no max_len (apis.md 6.2)")
            if "range" not in f and f.get("format") != "#.00":
                self.err(where, "request amount without range (only voucher.send's #.00 amount has none)")
        if t == "amount" and section in ("response", "notify.fields") and "range" in f:
            self.err(where, "response/notify amounts carry no range")
        if t == "pay_timeout" and section == "request":
            for k in ("range", "max_len", "default"):
                if k not in f:
                    self.err(where, f"pay_timeout without {k}")
        if "default" in f and not isinstance(f["default"], str):
            self.err(where, "default must be a string")
        if "example" in f and not isinstance(f["example"], str):
            self.err(where, "example must be a string")
        for k in ("doc", "note", "source"):
            if k in f and not isinstance(f[k], str):
                self.err(where, f"{k} must be a string")
        if "inferred" in f:
            if self.string_list(where, f["inferred"]):
                for a in f["inferred"]:
                    if a not in FIELD_KEYS:
                        self.err(where, f"inferred names unknown attribute {a!r}")

    def fields(self, data, section, key=None):
        out = []
        tables = data.get(key or section, [])
        if not isinstance(tables, list):
            self.err(section, "expected an array of tables")
            return out
        names = set()
        for i, f in enumerate(tables):
            self.field(f"[[{section}]] #{i + 1}", f, section)
            n = f.get("name") if isinstance(f, dict) else None
            if n in names:
                self.err(f"[[{section}]]", f"duplicate field `{n}`")
            names.add(n)
            out.append(f)
        return out

    def check_common(self, data):
        self.keys("top level", data, COMMON_KEYS, COMMON_KEYS)
        if data.get("schema") != SCHEMA:
            self.err("schema", f"must be {SCHEMA!r}")
        self.fields(data, "public_request")
        self.fields(data, "public_response")
        seen = set()
        for i, rc in enumerate(data.get("result_code", [])):
            w = f"[[result_code]] #{i + 1}"
            self.keys(w, rc, RESULT_CODE_KEYS, RESULT_CODE_KEYS)
            if rc.get("handling") not in RESULT_HANDLINGS:
                self.err(w, f"bad handling {rc.get('handling')!r}")
            if rc.get("code") in seen:
                self.err(w, "duplicate code")
            seen.add(rc.get("code"))

    def check_api(self, data):
        self.keys("top level", data, TOP_KEYS, TOP_REQUIRED)
        if data.get("schema") != SCHEMA:
            self.err("schema", f"must be {SCHEMA!r}")
        method = data.get("method")
        if method != self.path.name[: -len(".toml")]:
            self.err("method", f"{method!r} does not match the file name")
        if isinstance(method, str) and data.get("response_node") != method.replace(".", "_") + "_response":
            self.err("response_node", "must be the method with '.' -> '_' plus '_response'")
        if data.get("execution") not in EXECUTIONS:
            self.err("execution", f"bad value {data.get('execution')!r}")
        for k in ("notify_url", "return_url"):
            if not isinstance(data.get(k), bool):
                self.err(k, "must be a bool")
        if isinstance(data.get("summary"), str) and "\n" in data["summary"]:
            self.err("summary", "must be one line")
        self.string_list("sources", data.get("sources", []))

        request = self.fields(data, "request")
        self.fields(data, "request_sdk_only")
        self.fields(data, "response")
        req_names = {f.get("name") for f in request}
        sdk_names = {f.get("name") for f in data.get("request_sdk_only", [])}
        for n in req_names & sdk_names:
            self.err("request_sdk_only", f"`{n}` is also in [[request]]")

        groups = {}
        for i, g in enumerate(data.get("one_of", [])):
            w = f"[[one_of]] #{i + 1}"
            if not self.keys(w, g, ONE_OF_KEYS, ("id", "fields", "min", "precedence", "enforce", "doc", "source")):
                continue
            gid = g.get("id")
            w = f"[[one_of]] `{gid}`"
            if gid in groups:
                self.err(w, "duplicate id")
            groups[gid] = g
            fl = g.get("fields", [])
            if not self.string_list(w, fl) or len(fl) < 2 or len(set(fl)) != len(fl):
                self.err(w, "fields must be >= 2 distinct names")
            if not isinstance(g.get("enforce"), bool):
                self.err(w, "enforce must be a bool")
            mn = g.get("min")
            if not isinstance(mn, int) or isinstance(mn, bool) or not 1 <= mn <= len(fl):
                self.err(w, "min must be an integer in 1..=len(fields)")
            if sorted(g.get("precedence", [])) != sorted(fl):
                self.err(w, "precedence must be a permutation of fields")
            for n in fl:
                if n not in req_names:
                    self.err(w, f"field `{n}` is not in [[request]]")
                    continue
                f = next(x for x in request if x.get("name") == n)
                if g.get("enforce") is True:
                    if f.get("required") != "one_of" or f.get("one_of") != gid:
                        self.err(w, f"member `{n}` must have required = \"one_of\", one_of = \"{gid}\"")
                elif f.get("required") != "conditional":
                    self.err(w, f"member `{n}` of an enforce = false group must be required = \"conditional\"")
            if "inferred" in g and self.string_list(w, g["inferred"]):
                for a in g["inferred"]:
                    if a not in ONE_OF_KEYS:
                        self.err(w, f"inferred names unknown attribute {a!r}")
        for f in request:
            gid = f.get("one_of")
            if gid is not None:
                g = groups.get(gid)
                if g is None:
                    self.err(f"[[request]] `{f.get('name')}`", f"one_of group `{gid}` does not exist")
                elif f.get("name") not in g.get("fields", []) or g.get("enforce") is not True:
                    self.err(f"[[request]] `{f.get('name')}`", f"not listed in enforced group `{gid}`")

        ids = set()
        for i, r in enumerate(data.get("rule", [])):
            w = f"[[rule]] #{i + 1}"
            self.keys(w, r, RULE_KEYS, RULE_KEYS)
            if r.get("kind") not in RULE_KINDS:
                self.err(w, f"bad kind {r.get('kind')!r}")
            if r.get("id") in ids or r.get("id") in groups:
                self.err(w, f"duplicate id {r.get('id')!r}")
            ids.add(r.get("id"))

        codes = set()
        for i, e in enumerate(data.get("error", [])):
            w = f"[[error]] #{i + 1}"
            self.keys(w, e, ERROR_KEYS, ("code", "msg", "solution", "handling", "source"))
            if e.get("handling") not in HANDLINGS:
                self.err(w, f"bad handling {e.get('handling')!r}")
            if e.get("code") in codes:
                self.err(w, f"duplicate code {e.get('code')!r}")
            codes.add(e.get("code"))

        n = data.get("notify")
        if n is None:
            self.err("notify", "missing [notify] (write documented = false with a note)")
        elif self.keys("[notify]", n, NOTIFY_KEYS, ("documented", "note", "source")):
            if not isinstance(n.get("documented"), bool):
                self.err("[notify]", "documented must be a bool")
            for i, t in enumerate(n.get("types", [])):
                w = f"[[notify.types]] #{i + 1}"
                self.keys(w, t, NOTIFY_TYPE_KEYS, NOTIFY_TYPE_KEYS)
                if not isinstance(t.get("default_on"), bool):
                    self.err(w, "default_on must be a bool")
            self.fields(n, "notify.fields", "fields")
            if not n.get("documented") and n.get("types"):
                self.err("[notify]", "types given but documented = false")
        if data.get("notify_url") is False and n and n.get("types"):
            self.err("[notify]", "notify types but notify_url = false")


def main(argv):
    here = pathlib.Path(__file__).resolve().parent.parent
    paths = [pathlib.Path(a) for a in argv] or sorted(here.glob("*.toml"))
    errors = []
    for p in paths:
        c = Checker(p)
        try:
            with open(p, "rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as e:
            errors.append(f"{p.name}: {e}")
            continue
        if p.name == "_common.toml":
            c.check_common(data)
        else:
            c.check_api(data)
        errors += c.errors
    for e in errors:
        print(e)
    print(f"{len(paths)} file(s), {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
