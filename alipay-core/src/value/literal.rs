//! Compile-time literals: how a bad [`amount!`](crate::amount) or
//! [`pay_timeout!`](crate::pay_timeout) literal becomes a compile error naming the rule.

const LITERAL_MESSAGE_CAP: usize = 192;
const LITERAL_TEXT_CAP: usize = 64;

/// `{kind} "{text}": {rule}` in a fixed buffer (the text shortened to 64 bytes, at a character
/// boundary, with `...`). Returns the buffer and the length used.
const fn literal_message(kind: &str, text: &str, rule: &str) -> ([u8; LITERAL_MESSAGE_CAP], usize) {
    let mut buf = [0u8; LITERAL_MESSAGE_CAP];
    let mut n = 0;
    n = push_bytes(&mut buf, n, kind.as_bytes(), usize::MAX);
    n = push_bytes(&mut buf, n, b" \"", usize::MAX);
    let t = text.as_bytes();
    let mut cut = t.len();
    if cut > LITERAL_TEXT_CAP {
        cut = LITERAL_TEXT_CAP;
        // Back to the start of a character (continuation bytes are 0b10xxxxxx).
        while cut > 0 && (t[cut] & 0xC0) == 0x80 {
            cut -= 1;
        }
    }
    n = push_bytes(&mut buf, n, t, cut);
    if cut < t.len() {
        n = push_bytes(&mut buf, n, b"...", usize::MAX);
    }
    n = push_bytes(&mut buf, n, b"\": ", usize::MAX);
    n = push_bytes(&mut buf, n, rule.as_bytes(), usize::MAX);
    (buf, n)
}

/// Appends up to `limit` bytes of `src` at `at`, as far as the buffer allows.
const fn push_bytes(
    buf: &mut [u8; LITERAL_MESSAGE_CAP],
    mut at: usize,
    src: &[u8],
    limit: usize,
) -> usize {
    let mut i = 0;
    while i < src.len() && i < limit && at < LITERAL_MESSAGE_CAP {
        buf[at] = src[i];
        at += 1;
        i += 1;
    }
    at
}

/// Panics with `{kind} "{text}": {rule}`. Only ever evaluated at compile time, by
/// [`amount!`](crate::amount) and [`pay_timeout!`](crate::pay_timeout).
// The intended exception to the no-panic rule: a const-eval panic is how a bad literal
// becomes a compile error.
#[allow(clippy::panic)]
pub(super) const fn literal_panic(kind: &str, text: &str, rule: &'static str) -> ! {
    let (buf, len) = literal_message(kind, text, rule);
    // The rules are ASCII; a message cut inside the 192-byte buffer can only lose its
    // rule's tail, never split a character of the (already shortened) text.
    match buf.split_at_checked(len) {
        Some((msg, _)) => match std::str::from_utf8(msg) {
            Ok(msg) => panic!("{}", msg),
            Err(_) => panic!("{}", rule),
        },
        None => panic!("{}", rule),
    }
}

#[cfg(test)]
mod tests;
