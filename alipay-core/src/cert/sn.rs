//! The SN, as Java computes it: the issuer as `X500Principal.getName()` (RFC 2253) writes it,
//! the serial as `BigInteger` prints it, and the MD5 of both.

use md5::{Digest, Md5};
use x509_parser::asn1_rs::Class;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};
use zeroize::Zeroizing;

use super::der::{decimal, encode_der, oid_dotted};
use super::load::{cert_info, parse_certificate};
use crate::error::{KeyError, KeyRole};
use crate::keys::Block;

/// `hex(md5(utf8(issuer + serial)))`.
pub(super) fn sn_of(issuer: &str, serial: &str) -> String {
    let mut md5 = Md5::new();
    md5.update(issuer.as_bytes());
    md5.update(serial.as_bytes());
    md5.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The certificate SN of one DER certificate, for callers holding raw DER (e.g. a certificate
/// downloaded with `alipay.open.app.alipaycert.download`).
#[allow(dead_code)]
pub(crate) fn cert_sn(role: KeyRole, der: &[u8]) -> Result<String, KeyError> {
    let block = Block {
        label: None,
        der: Zeroizing::new(der.to_vec()),
    };
    let cert = parse_certificate(role, &block, "")?;
    Ok(cert_info(role, &cert, der, "")?.sn)
}

/// The name as JDK's `X500Principal.getName()` (RFC 2253) writes it.
pub(super) fn java_rfc2253_name(name: &X509Name<'_>) -> String {
    let rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(java_rfc2253_ava)
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

/// JDK `AVA.toRFC2253String`.
pub(super) fn java_rfc2253_ava(ava: &AttributeTypeAndValue<'_>) -> String {
    let oid = oid_dotted(ava.attr_type().as_bytes());
    let keyword = match oid.as_str() {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.9" => "STREET",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        _ => oid.as_str(),
    };
    let value = ava.attr_value();
    // Java's `DerValue.tag` is the whole identifier octet: universal, primitive string types.
    let is_string = value.class() == Class::Universal
        && !value.header.is_constructed()
        && matches!(value.tag().0, 0x0c | 0x13 | 0x14 | 0x16 | 0x1b | 0x1e);
    if keyword.starts_with(|c: char| c.is_ascii_digit()) || !is_string {
        let der = encode_der(
            value.class() as u8,
            value.header.is_constructed(),
            value.tag().0,
            value.data,
        );
        let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
        format!("{keyword}=#{hex}")
    } else {
        format!("{keyword}={}", java_rfc2253_value(value.data))
    }
}

/// The string branch of JDK `AVA.toRFC2253String`: bytes read as UTF-8 whatever the string type
/// (JDK 8 to 21; JDK 25 decodes BMPString and T61String by type, which Alipay's CAs never use).
pub(super) fn java_rfc2253_value(data: &[u8]) -> String {
    let mut chars = Vec::with_capacity(data.len());
    for c in String::from_utf8_lossy(data).chars() {
        match c {
            ',' | '=' | '+' | '<' | '>' | '#' | ';' | '"' | '\\' => chars.extend(['\\', c]),
            '\0' => chars.extend(['\\', '0', '0']),
            c => chars.push(c),
        }
    }
    let blank = |c: &&char| **c == ' ' || **c == '\r';
    let lead = chars.iter().take_while(blank).count();
    let trail_start = chars.len() - chars.iter().rev().take_while(blank).count();
    let mut out = String::with_capacity(chars.len() + 4);
    for (i, c) in chars.into_iter().enumerate() {
        if i < lead || i >= trail_start {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Java `new BigInteger(bytes).toString()`: two's complement, big-endian. `None` when empty.
pub(super) fn java_big_integer(bytes: &[u8]) -> Option<String> {
    let first = *bytes.first()?;
    if first & 0x80 == 0 {
        return Some(decimal(bytes.iter().map(|b| u32::from(*b)), 256));
    }
    // Negative: magnitude = two's complement (invert, add one).
    let mut magnitude: Vec<u8> = bytes.iter().map(|b| !b).collect();
    for b in magnitude.iter_mut().rev() {
        let (v, overflow) = b.overflowing_add(1);
        *b = v;
        if !overflow {
            break;
        }
    }
    Some(format!(
        "-{}",
        decimal(magnitude.iter().map(|b| u32::from(*b)), 256)
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
