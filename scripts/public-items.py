#!/usr/bin/env python3
"""Count the public items of a crate from its rustdoc JSON.

Usage: scripts/public-items.py CRATE [--features F] (run from the workspace root; needs the
toolchain's rustdoc JSON output, enabled here with RUSTC_BOOTSTRAP=1)

An item counts when a user can name it: every module, struct, enum, variant, trait, function,
constant, static, type alias and macro the crate's rustdoc shows, plus every method, associated
constant and associated type of an inherent impl or trait declared by the crate. Struct fields
are counted too (public fields are API). Trait impls of foreign traits are not counted.
"""
import json, os, subprocess, sys, collections

crate = sys.argv[1]
extra = sys.argv[2:]
target = os.environ.get("CARGO_TARGET_DIR", "target")
env = dict(os.environ, RUSTC_BOOTSTRAP="1")
subprocess.run(["cargo", "rustdoc", "-q", "-p", crate, *extra, "--lib", "--",
                "-Z", "unstable-options", "--output-format", "json"], check=True, env=env)
doc = json.load(open(os.path.join(target, "doc", crate.replace("-", "_") + ".json")))
index = doc["index"]
root = doc["root"]
counts = collections.Counter()
seen = set()

def visit(item_id, member=False):
    if item_id in seen or str(item_id) not in index:
        return
    seen.add(item_id)
    item = index[str(item_id)]
    if item.get("crate_id") != 0:
        return
    inner = item["inner"]
    kind = next(iter(inner))
    body = inner[kind]
    if kind == "module":
        counts["module"] += 1
        for c in body["items"]:
            visit(c)
    elif kind == "use":
        if body.get("id") is not None:
            visit(body["id"])
    elif kind in ("struct", "enum", "union", "trait"):
        counts[kind] += 1
        if kind == "struct":
            k = body["kind"]
            fields = k.get("plain", {}).get("fields", []) if isinstance(k, dict) else []
            if isinstance(k, dict) and "tuple" in k:
                fields = [f for f in k["tuple"] if f is not None]
            for f in fields:
                visit(f)
        if kind == "enum":
            for v in body["variants"]:
                visit(v)
        if kind == "trait":
            for c in body["items"]:
                visit(c, member=True)
        for imp in body.get("impls", []):
            ii = index.get(str(imp))
            if not ii:
                continue
            ib = ii["inner"]["impl"]
            if ib.get("is_synthetic") or ib.get("blanket_impl") is not None:
                continue
            if ib.get("trait") is None:
                for c in ib["items"]:
                    visit(c, member=True)
    elif kind in ("function", "constant", "static", "type_alias", "macro", "variant",
                  "struct_field", "assoc_const", "assoc_type", "proc_macro"):
        counts["method" if (kind == "function" and member) else kind] += 1

visit(root)
total = sum(counts.values())
named = total - counts["variant"] - counts["struct_field"]
paths = named - counts["method"] - counts["assoc_const"] - counts["assoc_type"]
print(f"{crate}: {total} public items in all; {named} without enum variants and struct fields; "
      f"{paths} named by a path (types, traits, free functions, constants, macros, modules)")
print("  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))

if os.environ.get("PUBLIC_ITEMS_LIST"):
    for item_id in sorted(seen, key=str):
        it = index.get(str(item_id))
        if it and it.get("crate_id") == 0 and it.get("name"):
            kind = next(iter(it["inner"]))
            loc = it.get("span") or {}
            print(f"  {kind:12} {it['name']:40} {loc.get('filename','')}:{(loc.get('begin') or [0])[0]}")
