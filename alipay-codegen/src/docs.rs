//! Rustdoc for generated items, taken from the spec.
//!
//! What a reader of the generated docs sees is the API's own documentation: its doc text,
//! its rules and an example, with a link to the official page. Our provenance stays in the
//! spec file: `sources`, `source = "..."` and `inferred` are never emitted, and the remarks
//! (`note`, rule texts) are written through [`public_text`], which turns the internal source
//! ids they cite (`S0`, `JAVA`, `ALY-711128`, defined in `docs/sources.md`) into words.

use alipay_spec::{ApiSpec, Field, FieldType, MaxLen, Range, Required, RuleKind, Scalar};
use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` lines, each with the leading space `///` comments have.
pub(crate) fn doc_attr(text: &str) -> TokenStream {
    let lines = text.lines().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote!(#( #[doc = #lines] )*)
}

/// The rustdoc of an API's request type: what the API does, where its official page is, the
/// rules across fields (each field's own rules are on the field), an example `biz_content`,
/// and how to build it.
pub(crate) fn request_doc(spec: &ApiSpec, request_ty: &str) -> String {
    let mut text = format!("`{}` ({}): {}\n\n", spec.method, spec.name_zh, spec.summary);
    let mode = match spec.execution {
        alipay_spec::Execution::Execute => "`execute` (an HTTPS call to the gateway)",
        alipay_spec::Execution::SdkExecute => {
            "`sdk_execute` (a signed order string for the Alipay app)"
        }
        alipay_spec::Execution::PageExecute => {
            "`page_execute` (a signed form or URL for the browser)"
        }
    };
    if let Some(url) = &spec.doc_url {
        text.push_str(&format!("Official doc: <{url}>. "));
    }
    text.push_str(&format!(
        "Called with {mode}. Build it with [`{request_ty}::builder`]; required fields and one-of groups are checked when compiling.\n\n"
    ));

    let mut rules = Vec::new();
    for g in &spec.one_of {
        let members = g
            .fields
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>();
        let mut r = format!("- one of {}: at least {}", members.join(", "), g.min);
        if g.precedence.len() > 1 {
            r.push_str(&format!(
                "; when several are set, the first of {} wins",
                g.precedence.join(" > ")
            ));
        }
        if let Some(c) = &g.condition {
            r.push_str(&format!("; applies {}", public_text(c)));
        }
        if !g.enforce {
            r.push_str(" (checked by Alipay only)");
        }
        r.push('.');
        rules.push(r);
    }
    for f in spec
        .request
        .iter()
        .filter(|f| f.required == Required::Conditional)
    {
        rules.push(match &f.required_if {
            Some(c) => format!(
                "- `{}` is required when `{}` is {}.",
                f.name,
                c.field,
                c.equals.join(" or ")
            ),
            None => format!(
                "- `{}` is required only in some cases (see the field).",
                f.name
            ),
        });
    }
    for r in &spec.rules {
        let kind = match r.kind {
            RuleKind::Conditional => "checked by Alipay",
            RuleKind::Advisory => "advice",
        };
        rules.push(format!("- `{}` ({kind}): {}", r.id, public_text(&r.doc)));
    }
    if !rules.is_empty() {
        // A list (and below, a fenced block) may follow its lead-in line without a blank one.
        text.push_str("Rules across fields (each field's own rules are on the field):\n");
        text.push_str(&rules.join("\n"));
        text.push_str("\n\n");
    }
    if let Some(example) = example_json(spec) {
        text.push_str(&format!(
            "Example `biz_content`:\n```json\n{example}\n```\n\n"
        ));
    }
    text.truncate(text.trim_end().len());
    text
}

/// A `biz_content` from the fields' examples: every field with an example except members of a
/// one-of group beyond the ones it needs (the first in precedence order) and fields required
/// only under a condition. `None` when no field has an example.
fn example_json(spec: &ApiSpec) -> Option<String> {
    let needed: Vec<&str> = spec
        .one_of
        .iter()
        .flat_map(|g| g.precedence.iter().take(g.min as usize).map(String::as_str))
        .collect();
    let members = spec.request.iter().filter_map(|f| {
        let example = f.example.as_deref()?;
        match &f.required {
            Required::OneOf(_) if !needed.contains(&f.name.as_str()) => return None,
            Required::Conditional => return None,
            _ => {}
        }
        let value = match f.ty {
            FieldType::Scalar(Scalar::Integer | Scalar::Number | Scalar::Boolean) => {
                example.to_owned()
            }
            FieldType::Scalar(_) => json_string(example),
            _ => return None,
        };
        Some(format!("{}:{value}", json_string(&f.name)))
    });
    let members: Vec<String> = members.collect();
    (!members.is_empty()).then(|| format!("{{{}}}", members.join(",")))
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A length as a reader counts it.
fn max_len(ml: &MaxLen) -> String {
    match ml.unit {
        alipay_spec::LenUnit::Char => format!("at most {} characters", ml.value),
        alipay_spec::LenUnit::GbkByte => {
            format!("at most {} GBK bytes (ASCII 1, 汉字 2)", ml.value)
        }
    }
}

/// A range with its unit.
fn range(r: &Range) -> String {
    match r {
        Range::Amount { .. } => format!("range {r} yuan"),
        _ => format!("range {r}"),
    }
}

/// Rustdoc of a field: the spec's doc text, then (on the next line) its rules, then the note.
pub(crate) fn field_doc(f: &Field) -> TokenStream {
    // The doc's line breaks join into one paragraph in rustdoc anyway; a trailing backslash
    // is a Markdown line break, so the rules start on their own line.
    let mut text = format!("`{}`", f.name);
    if let Some(d) = &f.doc {
        text.push_str(&format!(": {}", d.replace('\n', " ")));
    }
    let mut rules = vec![format!("type `{}`", f.ty.as_str())];
    rules.push(match &f.required {
        Required::Yes => "required".to_owned(),
        Required::No => "optional".to_owned(),
        Required::OneOf(g) => format!("one-of group `{g}`"),
        Required::Conditional => match &f.required_if {
            Some(c) => format!("required when `{}` is {}", c.field, c.equals.join(" or ")),
            None => "required only in some cases".to_owned(),
        },
    });
    if let Some(ml) = &f.max_len {
        rules.push(max_len(ml));
    }
    if let Some(r) = &f.range {
        rules.push(range(r));
    }
    for r in &f.range_if {
        rules.push(format!(
            "{} when `{}` is {}",
            range(&r.range),
            r.when.field,
            r.when.equals.join(" or ")
        ));
    }
    if let Some(n) = f.max_items {
        rules.push(format!("at most {n} items"));
    }
    if let Some(p) = &f.pattern {
        rules.push(format!("pattern `{p}`"));
    }
    if let Some(d) = &f.default {
        rules.push(format!("server default `{d}` (never sent by the SDK)"));
    }
    if let Some(e) = &f.example {
        rules.push(format!("example `{e}`"));
    }
    if !f.inferred.is_empty() {
        rules.push(format!("not stated by the doc: {}", f.inferred.join(", ")));
    }
    text.push_str(&format!("\\\n{}.", rules.join("; ")));
    if let Some(n) = &f.note {
        text.push_str(&format!(" {}", public_text(n)));
    }
    doc_attr(&text)
}

/// Rustdoc of a received field (response, notification): its doc text and type in one
/// paragraph, then the note. Request-side rules do not apply to what is received.
pub(crate) fn received_doc(f: &Field) -> TokenStream {
    let mut text = format!("`{}` ({})", f.name, f.ty.as_str());
    if let Some(d) = &f.doc {
        text.push_str(&format!(": {}", d.replace('\n', " ")));
    }
    if let Some(n) = &f.note {
        text.push_str(&format!("\\\n{}", public_text(n)));
    }
    doc_attr(&text)
}

/// How an internal source id reads in public docs: the noun, and its article.
fn source_words(id: &str) -> Option<(&'static str, &'static str)> {
    Some(match id {
        "S0" => ("the", "disburse doc page"),
        "S1" => ("the", "voucher.create doc page"),
        "S2" => ("the", "voucher.send doc page"),
        "S3" => ("the", "red-packet quick-start guide"),
        "JAVA" => ("the", "Java SDK"),
        "PY" => ("the", "Python SDK"),
        "NPM" => ("the", "Node SDK"),
        "PUBERR" => ("the", "public error-code page"),
        _ if id.starts_with("DOC-") || id.starts_with("TOP-") => ("the", "official doc page"),
        _ if id.starts_with("ALY-") => ("a", "community post"),
        _ => return None,
    })
}

/// Splits `text` at the source id starting at byte `i`, if one does: its length in bytes
/// (with a section number such as `S3 4.3`, further article numbers such as
/// `ALY-711129/711055`, and a range such as `S0-S2`) and the id itself.
fn source_id_at(text: &str, i: usize) -> Option<(usize, &str)> {
    let rest = &text[i..];
    let word_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let word = &rest[..word_end];
    let id_len = if word.len() == 2 && word.starts_with('S') && word.as_bytes()[1].is_ascii_digit()
    {
        2
    } else if let Some(end) = ["ALY-", "TOP-", "DOC-"].iter().find_map(|p| {
        word.strip_prefix(p)
            .filter(|n| !n.is_empty())
            .map(|_| word.len())
    }) {
        end
    } else if matches!(word, "JAVA" | "PY" | "NPM" | "PUBERR") {
        word.len()
    } else if word.len() == 5
        && word.starts_with('S')
        && word.as_bytes()[1].is_ascii_digit()
        && &word[2..4] == "-S"
        && word.as_bytes()[4].is_ascii_digit()
    {
        // `S0-S2`: a range of doc pages.
        return Some((5, "S0-S2"));
    } else {
        return None;
    };
    let id = &rest[..id_len];
    let mut len = id_len;
    // `S3 4.3`: a section of the guide.
    let after = &rest[len..];
    if id.starts_with('S') {
        let sec: String = after.chars().take(5).collect();
        let b = sec.as_bytes();
        if b.len() >= 4
            && b[0] == b' '
            && b[1].is_ascii_digit()
            && b[2] == b'.'
            && b[3].is_ascii_digit()
        {
            len += 4;
        }
    }
    // `ALY-711129/711055`: more articles.
    while rest[len..].starts_with('/') && rest[len + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        len += 1 + rest[len + 1..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len() - len - 1);
    }
    Some((len, id))
}

/// Our remarks with their internal source ids (see `docs/sources.md`) put into words:
/// a parenthesis that only cites (`(ALY-711128)`, `(JAVA/PY)`, `(S0, S1)`) is dropped, and an
/// id anywhere else becomes what it is (`S0's example` → `the disburse doc page's example`,
/// `JAVA types it Date` → `The Java SDK types it Date`).
pub(crate) fn public_text(text: &str) -> String {
    // 0. Phrases that read better turned around.
    let text = text
        .replace("An S3 key output", "A key output of S3")
        .replace("S3 key output", "A key output of S3")
        .replace("S3 结果码", "S3's result-code table, 结果码");
    // 1. Parentheses that are nothing but citations.
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        if only_citations(inner) {
            out.push_str(rest[..open].trim_end_matches(' '));
        } else {
            out.push_str(&rest[..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);

    // 2. Every remaining id, in words.
    let text = out;
    let mut out = String::new();
    let mut i = 0;
    while i < text.len() {
        let boundary =
            i == 0 || !text[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '-');
        if boundary && let Some((len, id)) = source_id_at(&text, i) {
            let (article, noun) = if id == "S0-S2" {
                (
                    "the",
                    "doc pages of disburse, voucher.create and voucher.send",
                )
            } else {
                source_words(id).unwrap_or(("the", "source"))
            };
            let before = out.trim_end_matches(' ');
            // The words just before the id, in its phrase ("the newer JAVA javadoc").
            let phrase = before
                .rsplit(|c: char| !(c.is_alphabetic() || c == ' '))
                .next()
                .unwrap_or("");
            let words_before: Vec<String> = phrase
                .split_whitespace()
                .rev()
                .take(2)
                .map(str::to_ascii_lowercase)
                .collect();
            let prev_word = words_before.first().cloned().unwrap_or_default();
            let has_article = words_before
                .iter()
                .any(|w| matches!(w.as_str(), "the" | "a" | "an"));
            let sentence_start = before.is_empty() || before.ends_with(['.', ':', ';']);
            let mut words = if has_article {
                noun.to_owned()
            } else {
                format!("{article} {noun}")
            };
            if has_article && prev_word == "an" && !noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
                // "An S3 key output" → "A red-packet quick-start guide key output".
                let cut = before.len() - 2;
                let a = if &before[cut..cut + 1] == "A" {
                    "A"
                } else {
                    "a"
                };
                out = format!("{}{a}{}", &before[..cut], &out[cut + 2..]);
            }
            if sentence_start && !has_article {
                words = words[..1].to_ascii_uppercase() + &words[1..];
            }
            out.push_str(&words);
            i += len;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Whether a parenthesis holds nothing but source ids (and the word "community").
fn only_citations(inner: &str) -> bool {
    let mut i = 0;
    let mut any = false;
    while i < inner.len() {
        if let Some((len, _)) = source_id_at(inner, i) {
            any = true;
            i += len;
        } else if inner[i..].starts_with("community") {
            i += "community".len();
        } else if inner[i..].starts_with([' ', ',', ';', '/', '&']) {
            i += 1;
        } else {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::public_text;

    #[test]
    fn source_ids_become_words() {
        let cases = [
            ("Must differ (ALY-711128).", "Must differ."),
            (
                "SDK models only (JAVA/PY), not in S2's table.",
                "SDK models only, not in the voucher.send doc page's table.",
            ),
            ("x (ALY-711098, community). y", "x. y"),
            (
                "S0 says Price. S0's example is a number.",
                "The disburse doc page says Price. The disburse doc page's example is a number.",
            ),
            (
                "An S3 key output.",
                "A key output of the red-packet quick-start guide.",
            ),
            (
                "x. S3 key output.",
                "x. A key output of the red-packet quick-start guide.",
            ),
            (
                "The newer JAVA javadoc adds",
                "The newer Java SDK javadoc adds",
            ),
            ("JAVA types it Date.", "The Java SDK types it Date."),
            (
                "(S3 4.3: \"需要\")",
                "(the red-packet quick-start guide: \"需要\")",
            ),
            (
                "posts say so (ALY-711129/711055; refunds use X).",
                "posts say so (a community post; refunds use X).",
            ),
            (
                "from the ALY-711055 example URL (S0, S1).",
                "from the community post example URL.",
            ),
            (
                "ZS1 S10 NPMX (MONEY_NOT_ENOUGH, server-side)",
                "ZS1 S10 NPMX (MONEY_NOT_ENOUGH, server-side)",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(public_text(input), want, "{input}");
        }
    }
}
