//! A [`Draft`] written out as spec text (`alipay-spec/2`), in the layout of the hand-written
//! specs: top-level keys, `[[request]]` (members as `[[request.fields]]`), `[[one_of]]`,
//! `[[response]]`, `[[error]]`, `[notify]`.
//!
//! Each guessed attribute gets a `# inferred: why` comment on its line and an entry in the
//! field's `inferred = [...]`, so a reader sees at once what to check against the doc.

use std::fmt::Write as _;

use crate::model::*;

/// What to do with fields of a shared type (`Ty::Shared`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedTypes {
    /// Name them (`type = "GoodsDetail"`); the types go to `_types.toml` ([`types_text`]).
    Named,
    /// Write each as an inline object with its members, so the spec stands alone (stdout).
    Inline,
}

/// The spec file for `draft`.
pub fn spec_text(draft: &Draft, shared: SharedTypes) -> String {
    let mut w = Writer {
        out: String::new(),
        types: &draft.types,
        shared,
    };
    w.header(draft);
    w.section_rule("Request");
    for f in &draft.request {
        w.field("request", f, Side::Request, &mut Vec::new());
    }
    if !draft.one_of.is_empty() {
        w.section_rule("One-of groups (特殊可选)");
        for g in &draft.one_of {
            w.group("one_of", g);
        }
    }
    if !draft.response.is_empty() {
        w.section_rule("Response");
        for f in &draft.response {
            w.field("response", f, Side::Response, &mut Vec::new());
        }
    }
    if !draft.errors.is_empty() {
        w.section_rule("Business errors (sub_code)");
        for e in &draft.errors {
            w.error(e);
        }
    }
    if let Some(n) = &draft.notify {
        w.notify(n);
    }
    w.out
}

/// A complete `_types.toml` holding `types`.
pub fn types_text(types: &[SharedType]) -> String {
    let mut out = String::from("schema = \"alipay-spec/2\"\n");
    out.push_str(&types_blocks(types, types));
    out
}

/// The `[[type]]` tables of `new`, to append to an existing `_types.toml` (which must already
/// hold every other type they name). Types are looked up in `all`.
pub fn types_blocks(new: &[SharedType], all: &[SharedType]) -> String {
    let mut w = Writer {
        out: String::new(),
        types: all,
        shared: SharedTypes::Named,
    };
    for t in new {
        w.out.push('\n');
        w.out.push_str("[[type]]\n");
        w.kv("name", &quote(&t.name), None);
        if t.response_side {
            w.kv("side", "\"response\"", None);
        }
        if !t.doc.is_empty() {
            w.kv("doc", &quote(&t.doc), None);
        }
        if !t.source.is_empty() {
            w.kv("source", &quote(&t.source), None);
        }
        let side = if t.response_side {
            Side::Response
        } else {
            Side::Request
        };
        let mut seen = vec![t.name.clone()];
        for f in &t.fields {
            w.field("type.fields", f, side, &mut seen);
        }
    }
    w.out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Request,
    Response,
    Notify,
}

struct Writer<'a> {
    out: String,
    types: &'a [SharedType],
    shared: SharedTypes,
}

impl<'a> Writer<'a> {
    fn header(&mut self, d: &Draft) {
        let title = if d.name_zh.is_empty() {
            d.method.clone()
        } else {
            format!("{}: {}", d.name_zh, d.method)
        };
        let _ = writeln!(self.out, "# {title}");
        self.out
            .push_str("# A draft made by `alipay spec import`; check every `inferred` line.\n");
        for o in &d.origins {
            let _ = writeln!(self.out, "# From: {o}");
        }
        for r in &d.remarks {
            for line in wrap(r, 96) {
                let _ = writeln!(self.out, "# {line}");
            }
        }
        self.out.push('\n');
        self.kv("schema", "\"alipay-spec/2\"", None);
        self.kv("method", &quote(&d.method), None);
        self.kv("name_zh", &quote(&d.name_zh), None);
        let summary = first_sentence(&d.doc);
        let summary = if summary.is_empty() {
            d.method.clone()
        } else {
            summary
        };
        self.kv(
            "summary",
            &quote(&summary),
            Some("the doc's first sentence: write one English line"),
        );
        self.out
            .push_str("# doc_url = \"...\"  (the page's address: add it)\n");
        self.kv(
            "execution",
            &quote(d.execution.value.as_str()),
            d.execution.inferred.as_deref(),
        );
        self.kv(
            "notify_url",
            bool_text(d.notify_url.value),
            d.notify_url.inferred.as_deref(),
        );
        self.kv(
            "return_url",
            bool_text(d.return_url.value),
            d.return_url.inferred.as_deref(),
        );
        if d.params.value != Params::BizContent || d.params.inferred.is_some() {
            self.kv(
                "params",
                &quote(d.params.value.as_str()),
                d.params.inferred.as_deref(),
            );
        }
        self.kv(
            "response_node",
            &quote(&format!("{}_response", d.method.replace('.', "_"))),
            None,
        );
        self.kv(
            "completeness",
            &quote("draft: imported, not yet reviewed"),
            None,
        );
        let sources: Vec<String> = if d.origins.is_empty() {
            vec!["import".to_owned()]
        } else {
            d.origins.clone()
        };
        self.kv("sources", &list(&sources), None);
    }

    fn section_rule(&mut self, title: &str) {
        let _ = write!(
            self.out,
            "\n# {}\n# {title}\n# {}\n",
            "-".repeat(93),
            "-".repeat(93)
        );
    }

    fn kv(&mut self, key: &str, value: &str, inferred: Option<&str>) {
        match inferred {
            Some(why) => {
                let _ = writeln!(self.out, "{key} = {value}  # inferred: {}", one_line(why));
            }
            None => {
                let _ = writeln!(self.out, "{key} = {value}");
            }
        }
    }

    /// One field table: `[[<path>]]` and its keys, then its members one level deeper.
    /// `seen` holds the shared types being expanded inline (a guard against cycles).
    fn field(&mut self, path: &str, f: &Field, side: Side, seen: &mut Vec<String>) {
        self.out.push('\n');
        let _ = writeln!(self.out, "[[{path}]]");
        let why = |attr: &str| {
            f.inferred
                .iter()
                .find(|(a, _)| a == attr)
                .map(|(_, w)| w.as_str())
        };
        let mut written: Vec<&str> = Vec::new();
        let mut kv = |w: &mut Self, key: &'static str, value: String| {
            w.kv(key, &value, why(key));
            written.push(key);
        };
        kv(self, "name", quote(&f.name));
        let inline_members = self.inline_members(&f.ty);
        match (&f.ty, inline_members) {
            (Ty::Array(item), None) => {
                kv(self, "type", quote("array"));
                kv(self, "items", quote(item.word()));
            }
            (Ty::Array(_), Some(_)) => {
                kv(self, "type", quote("array"));
                kv(self, "items", quote("object"));
            }
            (_, Some(_)) => kv(self, "type", quote("object")),
            (ty, None) => kv(self, "type", quote(ty.word())),
        }
        if side != Side::Notify || !matches!(f.required, Required::OneOf(_)) {
            kv(self, "required", quote(f.required.as_str()));
        }
        if let Required::OneOf(group) = &f.required {
            kv(self, "one_of", quote(group));
        }
        if let (Some(n), Some(unit)) = (f.max_len, f.len_unit) {
            kv(self, "max_len", n.to_string());
            kv(self, "len_unit", quote(unit.as_str()));
        }
        if let Some(r) = &f.range {
            kv(self, "range", range_text(r));
        }
        if !f.values.is_empty() {
            let list: Vec<String> = f.values.iter().map(|v| quote(v)).collect();
            kv(self, "values", format!("[{}]", list.join(", ")));
        }
        if f.allow_1c {
            kv(self, "allow_1c", "true".into());
        }
        if let Some(fmt) = &f.format {
            kv(self, "format", quote(fmt));
        }
        if let Some(d) = &f.default {
            kv(self, "default", quote(d));
        }
        if !f.doc.is_empty() {
            kv(self, "doc", quote(&f.doc));
        }
        if !f.notes.is_empty() {
            kv(self, "note", quote(&f.notes.join(" ")));
        }
        if !f.example.is_empty() {
            kv(self, "example", quote(&f.example));
        }
        if !f.source.is_empty() {
            kv(self, "source", quote(&f.source));
        }
        // Guesses about attributes that have no line of their own (a pattern that comes with
        // the type, a required flag the SDK does not state) go in the inferred line's comment.
        if !f.inferred.is_empty() {
            let names: Vec<String> = f.inferred.iter().map(|(a, _)| quote(a)).collect();
            let unwritten: Vec<String> = f
                .inferred
                .iter()
                .filter(|(a, _)| !written.contains(&a.as_str()))
                .map(|(a, w)| format!("{a}: {}", one_line(w)))
                .collect();
            let comment = if unwritten.is_empty() {
                String::new()
            } else {
                format!("  # {}", unwritten.join("; "))
            };
            let _ = writeln!(self.out, "inferred = [{}]{comment}", names.join(", "));
        }
        let (members, groups): (Vec<Field>, Vec<OneOfGroup>) = match inline_members {
            Some(t) => (t.fields.clone(), Vec::new()),
            None => (f.fields.clone(), f.one_of_groups.clone()),
        };
        let expanding = match f.ty.value() {
            Ty::Shared(name) if inline_members.is_some() => {
                if seen.contains(name) {
                    // Unreachable for checked drafts (imports cut cycles); never loop.
                    return;
                }
                seen.push(name.clone());
                true
            }
            _ => false,
        };
        let child = format!("{path}.fields");
        for m in &members {
            self.field(&child, m, side, seen);
        }
        if side == Side::Request {
            for g in &groups {
                self.group(&format!("{path}.one_of_groups"), g);
            }
        }
        if expanding {
            seen.pop();
        }
    }

    /// The shared type whose members a field of type `ty` is written with, in inline mode.
    fn inline_members(&self, ty: &Ty) -> Option<&'a SharedType> {
        let types: &'a [SharedType] = self.types;
        match (self.shared, ty.value()) {
            (SharedTypes::Inline, Ty::Shared(name)) => types.iter().find(|t| &t.name == name),
            _ => None,
        }
    }

    fn group(&mut self, path: &str, g: &OneOfGroup) {
        self.out.push('\n');
        let _ = writeln!(self.out, "[[{path}]]");
        let why = |attr: &str| {
            g.inferred
                .iter()
                .find(|(a, _)| a == attr)
                .map(|(_, w)| w.clone())
        };
        self.kv("id", &quote(&g.id), None);
        self.kv("fields", &list(&g.fields), None);
        self.kv("min", &g.min.to_string(), why("min").as_deref());
        self.kv(
            "precedence",
            &list(&g.precedence),
            why("precedence").as_deref(),
        );
        self.kv("enforce", bool_text(g.enforce), why("enforce").as_deref());
        if !g.doc.is_empty() {
            self.kv("doc", &quote(&g.doc), None);
        }
        self.kv("source", &quote("doc page"), None);
        if !g.inferred.is_empty() {
            let names: Vec<String> = g.inferred.iter().map(|(a, _)| a.clone()).collect();
            self.kv("inferred", &list(&names), None);
        }
    }

    fn error(&mut self, e: &ErrorCode) {
        self.out.push('\n');
        self.out.push_str("[[error]]\n");
        self.kv("code", &quote(&e.code), None);
        self.kv("msg", &quote(&e.msg), None);
        self.kv("solution", &quote(&e.solution), None);
        self.kv("handling", &quote(&e.handling), Some(&e.why));
        self.kv("source", &quote("doc page"), None);
    }

    fn notify(&mut self, n: &Notify) {
        self.section_rule("Notification (触发通知类型 / 触发通知字段)");
        self.out.push_str("\n[notify]\n");
        self.kv("documented", "true", None);
        self.kv("source", &quote("doc page"), None);
        for t in &n.types {
            self.out.push('\n');
            self.out.push_str("[[notify.types]]\n");
            self.kv("name", &quote(&t.name), None);
            self.kv("doc", &quote(&t.doc), None);
            self.kv("default_on", bool_text(t.default_on), None);
        }
        for f in &n.fields {
            self.field("notify.fields", f, Side::Notify, &mut Vec::new());
        }
    }
}

fn range_text(r: &Range) -> String {
    match r {
        Range::Amount { min, max, scale } => {
            format!(
                "{{ min = {}, max = {}, scale = {scale} }}",
                quote(min),
                quote(max)
            )
        }
        Range::Timeout { min, max } => format!("{{ min = {}, max = {} }}", quote(min), quote(max)),
        Range::Integer { min, max } => format!("{{ min = {min}, max = {max} }}"),
    }
}

fn bool_text(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A TOML basic string.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The doc text up to its first full stop (Chinese or ASCII), on one line.
fn first_sentence(doc: &str) -> String {
    let line = doc.lines().next().unwrap_or("").trim();
    let end = line
        .char_indices()
        .find(|&(_, c)| c == '。')
        .map_or(line.len(), |(i, _)| i);
    line[..end].trim().to_owned()
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_what_toml_needs() {
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(quote("\u{1}"), "\"\\u0001\"");
    }

    #[test]
    fn first_sentence_stops_at_the_chinese_full_stop() {
        assert_eq!(first_sentence("发券。更多\n第二行"), "发券");
        assert_eq!(first_sentence(""), "");
    }
}
