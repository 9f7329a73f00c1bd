#!/usr/bin/env python3
"""Independent computation of Alipay certificate SNs (the Java SDK's AntCertificationUtil rules).

`cryptography` parses the certificates; the issuer string is built here from the issuer's DER,
following JDK's X500Principal.getName() (RFC 2253 form), because `Name.rfc4514_string()` differs
from Java (it names emailAddress etc., does not hex-encode dotted-OID values, escapes '=' and '#'
differently, and orders multi-valued RDNs its own way).

Usage: expected_sn.py one FILE | expected_sn.py root FILE
"""
import hashlib
import sys

from cryptography import x509

RSA_FAMILY = "1.2.840.113549.1.1"  # the Java SDK: getSigAlgOID().startsWith(...)
KEYWORDS = {  # AVAKeyword entries that are RFC 2253 compliant
    "2.5.4.3": "CN", "2.5.4.6": "C", "2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.10": "O",
    "2.5.4.11": "OU", "2.5.4.9": "STREET", "0.9.2342.19200300.100.1.25": "DC",
    "0.9.2342.19200300.100.1.1": "UID",
}
STRING_TAGS = {0x13, 0x14, 0x16, 0x1B, 0x1E, 0x0C}  # Printable, T61, IA5, General, BMP, UTF8


def tlv(buf, pos):
    """Returns (tag, content_start, end) of the DER TLV at pos."""
    tag = buf[pos]
    n = buf[pos + 1]
    pos += 2
    if n & 0x80:
        k = n & 0x7F
        n = int.from_bytes(buf[pos:pos + k], "big")
        pos += k
    return tag, pos, pos + n


def children(buf, start, end):
    out = []
    while start < end:
        t, s, e = tlv(buf, start)
        out.append((t, start, s, e))
        start = e
    return out


def oid_str(b):
    arcs, v = [], 0
    for x in b:
        v = (v << 7) | (x & 0x7F)
        if not x & 0x80:
            arcs.append(v)
            v = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first] + arcs[1:])


def java_value(tag, raw, content):
    s = content.decode("utf-8", errors="replace")
    out = []
    for c in s:
        if c in ',=+<>#;"\\':
            out.append("\\" + c)
        elif c == "\0":
            out.append("\\00")
        else:
            out.append(c)
    chars = "".join(out)
    lead = 0
    while lead < len(chars) and chars[lead] in " \r":
        lead += 1
    trail = len(chars) - 1
    while trail >= 0 and chars[trail] in " \r":
        trail -= 1
    return "".join(("\\" + c) if (i < lead or i > trail) else c for i, c in enumerate(chars))


def java_rfc2253(name_der):
    _, s, e = tlv(name_der, 0)
    rdns = []
    for _, _, rs, re_ in children(name_der, s, e):
        avas = []
        for _, _, as_, ae in children(name_der, rs, re_):
            (ot, _, os_, oe), (vt, vstart, vs, ve) = children(name_der, as_, ae)
            oid = oid_str(name_der[os_:oe])
            key = KEYWORDS.get(oid, oid)
            if key[0].isdigit() or vt not in STRING_TAGS:
                avas.append(key + "=#" + name_der[vstart:ve].hex())
            else:
                avas.append(key + "=" + java_value(vt, name_der[vstart:ve], name_der[vs:ve]))
        rdns.append("+".join(avas))  # encoding order inside an RDN
    return ",".join(reversed(rdns))  # last RDN first


def sn(cert):
    issuer = java_rfc2253(cert.issuer.public_bytes())
    text = issuer + str(cert.serial_number)
    print(f"  {issuer!r} + {cert.serial_number}", file=sys.stderr)
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def main():
    mode, path = sys.argv[1], sys.argv[2]
    data = open(path, "rb").read()
    certs = x509.load_pem_x509_certificates(data)
    if mode == "root":
        print("_".join(sn(c) for c in certs if c.signature_algorithm_oid.dotted_string.startswith(RSA_FAMILY)))
    else:
        assert len(certs) == 1
        print(sn(certs[0]))


main()
