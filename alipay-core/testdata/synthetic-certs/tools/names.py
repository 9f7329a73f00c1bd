def l(n):
    if n < 128: return bytes([n])
    b = n.to_bytes((n.bit_length()+7)//8, 'big'); return bytes([0x80|len(b)]) + b
def t(tag, c): return bytes([tag]) + l(len(c)) + c
def oid(s):
    a = [int(x) for x in s.split('.')]; out = b''
    for v in [a[0]*40 + a[1]] + a[2:]:
        g = [v & 0x7f]; v >>= 7
        while v: g.append(0x80 | (v & 0x7f)); v >>= 7
        out += bytes(reversed(g))
    return t(0x06, out)
def ava(o, tag, val): return t(0x30, oid(o) + t(tag, val))
def rdn(*avas): return t(0x31, b''.join(avas))
def name(*rdns): return t(0x30, b''.join(rdns))
CN, O, OU, L, C, ST, DC, STREET = "2.5.4.3", "2.5.4.10", "2.5.4.11", "2.5.4.7", "2.5.4.6", "2.5.4.8", "0.9.2342.19200300.100.1.25", "2.5.4.9"
cases = [
  name(rdn(ava(C, 0x13, b"CN")), rdn(ava(CN, 0x12, b"123"))),
  name(rdn(ava(O, 0x1e, "AB".encode('utf-16-be')))),
  name(rdn(ava(OU, 0x0c, b"  "))),
  name(rdn(ava(CN, 0x0c, b"a\r")), rdn(ava(CN, 0x0c, b"x\x00y"))),
  name(rdn(ava(L, 0x14, b"caf\xe9"))),
  name(rdn(ava(C, 0x1a, b"CN"))),
  name(rdn(ava("2.999.1", 0x0c, b"v")), rdn(ava("1.2.3.18446744073709551616", 0x0c, b"w"))),
  name(rdn(ava(CN, 0x0c, b"b"), ava(C, 0x13, b"a"))),
  name(rdn(ava(CN, 0x1c, "A".encode('utf-32-be')))),
  name(rdn(ava(CN, 0x0c, b"\xff\xfeok\xe2\x82"))),
  name(rdn(ava(DC, 0x16, b"#x")), rdn(ava(STREET, 0x0c, b" 1 Main St  "))),
  name(rdn(ava(CN, 0x0c, b"\r a=b, c+d \r"))),
  name(),
  name(rdn(ava(ST, 0xa0, t(0x0c, b"x")))),
  name(rdn(ava(CN, 0x0c, "支付宝(中国)网络技术有限公司".encode()))),
  name(rdn(ava(CN, 0x0c, b"tab\there\nnl"))),
]
print(" ".join(c.hex() for c in cases))
