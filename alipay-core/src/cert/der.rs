//! Just enough DER: element headers, a certificate's outer structure, OIDs, and re-encoding
//! one value.

/// Total length the outer DER header announces, if readable.
pub(super) fn der_declared_len(der: &[u8]) -> Option<usize> {
    let (_, header_len, content_len) = der_header(der)?;
    Some(header_len + content_len)
}

/// `(tag, header length, content length)` of the DER element at the start of `der`; definite
/// lengths only, single-byte tags only (enough for a certificate's outer structure).
pub(super) fn der_header(der: &[u8]) -> Option<(u8, usize, usize)> {
    let tag = *der.first()?;
    let first = *der.get(1)? as usize;
    if first < 0x80 {
        return Some((tag, 2, first));
    }
    let n = first & 0x7f;
    if n == 0 || n > 4 {
        return None;
    }
    let bytes = der.get(2..2 + n)?;
    let len = bytes.iter().fold(0usize, |acc, &b| (acc << 8) | b as usize);
    Some((tag, 2 + n, len))
}

/// Splits off one complete DER element: `(tag, content, rest)`.
pub(super) fn der_element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (tag, header, len) = der_header(der)?;
    let end = header.checked_add(len)?;
    let content = der.get(header..end)?;
    Some((tag, content, der.get(end..)?))
}

/// The DER content of the certificate's outer `signatureAlgorithm` OID, read from the
/// Certificate SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue } without parsing
/// the to-be-signed part.
pub(super) fn signature_algorithm(der: &[u8]) -> Result<&[u8], String> {
    const SEQUENCE: u8 = 0x30;
    let (tag, body, rest) = der_element(der)
        .ok_or_else(|| "the outer DER element is unreadable or truncated".to_string())?;
    if tag != SEQUENCE {
        return Err("it does not start with a SEQUENCE".to_string());
    }
    if !rest.is_empty() {
        return Err(format!(
            "{} unexpected bytes after the certificate (several DER certificates in one file? use PEM)",
            rest.len()
        ));
    }
    let (tag, _tbs, body) =
        der_element(body).ok_or_else(|| "unreadable tbsCertificate".to_string())?;
    if tag != SEQUENCE {
        return Err("no tbsCertificate SEQUENCE".to_string());
    }
    let (tag, algorithm, body) =
        der_element(body).ok_or_else(|| "unreadable signatureAlgorithm".to_string())?;
    if tag != SEQUENCE {
        return Err("no signatureAlgorithm SEQUENCE".to_string());
    }
    let (tag, signature, body) =
        der_element(body).ok_or_else(|| "unreadable signatureValue".to_string())?;
    if tag != 0x03 || signature.is_empty() || !body.is_empty() {
        return Err("no signatureValue BIT STRING at the end".to_string());
    }
    match der_element(algorithm) {
        Some((0x06, oid, _)) if !oid.is_empty() => Ok(oid),
        _ => Err("the signatureAlgorithm has no OID".to_string()),
    }
}

/// DER identifier and minimal length octets followed by `content`.
pub(super) fn encode_der(class: u8, constructed: bool, tag: u32, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 8);
    let first = (class << 6) | if constructed { 0x20 } else { 0 };
    if tag < 31 {
        out.push(first | tag as u8);
    } else {
        out.push(first | 0x1f);
        let mut groups = vec![(tag & 0x7f) as u8];
        let mut rest = tag >> 7;
        while rest > 0 {
            groups.push(0x80 | (rest & 0x7f) as u8);
            rest >>= 7;
        }
        out.extend(groups.iter().rev());
    }
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// The dotted form of a DER OID's content, arcs of any size (as Java's `ObjectIdentifier`).
pub(super) fn oid_dotted(content: &[u8]) -> String {
    let mut arcs: Vec<Vec<u32>> = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    for &b in content {
        current.push(u32::from(b & 0x7f));
        if b & 0x80 == 0 {
            arcs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        arcs.push(current); // truncated last arc: shown as read
    }
    let mut out = Vec::with_capacity(arcs.len() + 1);
    for (i, groups) in arcs.iter().enumerate() {
        if i == 0 {
            // The first subidentifier packs two arcs: 40 * first + second.
            let value = groups.iter().try_fold(0u128, |acc, g| {
                acc.checked_mul(128)?.checked_add(u128::from(*g))
            });
            match value {
                Some(v) if v < 80 => {
                    out.push((v / 40).to_string());
                    out.push((v % 40).to_string());
                }
                Some(v) => {
                    out.push("2".into());
                    out.push((v - 80).to_string());
                }
                None => {
                    out.push("2".into());
                    out.push(format!("?{}", decimal(groups.iter().copied(), 128)));
                }
            }
        } else {
            out.push(decimal(groups.iter().copied(), 128));
        }
    }
    out.join(".")
}

/// Decimal digits of the unsigned number whose big-endian digits in base `radix` are given.
pub(super) fn decimal(digits: impl IntoIterator<Item = u32>, radix: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = Vec::new(); // little-endian, base 10^9
    for d in digits {
        let mut carry = u64::from(d);
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    let mut out = match limbs.last() {
        Some(top) => top.to_string(),
        None => return "0".into(),
    };
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
}
