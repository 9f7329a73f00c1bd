//! Byte loops over UTF-8 text for the `const fn` parsers (const fn cannot use iterators).

/// The byte at `i`, or 0 past the end (never panics).
pub(super) const fn byte_at(b: &[u8], i: usize) -> u32 {
    if i < b.len() { b[i] as u32 } else { 0 }
}

/// The code point whose UTF-8 sequence starts at `i` (`b` comes from a `&str`).
pub(super) const fn code_point_at(b: &[u8], i: usize) -> u32 {
    let c0 = byte_at(b, i);
    if c0 < 0x80 {
        c0
    } else if c0 < 0xE0 {
        ((c0 & 0x1F) << 6) | (byte_at(b, i + 1) & 0x3F)
    } else if c0 < 0xF0 {
        ((c0 & 0x0F) << 12) | ((byte_at(b, i + 1) & 0x3F) << 6) | (byte_at(b, i + 2) & 0x3F)
    } else {
        ((c0 & 0x07) << 18)
            | ((byte_at(b, i + 1) & 0x3F) << 12)
            | ((byte_at(b, i + 2) & 0x3F) << 6)
            | (byte_at(b, i + 3) & 0x3F)
    }
}

/// Unicode `White_Space` (what `char::is_whitespace` accepts).
pub(super) const fn is_whitespace(cp: u32) -> bool {
    matches!(
        cp,
        0x09..=0x0D
            | 0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

pub(super) const fn is_ascii_digit(b: u32) -> bool {
    b >= b'0' as u32 && b <= b'9' as u32
}
